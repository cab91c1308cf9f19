/// What Customer Success is worth (the CFO's view): the scenario simulated with its CS
/// coverage and again without CS (every hazard ratio 1), on common random numbers, so the
/// per-path differences isolate CS's effect from the luck of the draw.
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

extension CustomerSuccessImpact {
    /// Compares `withCS` (the plan with the CS hazard ratios) to `withoutCS` (all ratios 1);
    /// both must cover the same paths of the same scenario and seed, with path totals kept.
    init(customerSuccess cs: CustomerSuccess, withCS: SimulationOutcome, withoutCS: SimulationOutcome) {
        precondition(withCS.paths == withoutCS.paths, "both runs must cover the same paths")
        precondition(withCS.segmentTotals.count == withCS.paths.count && withoutCS.segmentTotals.count == withoutCS.paths.count,
                     "both runs must keep their path totals")
        let plan = withCS.plan
        let horizon = plan.horizonMonths
        let ratios = cs.pointHazardRatios()
        segments = plan.segments.indices.map { index in
            let coverage = cs.coverage[index]
            let customers = plan.segments[index].segment.customers
            return CustomerSuccessSegment(
                name: plan.segments[index].segment.name, accountsPerCsm: coverage.accountsPerCSM, hazardRatio: ratios[index],
                headcount: coverage.headcount(customers: customers),
                costNetPresentValue: coverage.costNetPresentValue(
                    customers: customers, csmCostAnnual: cs.csmCostAnnual, months: horizon, discount: plan.discount))
        }
        csmCostAnnual = cs.csmCostAnnual
        effect = CoverageEffectRecord(cs.effect)
        let cost = segments.reduce(0) { $0 + $1.costNetPresentValue }
        costNetPresentValue = cost
        func difference(_ value: (PathTotals) -> Double) -> [Double] {
            zip(withCS.segmentTotals, withoutCS.segmentTotals).map { with, without in
                with.reduce(0) { $0 + value($1) } - without.reduce(0) { $0 + value($1) }
            }
        }
        let retained = difference { $0.netPresentValue + $0.newBusinessValue }
        let net = retained.map { $0 - cost }
        retainedLogos = .acrossPaths(difference { Double($0.activeCustomers[horizon]) })
        retainedArrAtHorizon = .acrossPaths(difference { $0.annualRecurringRevenue[horizon] })
        retainedNetPresentValue = .acrossPaths(retained)
        netValue = .acrossPaths(net)
        returnOnCost = cost > 0 ? .acrossPaths(net.map { $0 / cost }) : nil
        probabilityPaysForItself = net.isEmpty ? 0 : Double(net.filter { $0 > 0 }.count) / Double(net.count)
    }
}

extension AmountSummary {
    /// Mean, standard error and P10/P50/P90 (type 7) of per-path values.
    static func acrossPaths(_ values: [Double]) -> AmountSummary {
        guard !values.isEmpty else { return AmountSummary(mean: 0, standardError: nil, p10: 0, p50: 0, p90: 0) }
        let sorted = values.sorted()
        let estimate = PathStatistics.estimate(values)
        return AmountSummary(
            mean: estimate.mean, standardError: estimate.standardError,
            p10: PathStatistics.quantile(sorted: sorted, 0.1), p50: PathStatistics.quantile(sorted: sorted, 0.5),
            p90: PathStatistics.quantile(sorted: sorted, 0.9))
    }
}
