/// What the treatment's retention is worth per covered account, against what covering it costs:
/// the RMST difference (months longer an account stays within the horizon) times the covered
/// accounts' mean MRR, against the CSM's cost spread over the accounts one CSM carries.
public struct EffectMoney: Sendable, Equatable, Codable {
    /// The horizon, in months.
    public let horizonMonths: Double
    /// Extra months a covered account stays, within the horizon (the RMST difference), with its CI.
    public let extraMonthsRetained: Double
    /// Confidence interval of the extra months.
    public let extraMonthsInterval: [Double]
    /// Mean MRR of the treated accounts analysed.
    public let meanMonthlyRevenueTreated: Double
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
        let treatedRevenue = zip(effect.rows, effect.treated).filter { $0.1 }.map { revenue[$0.0] }
        let mrr = treatedRevenue.reduce(0, +) / Double(treatedRevenue.count)
        let rmst = effect.restrictedMean
        horizonMonths = rmst.time * monthsPerUnit
        extraMonthsRetained = rmst.difference * monthsPerUnit
        extraMonthsInterval = rmst.ci95.map { $0 * monthsPerUnit }
        meanMonthlyRevenueTreated = mrr
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
