/// The CS leader's view: for each segment with named CSMs, sweep its coverage over a grid
/// (other segments at their scenario coverage) and find the feasible coverage that maximises
/// the segment's NPV net of its CS team cost.
///
/// Every coverage reuses the same seed and paths, so the runs differ only in the segment's
/// hazard ratio (common random numbers): survival at 12 months is exactly non-increasing in
/// the load, differences between ratios carry little Monte Carlo noise, and comparing the
/// ratios path by path says how often each one is best. Memory does not grow with paths.
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
    ///
    /// Each path is simulated at every coverage back to back and folded into a
    /// ``StaffingComparison``, so memory does not grow with paths. Only the swept segment is
    /// simulated: its customers keep their random streams of a whole-portfolio run, so its
    /// numbers are bit-identical to simulating every segment (other segments enter only
    /// through the team headcount, which is arithmetic). Means and standard errors
    /// are exact; net-value P10/P90 are type 7 over quantile-sketch order statistics (relative
    /// error ≤ 1e-4).
    /// - Complexity: per swept segment and grid point, one simulation of that segment alone.
    /// - Throws: ``StaffingError/noFeasibleCoverage(segment:cap:otherSegmentsHeadcount:)`` when no
    ///   coverage of a segment fits `cap` (before simulating), or what
    ///   ``SimulationPlan/init(scenario:paths:seed:hazardRatios:)`` throws.
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
            let plans = try grid.coverages.map { coverage in
                var tried = cs.coverage
                tried[index] = coverage
                return try SimulationPlan(scenario: scenario, paths: paths, hazardRatios: cs.hazardRatios(coverage: tried))
            }
            let headcounts = grid.coverages.map { $0.headcount(customers: segment.customers) }
            let feasible = headcounts.indices.filter {
                cap.allows(headcount: headcounts[$0] + others, csmCostAnnual: cs.csmCostAnnual)
            }
            guard let first = plans.first, !feasible.isEmpty else {
                throw StaffingError.noFeasibleCoverage(segment: segment.name, cap: cap, otherSegmentsHeadcount: others)
            }
            let costs = grid.coverages.map {
                $0.costNetPresentValue(
                    customers: segment.customers, csmCostAnnual: cs.csmCostAnnual, months: scenario.horizonMonths,
                    discount: first.discount)
            }
            let empty = StaffingComparison(
                customers: segment.customers, costs: costs, feasible: feasible, horizonMonths: scenario.horizonMonths)
            let comparison = PortfolioSimulator.compare(
                plans, segments: [index], paths: 0..<first.paths, threads: threads, in: empty)
            let points = grid.coverages.indices.map { point in
                Point(
                    coverage: grid.coverages[point], hazardRatio: cs.effect.hazardRatio(for: grid.coverages[point]),
                    headcount: headcounts[point], teamHeadcount: headcounts[point] + others,
                    isFeasible: feasible.contains(point), costNetPresentValue: costs[point],
                    survival12: comparison.survival12[point].estimate,
                    netRevenueRetention12: comparison.netRevenueRetention12?[point].estimate,
                    netValue: AmountSummary(comparison.netValue[point]), shareOfPathsBest: comparison.shareOfPathsBest(point))
            }
            sweeps.append(Self.segmentSweep(name: segment.name, points: points, feasible: feasible))
        }
        segments = sweeps
    }

    /// The sweep of one segment: the feasible point with the highest mean net value (the
    /// earlier one on ties), and the feasible ratios within 1% of it; `feasible` is not empty.
    private static func segmentSweep(name: String, points: [Point], feasible: [Int]) -> SegmentSweep {
        let bestIndex = feasible.dropFirst().reduce(feasible[0]) { points[$1].netValue.mean > points[$0].netValue.mean ? $1 : $0 }
        let best = points[bestIndex]
        let threshold = best.netValue.mean - 0.01 * abs(best.netValue.mean)
        let near = feasible.compactMap { index -> Double? in
            guard case .accountsPerCSM(let load) = points[index].coverage, points[index].netValue.mean >= threshold
            else { return nil }
            return load
        }
        let range = near.min().flatMap { low in near.max().map { low...$0 } }
        return SegmentSweep(name: name, points: points, best: best, nearBestRange: range)
    }
}
