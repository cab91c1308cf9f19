import Foundation

/// Runs a ``SimulationPlan`` over its paths on several threads.
///
/// Paths are independent (each customer has its own random stream) and handed to whichever
/// thread is free. Each worker folds its paths into ``ScopeAccumulator``s (exact sums,
/// integer sketch counts, exact extremes) and per-customer integer distributions, which merge
/// exactly in any order: the results are bit-identical for any thread count, and memory does
/// not grow with the number of paths.
public struct PortfolioSimulator: Sendable {
    /// The plan to run.
    public let plan: SimulationPlan

    /// Creates a simulator for `plan`.
    public init(plan: SimulationPlan) { self.plan = plan }

    /// Simulates every path.
    /// - Parameter threads: worker threads (≥ 1); defaults to the active processor count.
    /// - Returns: the accumulated scopes and per-customer distributions.
    /// - Complexity: O(paths × (customers + horizon × segments)).
    public func run(threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> SimulationOutcome {
        run(paths: 0..<plan.paths, threads: threads)
    }

    /// Simulates the paths in `range` only (one shard, or one batch, of a run).
    /// - Parameters:
    ///   - range: the paths to simulate.
    ///   - threads: worker threads.
    ///   - progress: called with the number of paths finished so far (from worker threads).
    /// - Returns: the accumulated scopes of those paths and their customer distributions.
    public func run(paths range: Range<Int>, threads: Int, progress: (@Sendable (Int) -> Void)? = nil) -> SimulationOutcome {
        run(paths: range, threads: threads, comparing: [], in: NoComparison(), progress: progress).outcome
    }

    /// Simulates the paths in `range` under this plan and, on the same worker right after,
    /// under each of `alternatives` (same seed and paths, so the same random numbers path by
    /// path), folding every path's totals of all plans into `comparison`.
    ///
    /// Only this plan's paths go into the outcome; the alternatives' paths exist only while
    /// `comparison` folds them in, so memory does not grow with the number of paths.
    /// - Parameters:
    ///   - range: the paths to simulate.
    ///   - threads: worker threads.
    ///   - alternatives: plans of the same scenario, seed and horizon.
    ///   - comparison: an empty comparison; each worker starts from a copy of it.
    ///   - progress: called with the number of paths finished so far (from worker threads).
    /// - Returns: this plan's outcome and the merged comparison of every path.
    /// - Complexity: (1 + alternatives) times a plain run.
    func run<Comparison: PathComparison>(
        paths range: Range<Int>, threads: Int, comparing alternatives: [SimulationPlan], in comparison: Comparison,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> (outcome: SimulationOutcome, comparison: Comparison) {
        let plan = self.plan
        precondition(alternatives.allSatisfy { $0.seed == plan.seed && $0.horizonMonths == plan.horizonMonths },
                     "compared plans must share seed and horizon")
        let simulator = PathSimulator(plan: plan)
        let alternativeSimulators = alternatives.map { PathSimulator(plan: $0) }
        let result = PathWorkers.run(paths: range, threads: threads, progress: progress) { nextPath in
            var work = WorkerResult(plan: plan, comparison: comparison)
            // Alternatives' per-customer distributions are not reported; they are folded here and dropped.
            var unreported = work.distributions
            while let path = nextPath() {
                let totals = simulator.simulate(path: path, distributions: &work.distributions)
                work.add(totals, horizonMonths: plan.horizonMonths)
                var compared = [totals]
                for alternative in alternativeSimulators {
                    compared.append(alternative.simulate(path: path, distributions: &unreported))
                }
                work.comparison.add(compared)
            }
            work.flush()
            return work
        } merge: { $0.merge($1) }
        let outcome = SimulationOutcome(plan: plan, paths: range, scopes: result.scopes, distributions: result.distributions)
        return (outcome, result.comparison)
    }
}

/// What one worker gathers from the paths it simulated.
private struct WorkerResult<Comparison: PathComparison> {
    /// Paths whose totals are folded into the accumulators together.
    static var batchSize: Int { 32 }

    /// Accumulators of each segment, then of the portfolio.
    var scopes: [ScopeAccumulator]
    var distributions: [CustomerDistributions]
    var comparison: Comparison
    /// Totals of each scope on the paths not yet folded in.
    private var pending: [[PathTotals]]

    init(plan: SimulationPlan, comparison: Comparison) {
        scopes = SimulationOutcome.emptyScopes(plan: plan)
        self.comparison = comparison
        distributions = Array(repeating: CustomerDistributions(horizonMonths: plan.horizonMonths), count: plan.segments.count)
        pending = Array(repeating: [], count: scopes.count)
    }

    /// Adds one path's segment totals, and their sum (in segment order) to the portfolio.
    mutating func add(_ totals: [PathTotals], horizonMonths: Int) {
        var portfolio = PathTotals(horizonMonths: horizonMonths, checkpoints: SimulationPlan.survivalCheckpoints.count)
        for (index, segment) in totals.enumerated() {
            pending[index].append(segment)
            portfolio.add(segment)
        }
        pending[totals.count].append(portfolio)
        if pending[totals.count].count >= Self.batchSize { flush() }
    }

    /// Folds the pending paths into the accumulators.
    mutating func flush() {
        for index in scopes.indices {
            scopes[index].add(pending[index])
            pending[index].removeAll(keepingCapacity: true)
        }
    }

    /// Adds everything `other` (flushed) gathered; exact in any order.
    mutating func merge(_ other: WorkerResult) {
        for index in scopes.indices { scopes[index].merge(other.scopes[index]) }
        for index in distributions.indices { distributions[index].merge(other.distributions[index]) }
        comparison.merge(other.comparison)
    }
}

/// The raw result of a simulation, before summarising.
public struct SimulationOutcome: Sendable {
    /// The plan that was run.
    public let plan: SimulationPlan
    /// The paths simulated (all of `0 ..< plan.paths`, or one shard's range).
    public let paths: Range<Int>
    /// Accumulated paths of each segment, then of the portfolio.
    let scopes: [ScopeAccumulator]
    /// Per-segment customer distributions over all paths.
    let distributions: [CustomerDistributions]

    /// Empty accumulators for each segment of `plan`, then for the portfolio.
    static func emptyScopes(plan: SimulationPlan) -> [ScopeAccumulator] {
        let checkpoints = SimulationPlan.survivalCheckpoints.count
        let segments = plan.segments.map {
            ScopeAccumulator(
                customers: $0.segment.customers, horizonMonths: plan.horizonMonths, checkpoints: checkpoints,
                termMonths: $0.segment.contractTermMonths)
        }
        let portfolio = ScopeAccumulator(
            customers: plan.segments.reduce(0) { $0 + $1.segment.customers }, horizonMonths: plan.horizonMonths,
            checkpoints: checkpoints, termMonths: nil)
        return segments + [portfolio]
    }
}

extension SimulationOutcome {
    /// This outcome followed by `next`, whose paths must start where these end.
    func appending(_ next: SimulationOutcome) -> SimulationOutcome {
        precondition(next.paths.lowerBound == paths.upperBound, "outcomes must be consecutive")
        var scopes = self.scopes
        for index in scopes.indices { scopes[index].merge(next.scopes[index]) }
        var distributions = self.distributions
        for index in distributions.indices { distributions[index].merge(next.distributions[index]) }
        return SimulationOutcome(
            plan: plan, paths: paths.lowerBound..<next.paths.upperBound, scopes: scopes, distributions: distributions)
    }

    /// Relative standard error of the portfolio NPV over the paths so far (nil below 2 paths
    /// or with a zero mean).
    var portfolioRelativeStandardError: Double? {
        let estimate = scopes[plan.segments.count].netPresentValue.moments.estimate
        guard let se = estimate.standardError, estimate.mean != 0 else { return nil }
        return se / abs(estimate.mean)
    }
}
