/// The paths of a Customer Success comparison folded into constant memory: per path, the
/// scenario with its CS coverage minus the same path without CS, summed over the portfolio.
///
/// Each difference goes into a ``PathDistribution`` (exact mean and standard error, exact
/// extremes, P10/P50/P90 from the quantile sketch within relative error 1e-4), and the paths on
/// which CS pays for itself are counted. Everything merges exactly, so threads and shards give
/// bit-identical results; ``CustomerSuccessImpact/init(customerSuccess:plan:comparison:)``
/// turns it into the report's numbers.
struct CustomerSuccessComparison: PathComparison, Equatable, Codable {
    /// NPV of the CS team's cost over the horizon (the same on every path).
    let costNetPresentValue: Double
    /// Months simulated; the horizon's logos and ARR are compared.
    let horizonMonths: Int
    /// Extra customers active at the horizon.
    private(set) var retainedLogos = PathDistribution(resolution: PathDistribution.currency, wholeNumbers: true)
    /// Extra ARR at the horizon.
    private(set) var retainedArrAtHorizon = PathDistribution(resolution: PathDistribution.currency)
    /// Extra NPV of gross profit (month-0 book and new logos).
    private(set) var retainedNetPresentValue = PathDistribution(resolution: PathDistribution.currency)
    /// Retained NPV less the team's cost.
    private(set) var netValue = PathDistribution(resolution: PathDistribution.currency)
    /// Net value per 1 of cost (empty when CS costs nothing).
    private(set) var returnOnCost = PathDistribution(resolution: PathDistribution.ratio)
    /// Paths on which the net value is positive.
    private(set) var pathsPaidFor = 0

    /// An empty comparison for the scenario's CS team, sized on `plan`'s month-0 book.
    init(customerSuccess: CustomerSuccess, plan: SimulationPlan) {
        costNetPresentValue = CustomerSuccessSegment.segments(customerSuccess, plan: plan)
            .reduce(0) { $0 + $1.costNetPresentValue }
        horizonMonths = plan.horizonMonths
    }

    /// Adds one path: `totals[0]` with CS, `totals[1]` without, per segment.
    mutating func add(_ totals: [[PathTotals]]) {
        precondition(totals.count == 2, "a CS comparison compares the plan with CS to the one without")
        let (with, without) = (totals[0], totals[1])
        func difference(_ value: (PathTotals) -> Double) -> Double {
            with.reduce(0) { $0 + value($1) } - without.reduce(0) { $0 + value($1) }
        }
        let horizon = horizonMonths
        let retained = difference { $0.netPresentValue + $0.newBusinessValue }
        let net = retained - costNetPresentValue
        retainedLogos.add(contentsOf: [difference { Double($0.activeCustomers[horizon]) }])
        retainedArrAtHorizon.add(contentsOf: [difference { $0.annualRecurringRevenue[horizon] }])
        retainedNetPresentValue.add(contentsOf: [retained])
        netValue.add(contentsOf: [net])
        if costNetPresentValue > 0 { returnOnCost.add(contentsOf: [net / costNetPresentValue]) }
        if net > 0 { pathsPaidFor += 1 }
    }

    /// Adds every path of `other`, a comparison of the same scenario.
    mutating func merge(_ other: CustomerSuccessComparison) {
        precondition(costNetPresentValue == other.costNetPresentValue && horizonMonths == other.horizonMonths,
                     "comparisons of different CS teams")
        retainedLogos.merge(other.retainedLogos)
        retainedArrAtHorizon.merge(other.retainedArrAtHorizon)
        retainedNetPresentValue.merge(other.retainedNetPresentValue)
        netValue.merge(other.netValue)
        returnOnCost.merge(other.returnOnCost)
        pathsPaidFor += other.pathsPaidFor
    }

    /// Paths compared.
    var paths: Int { netValue.moments.count }
}
