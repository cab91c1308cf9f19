/// Simulates one path: every customer of every segment, event-driven.
///
/// Each customer draws from its own stream `(seed, path, customer)`, so a customer's MRR,
/// CAC and lifetime do not depend on any other customer or on the order of work: the
/// basis of thread-count invariance and of common random numbers between scenarios.
struct PathSimulator {
    let plan: SimulationPlan

    /// Customers processed together, phase by phase (see `simulate(_:path:firstCustomer:distributions:)`).
    static let batchSize = 64

    /// Per-segment totals of path `path`, accumulating customer distributions into `distributions`.
    func simulate(path: Int, distributions: inout [CustomerDistributions]) -> [PathTotals] {
        var firstCustomer: UInt64 = 0
        var result: [PathTotals] = []
        result.reserveCapacity(plan.segments.count)
        let laws = plan.pathLaws(path: path)
        let newBusiness = NewBusinessSimulator(plan: plan)
        for segmentIndex in plan.segments.indices {
            let segmentPlan = plan.segments[segmentIndex]
            var totals = simulate(
                segmentPlan, laws: laws[segmentIndex], path: UInt64(path), firstCustomer: firstCustomer,
                distributions: &distributions[segmentIndex])
            newBusiness.add(
                segment: segmentIndex, path: path, ratePerMonth: laws[segmentIndex].newLogosPerMonth,
                lifetime: laws[segmentIndex].lifetime, economics: laws[segmentIndex].economics, to: &totals)
            result.append(totals)
            firstCustomer += UInt64(segmentPlan.segment.customers)
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
