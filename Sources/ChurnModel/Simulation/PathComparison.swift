/// Folds what several plans give on the same path into constant-memory accumulators, path by
/// path, for comparisons on common random numbers (Customer Success with and without, the
/// coverages of a staffing sweep).
///
/// ``PortfolioSimulator/run(paths:threads:comparing:in:progress:)`` and
/// ``PortfolioSimulator/compare(_:segments:paths:threads:in:)`` simulate each path under
/// every plan back to back on one worker, each plan drawing the path's own random streams
/// exactly as a separate run would, and hand the totals to the worker's comparison. Workers'
/// comparisons are then merged in whatever order they finish, so a conforming type must merge
/// exactly (``PathMoments``, ``PathDistribution``, integer counts): the state after any split
/// of the paths is the same, and results are bit-identical for any thread count or sharding.
protocol PathComparison: Sendable {
    /// Adds one path: `totals[plan][k]`, the totals of the k-th simulated segment (every
    /// segment in a run; those asked for in
    /// ``PortfolioSimulator/compare(_:segments:paths:threads:in:)``) under each plan in the
    /// order given, a run's own plan first.
    mutating func add(_ totals: [[PathTotals]])

    /// Adds every path of `other`, a comparison of the same plans.
    mutating func merge(_ other: Self)
}

/// The comparison of a run of one plan: nothing to compare.
struct NoComparison: PathComparison {
    /// Ignores the path.
    mutating func add(_ totals: [[PathTotals]]) {}

    /// Nothing to merge.
    mutating func merge(_ other: NoComparison) {}
}
