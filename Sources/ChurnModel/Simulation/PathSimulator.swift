/// Simulates one path: every customer of every segment, event-driven.
///
/// Each customer draws from its own stream `(seed, path, customer)`, so a customer's MRR,
/// CAC and lifetime do not depend on any other customer or on the order of work: the
/// basis of thread-count invariance and of common random numbers between scenarios.
struct PathSimulator {
    let plan: SimulationPlan

    /// Per-segment totals of path `path`, accumulating customer distributions into `distributions`.
    func simulate(path: Int, distributions: inout [CustomerDistributions]) -> [PathTotals] {
        var customerIndex: UInt64 = 0
        return plan.segments.enumerated().map { segmentIndex, segmentPlan in
            var totals = PathTotals(
                horizonMonths: plan.horizonMonths, checkpoints: SimulationPlan.survivalCheckpoints.count)
            var revenueChanges = Array(repeating: 0.0, count: plan.horizonMonths + 2)
            for _ in 0..<segmentPlan.segment.customers {
                var stream = RandomStream(seed: plan.seed, stream: UInt64(path), substream: customerIndex)
                customerIndex += 1
                let outcome = simulateCustomer(segmentPlan, using: &stream)
                record(outcome, into: &totals, revenueChanges: &revenueChanges,
                       distributions: &distributions[segmentIndex])
            }
            var running = 0.0
            for month in 0...plan.horizonMonths {
                running += revenueChanges[month]
                totals.annualRecurringRevenue[month] = 12 * running
            }
            return totals
        }
    }

    /// One customer's draws: MRR, CAC and lifetime in months (nil = never churns).
    private func simulateCustomer(
        _ segmentPlan: SimulationPlan.SegmentPlan, using stream: inout RandomStream
    ) -> CustomerOutcome {
        let segment = segmentPlan.segment
        let mrr = segment.monthlyRecurringRevenue.sample(using: &stream)
        let cac = segment.acquisitionCost.sample(using: &stream)
        let lifetime = LifetimeSampler.contractualLifetime(
            termMonths: segment.contractTermMonths, termChurnProbability: segmentPlan.termChurnProbability,
            using: &stream)
        return CustomerOutcome(mrr: mrr, cac: cac, grossMargin: segment.grossMargin, lifetimeMonths: lifetime)
    }

    private func record(
        _ outcome: CustomerOutcome, into totals: inout PathTotals, revenueChanges: inout [Double],
        distributions: inout CustomerDistributions
    ) {
        let horizon = plan.horizonMonths
        let activeMonths = min(outcome.lifetimeMonths ?? horizon, horizon)
        let grossProfit = outcome.mrr * outcome.grossMargin
        let profit = CustomerEconomics.netPresentValue(
            monthlyGrossProfit: grossProfit, activeMonths: activeMonths, acquisitionCost: outcome.cac,
            discount: plan.discount)
        totals.customers += 1
        totals.netPresentValue += profit
        totals.lifetimeMonths += outcome.lifetimeMonths.map(Double.init) ?? .infinity
        totals.restrictedLifetimeMonths += Double(activeMonths)
        for (index, checkpoint) in SimulationPlan.survivalCheckpoints.enumerated()
        where outcome.lifetimeMonths.map({ $0 > checkpoint }) ?? true {
            totals.survivors[index] += 1
        }
        // Active at the end of months 0 … lifetime − 1 (ARR counts customers who will pay next month).
        revenueChanges[0] += outcome.mrr
        revenueChanges[min(outcome.lifetimeMonths ?? horizon + 1, horizon + 1)] -= outcome.mrr

        distributions.profit.add(profit)
        if let month = CustomerEconomics.paybackMonth(acquisitionCost: outcome.cac, monthlyGrossProfit: grossProfit),
            month <= activeMonths
        {
            distributions.paybackCounts[month - 1] += 1
        } else {
            distributions.neverPaidBack += 1
        }
    }
}

/// The draws of one simulated customer.
struct CustomerOutcome {
    let mrr: Double
    let cac: Double
    let grossMargin: Double
    /// Months paid before leaving; nil when the customer never churns.
    let lifetimeMonths: Int?
}
