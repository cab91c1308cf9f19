/// How alike the arms are on one confounder term, before and after weighting, in cobalt's
/// conventions (`bal.tab` defaults): a binary term's difference in proportions; a continuous
/// term's mean difference over the unweighted standard deviation — pooled √((s₁² + s₀²)/2) for
/// ATE and ATO, the treated arm's for ATT — and the ratio of the arms' weighted variances.
public struct CovariateBalance: Sendable, Equatable, Codable {
    /// The term (a column, or `column=level` for a level of a text column).
    public let covariate: String
    /// Whether the term takes only the values 0 and 1 (then the differences are raw proportions).
    public let isBinary: Bool
    /// Standardised (or raw, for binary terms) mean difference, treated minus control, unweighted.
    public let smdBefore: Double
    /// The same with the weights.
    public let smdAfter: Double
    /// Treated over control weighted variance, for continuous terms.
    public let varianceRatioAfter: Double?

    /// The balance of `values` between the arms `treated`, weighted by `weights`.
    init(covariate: String, values: [Double], treated: [Bool], weights: [Double], estimand: CausalEstimand) {
        self.covariate = covariate
        isBinary = values.allSatisfy { $0 == 0 || $0 == 1 }
        let arms = (treated: Self.split(values, weights, treated, true), control: Self.split(values, weights, treated, false))
        let ones = { (count: Int) in [Double](repeating: 1, count: count) }
        let unweighted = (
            treated: Self.moments(arms.treated.x, ones(arms.treated.x.count)),
            control: Self.moments(arms.control.x, ones(arms.control.x.count)))
        let weighted = (treated: Self.moments(arms.treated.x, arms.treated.w), control: Self.moments(arms.control.x, arms.control.w))
        let pooled = ((unweighted.treated.variance + unweighted.control.variance) / 2).squareRoot()
        let scale: Double
        if isBinary {
            scale = 1
        } else if estimand == .att, unweighted.treated.variance > 0 {
            scale = unweighted.treated.variance.squareRoot()
        } else {
            // A term constant among the treated has no treated SD: the pooled one stands in.
            scale = pooled > 0 ? pooled : 1
        }
        smdBefore = (unweighted.treated.mean - unweighted.control.mean) / scale
        smdAfter = (weighted.treated.mean - weighted.control.mean) / scale
        let ratio = weighted.treated.variance / weighted.control.variance
        varianceRatioAfter = isBinary || !ratio.isFinite ? nil : ratio
    }

    /// Whether this term meets the balance rule: |SMD| < 0.1 and a variance ratio in [0.5, 2]. A
    /// continuous term without a variance ratio (one arm's weighted variance is 0) is not balanced.
    public var isBalanced: Bool {
        guard abs(smdAfter) < Self.smdThreshold else { return false }
        if isBinary { return true }
        return varianceRatioAfter.map { $0 >= 0.5 && $0 <= 2 } ?? false
    }

    /// Encodes every field, `variance_ratio_after` as null for a binary term (cobalt reports none),
    /// so each balance row of `effect.json` has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(covariate, forKey: .covariate)
        try container.encode(isBinary, forKey: .isBinary)
        try container.encode(smdBefore, forKey: .smdBefore)
        try container.encode(smdAfter, forKey: .smdAfter)
        try container.encode(varianceRatioAfter, forKey: .varianceRatioAfter)
    }

    /// The largest acceptable |SMD| after weighting (Austin 2009; cobalt's usual threshold).
    public static let smdThreshold = 0.1

    private static func split(_ x: [Double], _ w: [Double], _ treated: [Bool], _ arm: Bool) -> (x: [Double], w: [Double]) {
        let rows = treated.indices.filter { treated[$0] == arm }
        return (rows.map { x[$0] }, rows.map { w[$0] })
    }

    /// Weighted mean and the bias-corrected weighted variance Σw(x − m)² · Σw / ((Σw)² − Σw²),
    /// which is the usual n − 1 variance for unit weights.
    private static func moments(_ x: [Double], _ w: [Double]) -> (mean: Double, variance: Double) {
        let total = w.reduce(0, +)
        let mean = zip(x, w).reduce(0) { $0 + $1.0 * $1.1 } / total
        let squares = zip(x, w).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) }
        let sumOfSquaredWeights = w.reduce(0) { $0 + $1 * $1 }
        return (mean, squares * total / (total * total - sumOfSquaredWeights))
    }
}
