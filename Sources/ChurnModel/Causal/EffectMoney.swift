/// What the treatment's retention is worth per account given a CSM, against what covering it
/// costs: the RMST difference (months longer an account stays within the horizon) times the mean
/// MRR of the same population — every account analysed for the ATE, the treated for the ATT (what
/// CS does for the accounts it covers), the overlap-weighted accounts for the ATO — against the
/// CSM's cost spread over the accounts one CSM carries.
public struct EffectMoney: Sendable, Equatable, Codable {
    /// The horizon, in months.
    public let horizonMonths: Double
    /// Extra months a covered account stays, within the horizon (the RMST difference), with its CI.
    public let extraMonthsRetained: Double
    /// Confidence interval of the extra months.
    public let extraMonthsInterval: [Double]
    /// The population the value is for (the estimand's).
    public let population: String
    /// Mean MRR of that population (ATO: weighted by e(1 − e)).
    public let meanMonthlyRevenue: Double
    /// Revenue kept per covered account within the horizon: extra months × mean MRR.
    public let retainedRevenuePerCoveredAccount: Double
    /// Its confidence interval.
    public let retainedRevenueInterval: [Double]
    /// CSM cost per covered account over the horizon (annual cost × horizon in years / accounts
    /// per CSM), when both were given.
    public let csmCostPerCoveredAccount: Double?
    /// Retained revenue minus the cost, with its confidence interval, when the cost is known.
    public let netValuePerCoveredAccount: Double?
    /// Confidence interval of the net value.
    public let netValueInterval: [Double]?

    /// The value of `effect` with MRR `revenue` per table row; the RMST horizon in the data's time
    /// unit is `monthsPerUnit` months each; the cost is the annual cost of one CSM carrying
    /// `accountsPerCSM` accounts.
    init(effect: CausalEffect, revenue: [Double], monthsPerUnit: Double, csmCostAnnual: Double?, accountsPerCSM: Double?) {
        let weights: [Double] = effect.rows.indices.map { index in
            let e = effect.propensity.fitted[index]
            switch effect.estimand {
            case .ate: return 1
            case .att: return effect.treated[index] ? 1 : 0
            case .ato: return e * (1 - e)
            }
        }
        let mrr = zip(effect.rows, weights).reduce(0) { $0 + revenue[$1.0] * $1.1 } / weights.reduce(0, +)
        population = effect.estimand.population
        let rmst = effect.restrictedMean
        horizonMonths = rmst.time * monthsPerUnit
        extraMonthsRetained = rmst.difference * monthsPerUnit
        extraMonthsInterval = rmst.ci95.map { $0 * monthsPerUnit }
        meanMonthlyRevenue = mrr
        retainedRevenuePerCoveredAccount = extraMonthsRetained * mrr
        retainedRevenueInterval = extraMonthsInterval.map { $0 * mrr }
        if let csmCostAnnual, let accountsPerCSM {
            let cost = csmCostAnnual * (horizonMonths / 12) / accountsPerCSM
            csmCostPerCoveredAccount = cost
            netValuePerCoveredAccount = retainedRevenuePerCoveredAccount - cost
            netValueInterval = retainedRevenueInterval.map { $0 - cost }
        } else {
            csmCostPerCoveredAccount = nil
            netValuePerCoveredAccount = nil
            netValueInterval = nil
        }
    }
}
