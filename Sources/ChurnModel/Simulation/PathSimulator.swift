/// Simulates one path: every customer of the plan's segments (or of some of them), event-driven.
///
/// Each customer draws from its own stream `(seed, path, customer)`, so a customer's MRR,
/// CAC and lifetime do not depend on any other customer or on the order of work: the
/// basis of thread-count invariance and of common random numbers between scenarios.
/// Customers are numbered across the whole plan and the path's laws are drawn for every
/// segment from substreams of their own, so a segment simulated alone gives bit-identical
/// totals to the same segment in a run of the whole portfolio.
struct PathSimulator {
    let plan: SimulationPlan
    /// The plan's segments simulated, increasing: all of them for a run, the swept one for a
    /// staffing sweep.
    let segments: [Int]
    /// Substream of the first customer of each simulated segment: the number of customers of
    /// the plan's earlier segments, simulated or not.
    private let firstCustomers: [UInt64]

    /// Customers processed together, phase by phase (see `simulate(_:path:firstCustomer:distributions:)`).
    static let batchSize = 64

    /// A simulator of `segments` of `plan` (indices into `plan.segments`, increasing; all when nil).
    init(plan: SimulationPlan, segments: [Int]? = nil) {
        let segments = segments ?? Array(plan.segments.indices)
        precondition(
            zip(segments, segments.dropFirst()).allSatisfy { $0 < $1 } && segments.allSatisfy(plan.segments.indices.contains),
            "segments must be increasing indices of the plan's segments")
        self.plan = plan
        self.segments = segments
        let starts = plan.segments.reduce(into: [UInt64(0)]) { $0.append($0[$0.count - 1] + UInt64($1.segment.customers)) }
        firstCustomers = segments.map { starts[$0] }
    }

    /// Totals of path `path` for each simulated segment (in ``segments`` order), accumulating
    /// customer distributions into `distributions` (indexed like the plan's segments).
    func simulate(path: Int, distributions: inout [CustomerDistributions]) -> [PathTotals] {
        var result: [PathTotals] = []
        result.reserveCapacity(segments.count)
        let laws = plan.pathLaws(path: path)
        let newBusiness = NewBusinessSimulator(plan: plan)
        for (segmentIndex, firstCustomer) in zip(segments, firstCustomers) {
            var totals = simulate(
                plan.segments[segmentIndex], laws: laws[segmentIndex], path: UInt64(path), firstCustomer: firstCustomer,
                distributions: &distributions[segmentIndex])
            newBusiness.add(
                segment: segmentIndex, path: path, ratePerMonth: laws[segmentIndex].newLogosPerMonth,
                lifetime: laws[segmentIndex].lifetime, economics: laws[segmentIndex].economics, to: &totals)
            result.append(totals)
        }
        return result
    }

    /// Totals of one segment on one path; customer k of the segment uses substream
    /// `firstCustomer + k`.
    ///
    /// Customers are processed in batches, phase by phase: first every customer's uniforms
    /// from its own stream (MRR, then CAC, then lifetime, each only if its law needs one),
    /// then each transform over the batch, then the bookkeeping. A customer's numbers are
    /// the same as drawing them one customer at a time; the phases only turn chains of
    /// dependent work (Philox rounds, AS 241, exp, log) into independent iterations the
    /// processor can overlap. Floating-point sums still run in customer order, so totals do
    /// not depend on batching or on how paths are spread over threads.
    private func simulate(
        _ segmentPlan: SimulationPlan.SegmentPlan,
        laws: SimulationPlan.SegmentPathLaws,
        path: UInt64, firstCustomer: UInt64, distributions: inout CustomerDistributions
    ) -> PathTotals {
        let horizon = plan.horizonMonths
        let checkpoints = SimulationPlan.survivalCheckpoints
        let customers = segmentPlan.segment.customers
        var totals = PathTotals(horizonMonths: horizon, checkpoints: checkpoints.count)
        var accumulator = SegmentAccumulator(horizonMonths: horizon, checkpoints: checkpoints.count)
        var batch = CustomerBatch(capacity: Self.batchSize)
        var start = 0
        while start < customers {
            let count = min(Self.batchSize, customers - start)
            if let book = segmentPlan.book {
                batch.draw(
                    book, laws: laws, first: start, count: count, seed: plan.seed, path: path,
                    firstSubstream: firstCustomer + UInt64(start))
            } else {
                batch.draw(
                    segmentPlan, lifetime: laws.lifetime, count: count, seed: plan.seed, path: path,
                    firstSubstream: firstCustomer + UInt64(start))
            }
            accumulator.record(
                batch, count: count, grossMargin: segmentPlan.segment.grossMargin, economics: laws.economics,
                distributions: &distributions)
            start += count
        }
        totals.customers = customers
        totals.netPresentValue = accumulator.netPresentValue
        totals.lifetimeMonths = accumulator.lifetimeMonths
        // Exact: an integer sum far below 2⁵³, as the former running Double sum was.
        totals.restrictedLifetimeMonths = Double(accumulator.restrictedLifetimeMonths)
        totals.survivors = accumulator.survivors
        totals.acquisitionCost = accumulator.acquisitionCost
        var running = 0.0, active = 0
        let growth = laws.economics.growth
        for month in 0...horizon {
            running += accumulator.revenueChanges[month]
            active += accumulator.customerChanges[month]
            totals.cohortRevenue[month] = growth[month] * running
            totals.annualRecurringRevenue[month] = 12 * totals.cohortRevenue[month]
            totals.activeCustomers[month] = active
            if month >= 12, month % 12 == 0 {
                totals.cappedRevenue[month / 12 - 1] = min(growth[month], growth[month - 12]) * running
            }
        }
        return totals
    }
}
