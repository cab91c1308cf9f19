/// A problem that stops a non-parametric survival estimator.
public enum SurvivalEstimationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The confidence level is not strictly between 0 and 1.
    case invalidConfidenceLevel(Double)
    /// The tie tolerance is negative or not finite.
    case invalidTieTolerance(Double)
    /// Merging near-tied times collapsed a row's interval (entry, duration] to zero length
    /// (R's "aeqSurv exception"). `row` is 1-based.
    case zeroLengthIntervalAfterTieCorrection(row: Int, entryTime: Double, duration: Double)

    /// A one-line message.
    public var description: String {
        switch self {
        case let .invalidConfidenceLevel(level):
            return "confidence level \(level) is not in (0, 1)"
        case let .invalidTieTolerance(tolerance):
            return "tie tolerance \(tolerance) is not a finite value >= 0"
        case let .zeroLengthIntervalAfterTieCorrection(row, entry, duration):
            return
                "row \(row): entry time \(entry) and duration \(duration) are tied within the tie tolerance; the interval has effective length 0"
        }
    }
}
