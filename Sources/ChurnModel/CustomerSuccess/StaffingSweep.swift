/// The CS leader's view: for each segment with named CSMs, sweep its coverage over a grid
/// (other segments at their scenario coverage) and find the feasible coverage that maximises
/// the segment's NPV net of its CS team cost.
///
/// Every coverage reuses the same seed and paths, so the runs differ only in the segment's
/// hazard ratio (common random numbers): survival at 12 months is exactly non-increasing in
/// the load, differences between ratios carry little Monte Carlo noise, and comparing the
/// ratios path by path says how often each one is best.
public struct StaffingSweep: Sendable, Equatable {
    /// One tried coverage of one segment.
    public struct Point: Sendable, Equatable {
        /// The coverage tried.
        public var coverage: Coverage
        /// Hazard ratio it gives (point estimate).
        public var hazardRatio: Double
        /// CSMs needed for the segment.
        public var headcount: Int
        /// CSMs of the whole team: this segment's plus the other segments' at scenario coverage.
        public var teamHeadcount: Int
        /// Whether the whole team fits the sweep's ``StaffingCap``.
        public var isFeasible: Bool
        /// NPV of the segment's CS team cost.
        public var costNetPresentValue: Double
        /// The segment's survival at 12 months.
        public var survival12: Estimate
        /// First-year NRR of the segment's month-0 customers; nil for horizons under 12 months.
        public var netRevenueRetention12: Estimate?
        /// Segment NPV (month-0 book and new logos) less the CS team cost, across paths.
        public var netValue: AmountSummary
        /// Share of paths on which this coverage has the highest net value among the feasible
        /// ones (0 for an infeasible coverage; ties go to the earlier point).
        public var shareOfPathsBest: Double
    }

    /// The sweep of one segment.
    public struct SegmentSweep: Sendable, Equatable {
        /// Segment name.
        public var name: String
        /// Tech-touch first (when tried), then the grid's ratios increasing.
        public var points: [Point]
        /// The feasible point with the highest mean net value.
        public var best: Point
        /// Lightest and heaviest feasible ratio (tech-touch excluded) whose mean net value is
        /// within 1% of the best (|best| × 0.01); nil when only tech-touch qualifies.
        public var nearBestRange: ClosedRange<Double>?
    }

    /// One sweep per segment that has named CSMs in the scenario.
    public var segments: [SegmentSweep]
    /// The limit the sweep respected.
    public var cap: StaffingCap

    /// Runs the sweep of `scenario` (which must have `customer_success`) over `grid`, keeping
    /// the whole CS team within `cap`.
    /// - Complexity: one simulation per segment and grid point.
    /// - Throws: ``StaffingError/noFeasibleCoverage(segment:cap:)`` when no coverage of a
    ///   segment fits `cap`, or what ``SimulationPlan/init(scenario:paths:seed:hazardRatios:)`` throws.
    public init(
        scenario: Scenario, customerSuccess cs: CustomerSuccess, grid: StaffingGrid, cap: StaffingCap = .none,
        paths: Int?, threads: Int
    ) throws {
        self.cap = cap
        var sweeps: [SegmentSweep] = []
        for (index, segment) in scenario.segments.enumerated() {
            guard case .accountsPerCSM = cs.coverage[index] else { continue }
            let others = scenario.segments.indices.filter { $0 != index }.reduce(0) {
                $0 + cs.coverage[$1].headcount(customers: scenario.segments[$1].customers)
            }
            var points: [Point] = []
            var netValues: [[Double]] = []
            for coverage in grid.coverages {
                var tried = cs.coverage
                tried[index] = coverage
                let plan = try SimulationPlan(scenario: scenario, paths: paths, hazardRatios: cs.hazardRatios(coverage: tried))
                let totals = PortfolioSimulator(plan: plan).run(threads: threads, keepingPathTotals: true).segmentTotals.map { $0[index] }
                let cost = coverage.costNetPresentValue(
                    customers: segment.customers, csmCostAnnual: cs.csmCostAnnual, months: scenario.horizonMonths,
                    discount: plan.discount)
                let headcount = coverage.headcount(customers: segment.customers)
                let net = totals.map { $0.netPresentValue + $0.newBusinessValue - cost }
                netValues.append(net)
                points.append(Point(
                    coverage: coverage, hazardRatio: cs.effect.hazardRatio(for: coverage), headcount: headcount,
                    teamHeadcount: headcount + others,
                    isFeasible: cap.allows(headcount: headcount + others, csmCostAnnual: cs.csmCostAnnual),
                    costNetPresentValue: cost,
                    survival12: PathStatistics.estimate(totals.map { Double($0.survivors[0]) / Double(max(segment.customers, 1)) }),
                    netRevenueRetention12: Self.netRevenueRetention12(totals),
                    netValue: .acrossPaths(net), shareOfPathsBest: 0))
            }
            let feasible = points.indices.filter { points[$0].isFeasible }
            guard let bestIndex = feasible.max(by: { points[$0].netValue.mean < points[$1].netValue.mean }) else {
                throw StaffingError.noFeasibleCoverage(segment: segment.name, cap: cap, otherSegmentsHeadcount: others)
            }
            for (index, share) in Self.sharesOfPathsBest(netValues, among: feasible) { points[index].shareOfPathsBest = share }
            let best = points[bestIndex]
            let threshold = best.netValue.mean - 0.01 * abs(best.netValue.mean)
            let near = feasible.compactMap { index -> Double? in
                guard case .accountsPerCSM(let load) = points[index].coverage, points[index].netValue.mean >= threshold
                else { return nil }
                return load
            }
            let range = near.min().flatMap { low in near.max().map { low...$0 } }
            sweeps.append(SegmentSweep(name: segment.name, points: points, best: best, nearBestRange: range))
        }
        segments = sweeps
    }

    /// For each of `candidates` (indices into `values`, one array of per-path values each),
    /// the share of paths on which it has the highest value among the candidates (the first
    /// candidate wins ties).
    static func sharesOfPathsBest(_ values: [[Double]], among candidates: [Int]) -> [(Int, Double)] {
        guard let paths = candidates.first.map({ values[$0].count }), paths > 0 else { return [] }
        var wins = Dictionary(uniqueKeysWithValues: candidates.map { ($0, 0) })
        for path in 0..<paths {
            var winner = candidates[0]
            for candidate in candidates.dropFirst() where values[candidate][path] > values[winner][path] {
                winner = candidate
            }
            wins[winner, default: 0] += 1
        }
        return candidates.map { ($0, Double(wins[$0] ?? 0) / Double(paths)) }
    }

    /// First-year NRR of the month-0 cohort: MRR at month 12 ÷ MRR at month 0, per path.
    private static func netRevenueRetention12(_ totals: [PathTotals]) -> Estimate? {
        guard let first = totals.first, first.cohortRevenue.count > 12 else { return nil }
        return PathStatistics.estimate(totals.map { $0.cohortRevenue[0] > 0 ? $0.cohortRevenue[12] / $0.cohortRevenue[0] : 0 })
    }
}
