/// The CS leader's view: for each segment with named CSMs, sweep its accounts-per-CSM ratio
/// (other segments at their scenario coverage), plus the tech-touch option, and find the
/// ratio that maximises the segment's NPV net of its CS team cost.
///
/// Every ratio reuses the same seed and paths, so the runs differ only in the segment's
/// hazard ratio (common random numbers): survival at 12 months is exactly non-increasing in
/// the load, and differences between ratios carry little Monte Carlo noise.
public struct StaffingSweep: Sendable, Equatable {
    /// One tried coverage of one segment.
    public struct Point: Sendable, Equatable {
        /// The coverage tried.
        public var coverage: Coverage
        /// Hazard ratio it gives.
        public var hazardRatio: Double
        /// CSMs needed.
        public var headcount: Int
        /// NPV of the segment's CS team cost.
        public var costNetPresentValue: Double
        /// The segment's survival at 12 months.
        public var survival12: Estimate
        /// Segment NPV (month-0 book and new logos) less the CS team cost, across paths.
        public var netValue: AmountSummary
    }

    /// The sweep of one segment.
    public struct SegmentSweep: Sendable, Equatable {
        /// Segment name.
        public var name: String
        /// Tech-touch first, then the grid's ratios increasing.
        public var points: [Point]
        /// The point with the highest mean net value.
        public var best: Point
        /// Lightest and heaviest ratio (tech-touch excluded) whose mean net value is within
        /// 1% of the best (|best| × 0.01); nil when only tech-touch qualifies.
        public var nearBestRange: ClosedRange<Double>?
    }

    /// One sweep per segment that has named CSMs in the scenario.
    public var segments: [SegmentSweep]

    /// Runs the sweep of `scenario` (which must have `customer_success`) over `grid`.
    /// - Complexity: one simulation per segment and grid point.
    /// - Throws: what ``SimulationPlan/init(scenario:paths:seed:hazardRatios:)`` throws.
    public init(scenario: Scenario, customerSuccess cs: CustomerSuccess, grid: StaffingGrid, paths: Int?, threads: Int) throws {
        var sweeps: [SegmentSweep] = []
        let horizon = scenario.horizonMonths
        for (index, segment) in scenario.segments.enumerated() {
            guard case .accountsPerCSM = cs.coverage[index] else { continue }
            var points: [Point] = []
            for coverage in [Coverage.techTouch] + grid.ratios.map(Coverage.accountsPerCSM) {
                var tried = cs.coverage
                tried[index] = coverage
                let plan = try SimulationPlan(scenario: scenario, paths: paths, hazardRatios: cs.hazardRatios(coverage: tried))
                let totals = PortfolioSimulator(plan: plan).run(threads: threads).segmentTotals.map { $0[index] }
                let cost = coverage.costNetPresentValue(
                    customers: segment.customers, csmCostAnnual: cs.csmCostAnnual, months: horizon, discount: plan.discount)
                let survivors = totals.map { Double($0.survivors[0]) / Double(max(segment.customers, 1)) }
                points.append(Point(
                    coverage: coverage, hazardRatio: cs.effect.hazardRatio(for: coverage),
                    headcount: coverage.headcount(customers: segment.customers), costNetPresentValue: cost,
                    survival12: PathStatistics.estimate(survivors),
                    netValue: .acrossPaths(totals.map { $0.netPresentValue + $0.newBusinessValue - cost })))
            }
            guard let best = points.max(by: { $0.netValue.mean < $1.netValue.mean }) else { continue }
            let threshold = best.netValue.mean - 0.01 * abs(best.netValue.mean)
            let near = points.compactMap { point -> Double? in
                guard case .accountsPerCSM(let load) = point.coverage, point.netValue.mean >= threshold else { return nil }
                return load
            }
            let range = near.min().flatMap { low in near.max().map { low...$0 } }
            sweeps.append(SegmentSweep(name: segment.name, points: points, best: best, nearBestRange: range))
        }
        segments = sweeps
    }
}
