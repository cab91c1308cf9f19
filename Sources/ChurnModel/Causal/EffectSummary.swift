/// Everything `churnsim effect` found, as written to `effect.json` (snake_case keys).
public struct EffectSummary: Sendable, Equatable, Codable {
    /// One propensity-model term.
    public struct Term: Sendable, Equatable, Codable {
        /// Term name.
        public let name: String
        /// Coefficient (log-odds of treatment).
        public let coefficient: Double
        /// Its standard error.
        public let standardError: Double
    }

    /// The propensity model and the overlap of its scores.
    public struct Propensity: Sendable, Equatable, Codable {
        /// Terms, intercept first.
        public let terms: [Term]
        /// Area under the ROC curve of the scores for the arms.
        public let cStatistic: Double
        /// Log-likelihood.
        public let logLikelihood: Double
        /// Newton iterations.
        public let iterations: Int
        /// Overlap of the treated arm's scores.
        public let overlapTreated: CausalEffect.Overlap
        /// Overlap of the control arm's scores.
        public let overlapControl: CausalEffect.Overlap
    }

    /// The weights' range.
    public struct Weights: Sendable, Equatable, Codable {
        /// Smallest weight.
        public let min: Double
        /// Largest weight.
        public let max: Double
        /// Mean weight.
        public let mean: Double
        /// Truncation limits [lower, upper], when --trim was given.
        public let truncation: [Double]?
    }

    /// Effective sample sizes.
    public struct EffectiveSampleSize: Sendable, Equatable, Codable {
        /// Treated arm.
        public let treated: Double
        /// Control arm.
        public let control: Double
    }

    /// The treatment column.
    public let treatment: String
    /// The estimand.
    public let estimand: CausalEstimand
    /// Accounts analysed.
    public let accounts: Int
    /// Treated accounts analysed.
    public let treatedAccounts: Int
    /// Churn events analysed.
    public let events: Int
    /// The propensity model.
    public let propensity: Propensity
    /// The weights.
    public let weights: Weights
    /// Kish effective sample sizes per arm.
    public let effectiveSampleSize: EffectiveSampleSize
    /// Balance per term.
    public let balance: [CovariateBalance]
    /// Whether every term is balanced.
    public let balanced: Bool
    /// Weighted marginal hazard ratio.
    public let hazardRatio: CausalEffect.HazardRatio
    /// Unadjusted hazard ratio.
    public let naiveHazardRatio: CausalEffect.HazardRatio
    /// Retention differences.
    public let retention: [CausalEffect.Difference]
    /// RMST difference.
    public let restrictedMeanSurvival: CausalEffect.Difference
    /// E-value.
    public let eValue: EValue
    /// The verdict's kind.
    public let conclusion: EffectVerdict.Conclusion
    /// The verdict in words (with the naive-disagreement sentence, if any).
    public let verdict: String
    /// Warnings.
    public let warnings: [String]
    /// The unit of the times (`months`, `days`, …), or nil when not given.
    public let timeUnit: String?
    /// Retained revenue against CSM cost, when a revenue column was given.
    public let money: EffectMoney?

    /// The summary of `effect`.
    init(
        effect: CausalEffect, treatment: String, verdict: EffectVerdict, warnings: [String], timeUnit: TimeUnit?,
        money: EffectMoney?
    ) {
        self.treatment = treatment
        estimand = effect.estimand
        accounts = effect.accounts
        treatedAccounts = effect.treatedAccounts
        events = effect.events
        let fit = effect.propensity
        propensity = Propensity(
            terms: fit.names.indices.map { Term(name: fit.names[$0], coefficient: fit.coefficients[$0], standardError: fit.standardErrors[$0]) },
            cStatistic: effect.cStatistic, logLikelihood: fit.logLikelihood, iterations: fit.iterations,
            overlapTreated: effect.overlapTreated, overlapControl: effect.overlapControl)
        let values = effect.weights.values
        weights = Weights(
            min: values.min() ?? 0, max: values.max() ?? 0, mean: values.reduce(0, +) / Double(values.count),
            truncation: effect.weights.truncation.map { [$0.lower, $0.upper] })
        effectiveSampleSize = EffectiveSampleSize(treated: effect.weights.effectiveTreated, control: effect.weights.effectiveControl)
        balance = effect.balance
        balanced = effect.isBalanced
        hazardRatio = effect.hazardRatio
        naiveHazardRatio = effect.naiveHazardRatio
        retention = effect.retention
        restrictedMeanSurvival = effect.restrictedMean
        eValue = effect.eValue
        conclusion = verdict.conclusion
        self.verdict = [verdict.text, verdict.naiveDisagreement].compactMap { $0 }.joined(separator: " ")
        self.warnings = warnings
        self.timeUnit = timeUnit?.rawValue
        self.money = money
    }
}
