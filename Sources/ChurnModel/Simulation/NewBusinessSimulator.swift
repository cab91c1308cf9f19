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
/// stream of the book, so adding new logos never changes the book's draws. The counts come
/// first; the customers are then drawn in batches (``CustomerBatch``), the same numbers as one
/// customer at a time.
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
        // The month each new customer is won, in the order they are numbered (customer j + 1 is the j-th).
        var wonIn: [Int] = []
        for month in 1..<max(horizon, 1) {
            wonIn += repeatElement(month, count: counts.poisson(mean: ratePerMonth))
        }
        // Change of starting MRR of the customers won in month a at tenure t: starting[a·(horizon + 2) + t].
        let width = horizon + 2
        var starting = Array(repeating: 0.0, count: (horizon + 1) * width)
        let margin = segmentPlan.segment.grossMargin
        var batch = CustomerBatch(capacity: PathSimulator.batchSize)
        var first = 0
        while first < wonIn.count {
            let count = min(PathSimulator.batchSize, wonIn.count - first)
            batch.draw(
                segmentPlan, lifetime: lifetime, count: count, seed: plan.seed, path: streamIndex,
                firstSubstream: UInt64(first + 1))
            for k in 0..<count {
                let month = wonIn[first + k]
                let mrr = batch.revenue[k]
                let months = batch.lifetime[k]
                let active = min(months ?? horizon, horizon - month)
                let profit = economics.profit(
                    monthlyGrossProfit: mrr * margin, activeMonths: active, acquisitionCost: batch.acquisitionCost[k])
                totals.newBusinessValue += plan.discountFactors[month] * profit
                starting[month * width] += mrr
                starting[month * width + min(months ?? horizon + 1, horizon + 1 - month)] -= mrr
            }
            first += count
        }
        totals.newCustomers += wonIn.count
        for month in 1..<max(horizon, 1) where starting[month * width] != 0 {
            var running = 0.0
            for tenure in 0...(horizon - month) {
                running += starting[month * width + tenure]
                totals.annualRecurringRevenue[month + tenure] += 12 * economics.growth[tenure] * running
            }
        }
    }
}
