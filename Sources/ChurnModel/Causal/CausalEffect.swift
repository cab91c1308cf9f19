import RealModule

/// A treatment's effect on churn from observational history, by propensity-score weighting:
/// the propensity model, overlap, weights, balance, the weighted (marginal) hazard ratio beside
/// the naive one, weighted retention curves, RMST, the E-value and a verdict.
public struct CausalEffect: Sendable, Equatable {
    /// Propensity overlap of one arm.
    public struct Overlap: Sendable, Equatable, Codable {
        /// Smallest propensity in the arm.
        public let min: Double
        /// Largest propensity in the arm.
        public let max: Double
        /// Share of the arm's accounts with a propensity outside [0.05, 0.95].
        public let shareOutside: Double
    }

    /// A hazard ratio with its interval.
    public struct HazardRatio: Sendable, Equatable, Codable {
        /// The log hazard ratio (treated vs control).
        public let logEstimate: Double
        /// Its standard error (robust sandwich for the weighted fit, model-based for the naive one).
        public let standardError: Double
        /// exp(log estimate).
        public let estimate: Double
        /// Confidence interval of the hazard ratio.
        public let ci95: [Double]
    }

    /// A difference between the arms (treated minus control) with its interval.
    public struct Difference: Sendable, Equatable, Codable {
        /// The time (months or the data's unit) it is taken at, or up to.
        public let time: Double
        /// Treated-arm value.
        public let treated: Double
        /// Control-arm value.
        public let control: Double
        /// treated − control.
        public let difference: Double
        /// Standard error of the difference (the arms' variances added).
        public let standardError: Double
        /// Confidence interval of the difference.
        public let ci95: [Double]
    }

    /// The estimand the weights target.
    public let estimand: CausalEstimand
    /// Accounts analysed (after leaving out those without comparable accounts in the other arm).
    public let accounts: Int
    /// Treated accounts analysed.
    public let treatedAccounts: Int
    /// Churn events analysed.
    public let events: Int
    /// The table rows analysed (0-based, ascending): all but those left out for lack of support.
    public let rows: [Int]
    /// The arm of each analysed account (true = treated), in the order of ``rows``.
    public let treated: [Bool]
    /// The propensity model.
    public let propensity: LogisticFit
    /// Its c-statistic (area under the ROC curve of the propensities for the arms).
    public let cStatistic: Double
    /// Propensity overlap of the treated arm.
    public let overlapTreated: Overlap
    /// Propensity overlap of the control arm.
    public let overlapControl: Overlap
    /// The weights.
    public let weights: PropensityWeights
    /// Balance of every propensity term.
    public let balance: [CovariateBalance]
    /// The weighted Cox hazard ratio (Efron ties, robust sandwich SE, clustered when asked).
    public let hazardRatio: HazardRatio
    /// The unadjusted Cox hazard ratio.
    public let naiveHazardRatio: HazardRatio
    /// The weighted Kaplan–Meier curve of the treated arm.
    public let treatedCurve: WeightedSurvivalCurve
    /// The weighted Kaplan–Meier curve of the control arm.
    public let controlCurve: WeightedSurvivalCurve
    /// Retention differences at the requested times.
    public let retention: [Difference]
    /// The RMST difference up to the horizon.
    public let restrictedMean: Difference
    /// The E-value of the weighted hazard ratio.
    public let eValue: EValue
    /// Notes for the report (accounts left out for lack of support, poor overlap).
    public let warnings: [String]

    /// Whether every term is balanced after weighting (|SMD| < 0.1, variance ratio in [0.5, 2]).
    public var isBalanced: Bool { balance.allSatisfy(\.isBalanced) }
}

/// The settings of a causal-effect analysis.
public struct CausalEffectOptions: Sendable, Equatable {
    /// The estimand; nil chooses: ATE, or ATO when overlap is poor (10% or more of an arm with a
    /// propensity outside [0.05, 0.95]).
    public var estimand: CausalEstimand?
    /// Winsorise the weights at these two-sided quantiles (e.g. 0.01), or not.
    public var trim: Double?
    /// Times at which retention is compared.
    public var times: [Double]
    /// Horizon of the restricted mean survival time.
    public var horizon: Double
    /// Confidence level of every interval.
    public var confidenceLevel: Double

    /// Creates options; `trim` must be in (0, 0.5).
    public init(
        estimand: CausalEstimand? = nil, trim: Double? = nil, times: [Double] = [3, 6, 12], horizon: Double = 12,
        confidenceLevel: Double = 0.95
    ) throws(CausalEffectError) {
        if let trim, !(trim > 0 && trim < 0.5) { throw .invalidTrim(trim) }
        guard confidenceLevel > 0 && confidenceLevel < 1 else {
            throw .invalidOption(name: "the confidence level", reason: "must be in (0, 1), got \(confidenceLevel)")
        }
        guard !times.isEmpty, times.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw .invalidOption(name: "--times", reason: "takes positive numbers, got \(times.map(NumberFormatting.exact))")
        }
        guard horizon > 0 && horizon.isFinite else {
            throw .invalidOption(name: "--horizon", reason: "must be a positive number, got \(horizon)")
        }
        self.estimand = estimand
        self.trim = trim
        self.times = times
        self.horizon = horizon
        self.confidenceLevel = confidenceLevel
    }
}

