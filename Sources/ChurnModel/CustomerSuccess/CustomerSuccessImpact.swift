/// What Customer Success is worth (the CFO's view): the scenario simulated with its CS
/// coverage and again without CS (every hazard ratio 1), on common random numbers, so the
/// per-path differences isolate CS's effect from the luck of the draw. The differences are
/// folded path by path (``CustomerSuccessComparison``), so memory does not grow with paths;
/// percentiles come from a quantile sketch (relative error ≤ 1e-4), means are exact.
///
/// Written to `results.json` under `customer_success` (snake_case, explicit nulls).
/// Differences are with CS minus without, per path, over the whole portfolio; new logos are
/// covered by CS too (their churn gets the segment's hazard ratio) while the team is sized on
/// the month-0 book. With an effect estimated from history, each path draws its own effect
/// (the same draw with and without CS), so the ranges include the effect's uncertainty.
public struct CustomerSuccessImpact: Codable, Sendable, Equatable {
    /// Loaded annual cost of one CSM.
    public var csmCostAnnual: Double
    /// The effect of coverage on churn and its source (scenario or fit).
    public var effect: CoverageEffectRecord
    /// Coverage, hazard ratio, headcount and cost of each segment.
    public var segments: [CustomerSuccessSegment]
    /// Extra customers active at the horizon thanks to CS.
    public var retainedLogos: AmountSummary
    /// Extra ARR at the horizon thanks to CS (currency a year).
    public var retainedArrAtHorizon: AmountSummary
    /// Extra NPV of gross profit (less cost to serve and CAC) thanks to CS.
    public var retainedNetPresentValue: AmountSummary
    /// NPV of the CS team's cost over the horizon (the same on every path).
    public var costNetPresentValue: Double
    /// Retained NPV less the team's cost.
    public var netValue: AmountSummary
    /// Net value per 1 of cost; nil when CS costs nothing.
    public var returnOnCost: AmountSummary?
    /// Share of paths on which the net value is positive (CS pays for itself).
    public var probabilityPaysForItself: Double

    /// Writes every key, with `null` for an undefined return on cost.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(csmCostAnnual, forKey: .csmCostAnnual)
        try container.encode(effect, forKey: .effect)
        try container.encode(segments, forKey: .segments)
        try container.encode(retainedLogos, forKey: .retainedLogos)
        try container.encode(retainedArrAtHorizon, forKey: .retainedArrAtHorizon)
        try container.encode(retainedNetPresentValue, forKey: .retainedNetPresentValue)
        try container.encode(costNetPresentValue, forKey: .costNetPresentValue)
        try container.encode(netValue, forKey: .netValue)
        try container.encode(returnOnCost, forKey: .returnOnCost)
        try container.encode(probabilityPaysForItself, forKey: .probabilityPaysForItself)
    }
}

/// One segment's CS coverage.
public struct CustomerSuccessSegment: Codable, Sendable, Equatable {
    /// Segment name.
    public var name: String
    /// Accounts per CSM; nil for tech-touch.
    public var accountsPerCsm: Double?
    /// Hazard ratio applied to the segment's churn (1 for tech-touch).
    public var hazardRatio: Double
    /// CSMs: ⌈customers / accounts per CSM⌉.
    public var headcount: Int
    /// NPV of the segment's CS team cost over the horizon.
    public var costNetPresentValue: Double

    /// Writes every key, with `null` accounts per CSM for tech-touch.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(accountsPerCsm, forKey: .accountsPerCsm)
        try container.encode(hazardRatio, forKey: .hazardRatio)
        try container.encode(headcount, forKey: .headcount)
        try container.encode(costNetPresentValue, forKey: .costNetPresentValue)
    }
}

extension CustomerSuccessSegment {
    /// Coverage, point hazard ratio, headcount and cost of each segment of `plan` under `cs`.
    static func segments(_ cs: CustomerSuccess, plan: SimulationPlan) -> [CustomerSuccessSegment] {
        let ratios = cs.pointHazardRatios()
        return plan.segments.indices.map { index in
            let coverage = cs.coverage[index]
            let customers = plan.segments[index].segment.customers
            return CustomerSuccessSegment(
                name: plan.segments[index].segment.name, accountsPerCsm: coverage.accountsPerCSM, hazardRatio: ratios[index],
                headcount: coverage.headcount(customers: customers),
                costNetPresentValue: coverage.costNetPresentValue(
                    customers: customers, csmCostAnnual: cs.csmCostAnnual, months: plan.horizonMonths, discount: plan.discount))
        }
    }
}

extension CustomerSuccessImpact {
    /// The impact of `cs` from `comparison`, the paths of `plan` (the scenario with or
    /// without CS: only segments, horizon and discounting are read) with CS and without.
    ///
    /// Means and standard errors are exact; P10/P50/P90 interpolate between order statistics
    /// (type 7) read from the quantile sketch within relative error 1e-4 (see ``PathDistribution``).
    init(customerSuccess cs: CustomerSuccess, plan: SimulationPlan, comparison: CustomerSuccessComparison) {
        segments = CustomerSuccessSegment.segments(cs, plan: plan)
        csmCostAnnual = cs.csmCostAnnual
        effect = CoverageEffectRecord(cs.effect)
        costNetPresentValue = comparison.costNetPresentValue
        retainedLogos = AmountSummary(comparison.retainedLogos)
        retainedArrAtHorizon = AmountSummary(comparison.retainedArrAtHorizon)
        retainedNetPresentValue = AmountSummary(comparison.retainedNetPresentValue)
        netValue = AmountSummary(comparison.netValue)
        returnOnCost = comparison.costNetPresentValue > 0 ? AmountSummary(comparison.returnOnCost) : nil
        probabilityPaysForItself = comparison.paths == 0 ? 0 : Double(comparison.pathsPaidFor) / Double(comparison.paths)
    }
}

extension AmountSummary {
    /// Mean, standard error and P10/P50/P90 of a per-path value across paths (all 0 without
    /// paths); the percentiles are type 7 over sketch order statistics, within relative error 1e-4.
    init(_ distribution: PathDistribution) {
        guard distribution.moments.count > 0 else {
            self.init(mean: 0, standardError: nil, p10: 0, p50: 0, p90: 0)
            return
        }
        let estimate = distribution.moments.estimate
        let deciles = distribution.quantiles([0.1, 0.5, 0.9])
        self.init(
            mean: estimate.mean, standardError: estimate.standardError, p10: deciles[0], p50: deciles[1], p90: deciles[2])
    }
}
