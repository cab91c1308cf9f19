/// Why a shifted-beta-geometric model could not be built or fitted.
public enum ShiftedBetaGeometricError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter is out of range (α, β ≤ 0, discount rate ≤ 0, …).
    case invalidParameter(name: String, value: Double)
    /// Fewer than two counts (the starting cohort and at least one renewal) were given.
    case tooFewPeriods(count: Int)
    /// The starting cohort (period 0) is empty.
    case emptyCohort
    /// A count is negative; `period` is 0-based (period 0 = starting cohort).
    case negativeCount(period: Int, count: Int)
    /// The count of active customers rose from one period to the next.
    case countIncreased(period: Int, previous: Int, current: Int)
    /// No customer churned, so the likelihood has no finite maximum.
    case noChurn
    /// Newton's method stopped without meeting the tolerance.
    case didNotConverge(iterations: Int, gradientNorm: Double)
    /// The information matrix at the estimate is not positive definite.
    case singularInformation

    /// A one-line message.
    public var description: String {
        switch self {
        case let .invalidParameter(name, value): return "\(name) = \(value) is out of range"
        case let .tooFewPeriods(count): return "need counts for period 0 and at least one renewal, got \(count)"
        case .emptyCohort: return "the starting cohort (period 0) has no customers"
        case let .negativeCount(period, count): return "period \(period): count \(count) is negative"
        case let .countIncreased(period, previous, current):
            return "period \(period): active count rose from \(previous) to \(current); counts must not rise"
        case .noChurn: return "no customer churned; alpha and beta cannot be estimated"
        case let .didNotConverge(iterations, norm):
            return "sBG fit did not converge in \(iterations) iterations (gradient norm \(norm))"
        case .singularInformation: return "the sBG information matrix is not positive definite"
        }
    }
}