extension CausalEffect {
    /// Estimates the effect of `treated` on churn in `table`, whose covariates are the
    /// confounder terms (clusters, when present, group the robust variance).
    ///
    /// A binary term whose accounts are all in one arm (every Enterprise account has a CSM) has
    /// no comparable accounts: those accounts are left out, with a warning, and the answer is
    /// about the rest.
    /// - Parameter referenceLevels: the reference level of each text confounder, to name the
    ///   accounts left out when it is the one level without comparable accounts.
    public init(
        table: EventTable, treated: [Bool], treatment: String, options: CausalEffectOptions,
        referenceLevels: [String: String] = [:]
    ) throws(CausalEffectError) {
        guard table.weights == nil else {
            throw .invalidOption(name: "case weights", reason: "are not supported: the propensity weights are the only weights")
        }
        guard treated.contains(true) else { throw .oneArmOnly(column: treatment, treated: false) }
        guard treated.contains(false) else { throw .oneArmOnly(column: treatment, treated: true) }
        guard let covariates = table.covariates, table.covariateCount > 0 else { throw .noConfounders }
        let support = CommonSupport(
            covariates: covariates, names: table.covariateNames, treated: treated, referenceLevels: referenceLevels)
        let rows = support.rows
        let arm = rows.map { treated[$0] }
        guard arm.contains(true), arm.contains(false) else {
            throw .noCommonSupport(reason: support.warnings.joined(separator: "; "))
        }
        let needed = support.terms.count + 2
        for (name, isTreated) in [("treated", true), ("control", false)] {
            let accounts = arm.count(where: { $0 == isTreated })
            if accounts < needed { throw .armTooSmall(arm: name, accounts: accounts, needed: needed) }
        }
        let design = Matrix(
            rows: rows.count, columns: support.terms.count,
            columnMajor: support.terms.flatMap { column in rows.map { covariates[$0, column] } })
        let names = support.terms.map { table.covariateNames[$0] }
        let propensity = try LogisticRegression.fit(design: design, names: names, outcome: arm)
        let overlaps = (Self.overlap(propensity.fitted, arm, true), Self.overlap(propensity.fitted, arm, false))
        let poorOverlap = max(overlaps.0.shareOutside, overlaps.1.shareOutside) >= Self.poorOverlapShare
        let estimand = options.estimand ?? (poorOverlap ? .ato : .ate)
        let weights = PropensityWeights(
            estimand: estimand, propensities: propensity.fitted, treated: arm, trim: options.trim)
        let subset = table.withoutCovariates.subset(rows: rows)
        let z = NormalQuantile.quantile(0.5 + options.confidenceLevel / 2)

        self.estimand = estimand
        accounts = rows.count
        treatedAccounts = arm.count(where: { $0 })
        events = subset.events.count(where: { $0 })
        self.rows = rows
        self.treated = arm
        self.propensity = propensity
        cStatistic = Self.cStatistic(propensity.fitted, arm)
        (overlapTreated, overlapControl) = overlaps
        self.weights = weights
        balance = names.indices.map { term in
            CovariateBalance(
                covariate: names[term], values: design.column(term), treated: arm, weights: weights.values,
                estimand: estimand)
        }
        for (name, isTreated) in [("treated", true), ("control", false)] where !zip(subset.events, arm).contains(where: { $0.0 && $0.1 == isTreated }) {
            throw .noEvents(arm: name)
        }
        for (name, isTreated) in [("treated", true), ("control", false)] {
            let members = arm.indices.filter { arm[$0] == isTreated }
            let last = members.map { subset.durations[$0] }.max() ?? 0
            if let time = (options.times + [options.horizon]).first(where: { $0 > last }) {
                throw .beyondFollowUp(time: time, arm: name, lastFollowUp: last)
            }
            // With late entry, nobody of the arm is observed before its first entry.
            let first = subset.entryTimes.map { entry in members.map { entry[$0] }.min() ?? 0 } ?? 0
            if let time = options.times.first(where: { $0 <= first }), first > 0 {
                throw .beforeFollowUp(time: time, arm: name, firstEntry: first)
            }
        }
        hazardRatio = try Self.cox(subset, arm: arm, weights: weights.values, z: z)
        naiveHazardRatio = try Self.cox(subset, arm: arm, weights: nil, z: z)
        treatedCurve = WeightedSurvivalCurve(table: subset, rows: arm.indices.filter { arm[$0] }, weights: weights.values)
        controlCurve = WeightedSurvivalCurve(table: subset, rows: arm.indices.filter { !arm[$0] }, weights: weights.values)
        retention = options.times.map { [treatedCurve, controlCurve] time in
            Self.difference(
                time: time, treated: (treatedCurve.survival(at: time), treatedCurve.standardError(at: time)),
                control: (controlCurve.survival(at: time), controlCurve.standardError(at: time)), z: z)
        }
        restrictedMean = Self.difference(
            time: options.horizon, treated: treatedCurve.restrictedMean(to: options.horizon),
            control: controlCurve.restrictedMean(to: options.horizon), z: z)
        // Whether churn is common: the Kaplan–Meier share churned by the end of follow-up, which,
        // unlike the share of rows with an event, counts what censoring hides.
        let everyone = WeightedSurvivalCurve(table: subset, rows: Array(arm.indices), weights: [Double](repeating: 1, count: arm.count))
        let churnShare = 1 - (everyone.survival.last ?? 1)
        eValue = EValue(
            hazardRatio: hazardRatio.estimate, lower: hazardRatio.ci95[0], upper: hazardRatio.ci95[1],
            commonOutcome: churnShare >= EValue.commonOutcomeShare)
        let overlapWarning = poorOverlap ? [Self.overlapWarning(overlaps, estimand: estimand, chosen: options.estimand == nil)] : []
        warnings = support.warnings + overlapWarning
    }

