/// Simulates one path: every customer of every segment, event-driven.
///
/// Each customer draws from its own stream `(seed, path, customer)`, so a customer's MRR,
/// CAC and lifetime do not depend on any other customer or on the order of work: the
/// basis of thread-count invariance and of common random numbers between scenarios.
struct PathSimulator {
    let plan: SimulationPlan

    /// Profits handed to the quantile sketch at a time (see ``QuantileSketch/add(contentsOf:)``).
    static let profitBatch = 64

    /// Per-segment totals of path `path`, accumulating customer distributions into `distributions`.
    func simulate(path: Int, distributions: inout [CustomerDistributions]) -> [PathTotals] {
        var firstCustomer: UInt64 = 0
        var result: [PathTotals] = []
        result.reserveCapacity(plan.segments.count)
        for segmentIndex in plan.segments.indices {
            let segmentPlan = plan.segments[segmentIndex]
            result.append(
                simulate(segmentPlan, path: UInt64(path), firstCustomer: firstCustomer,
                         distributions: &distributions[segmentIndex]))
            firstCustomer += UInt64(segmentPlan.segment.customers)
        }
        return result
    }

    /// Totals of one segment on one path; customer k of the segment uses substream
    /// `firstCustomer + k`.
    ///
    /// Floating-point sums run in customer order, as they always have, so the totals do
    /// not depend on how paths are spread over threads.
    private func simulate(
        _ segmentPlan: SimulationPlan.SegmentPlan, path: UInt64, firstCustomer: UInt64,
        distributions: inout CustomerDistributions
    ) -> PathTotals {
        let horizon = plan.horizonMonths
        let seed = plan.seed
        let annuity = plan.annuityFactors
        let checkpoints = SimulationPlan.survivalCheckpoints
        let revenueSampler = segmentPlan.revenue
        let costSampler = segmentPlan.acquisitionCost
        let lifetimeSampler = segmentPlan.lifetime
        let grossMargin = segmentPlan.segment.grossMargin
        let customers = segmentPlan.segment.customers

        var totals = PathTotals(horizonMonths: horizon, checkpoints: checkpoints.count)
        var revenueChanges = Array(repeating: 0.0, count: horizon + 2)
        var netPresentValue = 0.0
        var lifetimeMonths = 0.0
        var restrictedLifetimeMonths = 0
        var survivors = Array(repeating: 0, count: checkpoints.count)
        var pendingProfits: [Double] = []
        pendingProfits.reserveCapacity(Self.profitBatch)
        for customer in 0..<UInt64(customers) {
            var stream = RandomStream(seed: seed, stream: path, substream: firstCustomer + customer)
            let mrr = revenueSampler.sample(using: &stream)
            let cac = costSampler.sample(using: &stream)
            let lifetime = lifetimeSampler.sample(using: &stream)

            let activeMonths = min(lifetime ?? horizon, horizon)
            let grossProfit = mrr * grossMargin
            let profit = grossProfit * annuity[activeMonths] - cac
            netPresentValue += profit
            if let lifetime {
                lifetimeMonths += Double(lifetime)
                for index in checkpoints.indices where lifetime > checkpoints[index] { survivors[index] += 1 }
            } else {
                lifetimeMonths += .infinity
                for index in survivors.indices { survivors[index] += 1 }
            }
            restrictedLifetimeMonths += activeMonths
            // Active at the end of months 0 … lifetime − 1 (ARR counts customers who will pay next month).
            revenueChanges[0] += mrr
            revenueChanges[min(lifetime ?? horizon + 1, horizon + 1)] -= mrr

            pendingProfits.append(profit)
            if pendingProfits.count == Self.profitBatch {
                distributions.profit.add(contentsOf: pendingProfits)
                pendingProfits.removeAll(keepingCapacity: true)
            }
            if let month = CustomerEconomics.paybackMonth(acquisitionCost: cac, monthlyGrossProfit: grossProfit),
                month <= activeMonths
            {
                distributions.paybackCounts[month - 1] += 1
            } else {
                distributions.neverPaidBack += 1
            }
        }
        distributions.profit.add(contentsOf: pendingProfits)
        totals.customers = customers
        totals.netPresentValue = netPresentValue
        totals.lifetimeMonths = lifetimeMonths
        // Exact: an integer sum far below 2⁵³, as the former running Double sum was.
        totals.restrictedLifetimeMonths = Double(restrictedLifetimeMonths)
        totals.survivors = survivors
        var running = 0.0
        for month in 0...horizon {
            running += revenueChanges[month]
            totals.annualRecurringRevenue[month] = 12 * running
        }
        return totals
    }
}
