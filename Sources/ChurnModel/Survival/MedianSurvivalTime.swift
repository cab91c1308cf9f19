/// The median survival time of a Kaplan–Meier curve and its confidence interval.
///
/// Computed as R's `print(survfit)` / `summary(survfit)$table` do (Therneau & Grambsch,
/// *Modeling Survival Data*, §2.1.3; Brookmeyer & Crowley 1982): over the curve's rows
/// (event and censoring times), the median is the first time at which Ŝ(t) ≤ 0.5; when Ŝ
/// equals 0.5 (within √ε) on an interval, it is the midpoint of that interval's start and the
/// next time the curve drops. The lower (upper) confidence limit is the same rule applied to
/// the lower (upper) pointwise confidence band. `nil` means "not reached" (R's `NA`).
public struct MedianSurvivalTime: Sendable, Equatable {
    /// The median survival time, `nil` if the curve never reaches 0.5.
    public let estimate: Double?
    /// Lower confidence limit, `nil` if the lower band never reaches 0.5.
    public let lowerBound: Double?
    /// Upper confidence limit, `nil` if the upper band never reaches 0.5.
    public let upperBound: Double?
    /// The confidence level of the bounds, e.g. 0.95.
    public let confidenceLevel: Double

    /// Creates a median with its bounds.
    ///
    /// - Parameters:
    ///   - estimate: The median, `nil` when not reached.
    ///   - lowerBound: Lower confidence limit, `nil` when not reached.
    ///   - upperBound: Upper confidence limit, `nil` when not reached.
    ///   - confidenceLevel: The confidence level of the bounds.
    public init(
        estimate: Double?, lowerBound: Double?, upperBound: Double?, confidenceLevel: Double
    ) {
        self.estimate = estimate
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.confidenceLevel = confidenceLevel
    }

    /// R's `minmin` rule: the first time a step curve is ≤ 0.5 (within √ε), averaging with
    /// the next drop when the curve sits exactly at 0.5. Missing values are skipped.
    static func firstCrossing(times: [Double], values: [Double?]) -> Double? {
        let tolerance = Double.ulpOfOne.squareRoot()
        var kept: [(time: Double, value: Double)] = []
        for (time, value) in zip(times, values) {
            if let value, value < 0.5 + tolerance { kept.append((time, value)) }
        }
        guard let first = kept.first else { return nil }
        if Swift.abs(first.value - 0.5) < tolerance,
            let next = kept.first(where: { $0.value < first.value })
        {
            return (first.time + next.time) / 2
        }
        return first.time
    }
}
