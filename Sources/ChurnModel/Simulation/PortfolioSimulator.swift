import Foundation

/// Runs a ``SimulationPlan`` over its paths on several threads.
///
/// Paths are independent (each customer has its own random stream) and handed to whichever
/// thread is free; per-path totals are stored by path index and summed in path order, and
/// per-customer distributions are integer counts: the results are bit-identical for any
/// thread count.
public struct PortfolioSimulator: Sendable {
    /// The plan to run.
    public let plan: SimulationPlan

    /// Creates a simulator for `plan`.
    public init(plan: SimulationPlan) { self.plan = plan }

    /// Simulates every path.
    /// - Parameter threads: worker threads (≥ 1); defaults to the active processor count.
    /// - Returns: the raw per-path totals and per-customer distributions.
    /// - Complexity: O(paths × (customers + horizon × segments)).
    public func run(threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> SimulationOutcome {
        run(paths: 0..<plan.paths, threads: threads)
    }

    /// Simulates the paths in `range` only (one shard, or one batch, of a run).
    /// - Parameters:
    ///   - range: the paths to simulate.
    ///   - threads: worker threads.
    ///   - progress: called with the number of paths finished so far (from worker threads).
    /// - Returns: totals for those paths, in path order, and their customer distributions.
    public func run(
        paths range: Range<Int>, threads: Int, progress: (@Sendable (Int) -> Void)? = nil
    ) -> SimulationOutcome {
        let workers = max(1, min(threads, range.count))
        let collector = WorkCollector(paths: range, progress: progress)
        let simulator = PathSimulator(plan: plan)
        let plan = self.plan
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var distributions = Array(
                repeating: CustomerDistributions(horizonMonths: plan.horizonMonths), count: plan.segments.count)
            var results: [(Int, [PathTotals])] = []
            while let path = collector.nextPath() {
                results.append((path, simulator.simulate(path: path, distributions: &distributions)))
            }
            collector.store(results, distributions)
        }
        return collector.outcome(plan: plan)
    }
}

/// Hands out paths one at a time and gathers worker output, both under a lock; integer
/// distributions merge in any order exactly.
///
/// Handing out paths on demand (rather than a fixed stride per worker) keeps every thread
/// busy when the machine gives one of them less time; which thread simulates a path never
/// changes its numbers. One lock round trip per path is negligible next to simulating it.
private final class WorkCollector: @unchecked Sendable {
    private let lock = NSLock()
    private let range: Range<Int>
    private var totals: [[PathTotals]?]
    private var distributions: [CustomerDistributions]?
    private var pathsHandedOut = 0
    private let progress: (@Sendable (Int) -> Void)?

    init(paths range: Range<Int>, progress: (@Sendable (Int) -> Void)?) {
        self.range = range
        self.progress = progress
        totals = Array(repeating: nil, count: range.count)
    }

    /// The next path nobody has simulated yet, or nil when all are taken; reports the
    /// paths finished so far (those handed out before, less one per busy worker at most).
    func nextPath() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        progress?(pathsHandedOut)
        guard pathsHandedOut < totals.count else { return nil }
        pathsHandedOut += 1
        return range.lowerBound + pathsHandedOut - 1
    }

    func store(_ results: [(Int, [PathTotals])], _ workerDistributions: [CustomerDistributions]) {
        lock.lock()
        defer { lock.unlock() }
        for (path, pathTotals) in results { totals[path - range.lowerBound] = pathTotals }
        if var merged = distributions {
            for index in merged.indices { merged[index].merge(workerDistributions[index]) }
            distributions = merged
        } else {
            distributions = workerDistributions
        }
    }

    func outcome(plan: SimulationPlan) -> SimulationOutcome {
        SimulationOutcome(
            plan: plan, paths: range, segmentTotals: totals.map { $0 ?? [] },
            distributions: distributions
                ?? Array(repeating: CustomerDistributions(horizonMonths: plan.horizonMonths), count: plan.segments.count))
    }
}

/// The raw result of a simulation, before summarising.
public struct SimulationOutcome: Sendable {
    /// The plan that was run.
    public let plan: SimulationPlan
    /// The paths simulated (all of `0 ..< plan.paths`, or one shard's range).
    public let paths: Range<Int>
    /// `segmentTotals[path − paths.lowerBound][segment]`.
    let segmentTotals: [[PathTotals]]
    /// Per-segment customer distributions over all paths.
    let distributions: [CustomerDistributions]
}

extension SimulationOutcome {
    /// This outcome followed by `next`, whose paths must start where these end.
    func appending(_ next: SimulationOutcome) -> SimulationOutcome {
        precondition(next.paths.lowerBound == paths.upperBound, "outcomes must be consecutive")
        var distributions = self.distributions
        for index in distributions.indices { distributions[index].merge(next.distributions[index]) }
        return SimulationOutcome(
            plan: plan, paths: paths.lowerBound..<next.paths.upperBound, segmentTotals: segmentTotals + next.segmentTotals,
            distributions: distributions)
    }

    /// Relative standard error of the portfolio NPV over the paths so far (nil below 2 paths
    /// or with a zero mean).
    var portfolioRelativeStandardError: Double? {
        let values = segmentTotals.map { $0.reduce(0) { $0 + $1.netPresentValue + $1.newBusinessValue } }
        let estimate = PathStatistics.estimate(values)
        guard let se = estimate.standardError, estimate.mean != 0 else { return nil }
        return se / abs(estimate.mean)
    }
}
