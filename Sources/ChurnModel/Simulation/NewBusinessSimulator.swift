/// New logos won during the horizon: a Poisson number each month, each with its own MRR,
/// CAC and lifetime drawn like the segment's other customers.
///
/// A customer won in month a (1 … horizon − 1) pays from month a + 1; its NPV is discounted
/// to today by v^a and its ARR counts from the end of month a while it stays. New logos add
/// to ARR and to the scope's NPV but not to the per-customer figures (payback, profit, LTV),
/// survival, NRR or GRR, which describe the customers on the books today.
///
/// Random numbers come from streams of their own, `(seed, 2⁶³ | path·2⁸ | segment)`:
/// substream 0 for the monthly counts, substream j + 1 for new customer j, apart from every
/// stream of the book, so adding new logos never changes the book's draws.
struct NewBusinessSimulator {
    let plan: SimulationPlan

    /// Adds segment `segment`'s new logos on path `path` to `totals` (growth table `economics`).
    func add(
        segment index: Int, path: Int, ratePerMonth: Double, lifetime: LifetimeSampler,
        economics: SegmentEconomics, to totals: inout PathTotals
    ) {
        guard ratePerMonth > 0 else { return }
        let segmentPlan = plan.segments[index]
        let horizon = plan.horizonMonths
        let streamIndex = (1 << 63) | (UInt64(path) << 8) | UInt64(index)
        var counts = RandomStream(seed: plan.seed, stream: streamIndex, substream: 0)
        var starting = Array(repeating: Array(repeating: 0.0, count: horizon + 2), count: horizon + 1)
        var customer: UInt64 = 0
        let margin = segmentPlan.segment.grossMargin
        for month in 1..<max(horizon, 1) {
            for _ in 0..<counts.poisson(mean: ratePerMonth) {
                customer += 1
                var stream = RandomStream(seed: plan.seed, stream: streamIndex, substream: customer)
                let mrr = segmentPlan.revenue.sample(using: &stream)
                let cac = segmentPlan.acquisitionCost.sample(using: &stream)
                let months = lifetime.sample(using: &stream)
                let active = min(months ?? horizon, horizon - month)
                let profit = economics.profit(monthlyGrossProfit: mrr * margin, activeMonths: active, acquisitionCost: cac)
                totals.newBusinessValue += plan.discountFactors[month] * profit
                starting[month][0] += mrr
                starting[month][min(months ?? horizon + 1, horizon + 1 - month)] -= mrr
            }
        }
        totals.newCustomers += Int(customer)
        for month in 1..<max(horizon, 1) where starting[month][0] != 0 {
            var running = 0.0
            for tenure in 0...(horizon - month) {
                running += starting[month][tenure]
                totals.annualRecurringRevenue[month + tenure] += 12 * economics.growth[tenure] * running
            }
        }
    }
}
