/// Balancing weights from fitted propensities, with their effective sample size per arm.
public struct PropensityWeights: Sendable, Equatable {
    /// One weight per account.
    public let values: [Double]
    /// The truncation limits applied (lower, upper), when asked for.
    public let truncation: (lower: Double, upper: Double)?
    /// Kish's effective sample size of the treated arm, (Σw)²/Σw².
    public let effectiveTreated: Double
    /// Kish's effective sample size of the control arm.
    public let effectiveControl: Double

    /// The `estimand`'s weights for propensities `propensities` and arms `treated`; with `trim`
    /// q, weights below their q-quantile or above their (1 − q)-quantile (R's type 7) are set to
    /// those quantiles (winsorised), as Hernán & Robins' truncation — over every account for ATE
    /// and ATO, over the controls only for ATT, whose treated weights are 1 by definition.
    init(estimand: CausalEstimand, propensities: [Double], treated: [Bool], trim: Double?) {
        let share = Double(treated.count(where: { $0 })) / Double(treated.count)
        var values = zip(propensities, treated).map { estimand.weight(propensity: $0, treated: $1, treatedShare: share) }
        if let trim {
            let trimmed = values.indices.filter { estimand != .att || !treated[$0] }
            let sorted = trimmed.map { values[$0] }.sorted()
            let limits = (lower: Self.quantile(sorted, trim), upper: Self.quantile(sorted, 1 - trim))
            for index in trimmed { values[index] = min(max(values[index], limits.lower), limits.upper) }
            truncation = limits
        } else {
            truncation = nil
        }
        self.values = values
        effectiveTreated = Self.effectiveSize(zip(values, treated).filter { $0.1 }.map(\.0))
        effectiveControl = Self.effectiveSize(zip(values, treated).filter { !$0.1 }.map(\.0))
    }

    /// Kish's effective sample size, (Σw)²/Σw².
    static func effectiveSize(_ weights: [Double]) -> Double {
        let sum = weights.reduce(0, +)
        return sum * sum / weights.reduce(0) { $0 + $1 * $1 }
    }

    /// The type-7 quantile of ascending `sorted` at `level`: interpolation between order statistics.
    static func quantile(_ sorted: [Double], _ level: Double) -> Double {
        let position = level * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }

    /// Weights are equal when their values and truncation are.
    public static func == (lhs: PropensityWeights, rhs: PropensityWeights) -> Bool {
        lhs.values == rhs.values && lhs.truncation?.lower == rhs.truncation?.lower && lhs.truncation?.upper == rhs.truncation?.upper
    }
}
