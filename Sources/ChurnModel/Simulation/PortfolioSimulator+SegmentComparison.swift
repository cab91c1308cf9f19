extension PortfolioSimulator {
    /// Simulates only `segments` of each of `plans` on every path of `range` (the plans back to
    /// back on the same worker, on the same random numbers) and folds each path's totals into
    /// `comparison` as `totals[plan][k]`, the k-th of `segments`; nothing else is gathered.
    ///
    /// Customers keep their substreams of a whole-portfolio run and the path's laws are drawn
    /// as in one (see ``PathSimulator``), so each simulated segment's totals are bit-identical
    /// to those of a run of every segment: a comparison that reads only some segments need not
    /// pay for the others (a staffing sweep reads only the swept segment).
    /// - Parameters:
    ///   - plans: plans of the same scenario, seed and horizon.
    ///   - segments: indices of the segments to simulate, increasing.
    ///   - range: the paths to simulate.
    ///   - threads: worker threads.
    ///   - comparison: an empty comparison; each worker starts from a copy of it.
    /// - Returns: the merged comparison of every path.
    /// - Complexity: O(paths × plans × (customers of `segments` + their new logos)).
    static func compare<Comparison: PathComparison>(
        _ plans: [SimulationPlan], segments: [Int], paths range: Range<Int>, threads: Int, in comparison: Comparison
    ) -> Comparison {
        precondition(
            plans.allSatisfy { $0.seed == plans[0].seed && $0.horizonMonths == plans[0].horizonMonths
                && $0.segments.count == plans[0].segments.count },
            "compared plans must share seed, horizon and segments")
        let simulators = plans.map { PathSimulator(plan: $0, segments: segments) }
        return PathWorkers.run(paths: range, threads: threads, progress: nil) { nextPath in
            var work = comparison
            // Per-customer distributions are not reported here; they are folded and dropped.
            var unreported = plans.first.map {
                Array(repeating: CustomerDistributions(horizonMonths: $0.horizonMonths), count: $0.segments.count)
            } ?? []
            while let path = nextPath() {
                work.add(simulators.map { $0.simulate(path: path, distributions: &unreported) })
            }
            return work
        } merge: { $0.merge($1) }
    }
}