    /// The Cox hazard ratio of the arm indicator: weighted with a robust sandwich variance, or
    /// unweighted with the model variance.
    private static func cox(_ table: EventTable, arm: [Bool], weights: [Double]?, z: Double) throws(CausalEffectError) -> HazardRatio {
        do {
            let data = try EventTable(
                durations: table.durations, events: table.events, entryTimes: table.entryTimes, weights: weights,
                covariates: Matrix(rows: arm.count, columns: 1, columnMajor: arm.map { $0 ? 1 : 0 }),
                covariateNames: ["treated"], clusters: table.clusters)
            let fit = try CoxProportionalHazards(options: CoxOptions(ties: .efron, robust: weights != nil)).fit(data)
            let coefficient = fit.coefficients[0]
            let b = coefficient.estimate
            let se = coefficient.standardError
            return HazardRatio(
                logEstimate: b, standardError: se, estimate: Double.exp(b),
                ci95: [Double.exp(b - z * se), Double.exp(b + z * se)])
        } catch {
            throw .coxFailed(String(describing: error))
        }
    }

    private static func difference(
        time: Double, treated: (Double, Double), control: (Double, Double), z: Double
    ) -> Difference {
        let difference = treated.0 - control.0
        let se = (treated.1 * treated.1 + control.1 * control.1).squareRoot()
        return Difference(
            time: time, treated: treated.0, control: control.0, difference: difference, standardError: se,
            ci95: [difference - z * se, difference + z * se])
    }

    /// The Mann–Whitney estimate of P(e_treated > e_control), ties counting one half.
    static func cStatistic(_ propensities: [Double], _ treated: [Bool]) -> Double {
        let order = propensities.indices.sorted { propensities[$0] < propensities[$1] }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && propensities[order[end + 1]] == propensities[order[start]] { end += 1 }
            let midRank = Double(start + end) / 2 + 1
            for position in start...end where treated[order[position]] { rankSum += midRank }
            start = end + 1
        }
        let n1 = Double(treated.count(where: { $0 }))
        let n0 = Double(treated.count) - n1
        return (rankSum - n1 * (n1 + 1) / 2) / (n1 * n0)
    }

    private static func overlap(_ propensities: [Double], _ treated: [Bool], _ arm: Bool) -> Overlap {
        let values = zip(propensities, treated).filter { $0.1 == arm }.map(\.0)
        let outside = values.count(where: { $0 < 0.05 || $0 > 0.95 })
        return Overlap(min: values.min() ?? .nan, max: values.max() ?? .nan, shareOutside: Double(outside) / Double(values.count))
    }

    /// The share of an arm outside [0.05, 0.95] from which overlap counts as poor.
    static let poorOverlapShare = 0.1

    private static func overlapWarning(_ overlaps: (Overlap, Overlap), estimand: CausalEstimand, chosen: Bool) -> String {
        let (arm, share) = overlaps.0.shareOutside >= overlaps.1.shareOutside
            ? ("treated", overlaps.0.shareOutside) : ("control", overlaps.1.shareOutside)
        let poor = "poor overlap: \(NumberFormatting.percent(share)) of the \(arm) accounts have a propensity outside [0.05, 0.95]"
        if chosen {
            return poor + ", so the estimate is for the overlap population (ATO: accounts that could have gone either way); "
                + "--estimand ate asks for all accounts instead"
        }
        return poor + (estimand == .ato ? "" : "; their weights are extreme, and the overlap estimand (--estimand ato) "
            + "answers for the accounts that could have gone either way")
    }
}
