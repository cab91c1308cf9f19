import Foundation

/// Runs a ``SimulationPlan`` over its paths on several threads.
///
/// Paths are independent (each customer has its own random stream), per-path totals are
/// stored by path index and summed in path order, and per-customer distributions are integer
/// counts: the results are bit-identical for any thread count.
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
        let workers = max(1, min(threads, plan.paths))
        let collector = WorkCollector(paths: plan.paths)
        let simulator = PathSimulator(plan: plan)
        let plan = self.plan
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var distributions = Array(
                repeating: CustomerDistributions(horizonMonths: plan.horizonMonths), count: plan.segments.count)
            var results: [(Int, [PathTotals])] = []
            for path in stride(from: worker, to: plan.paths, by: workers) {
                results.append((path, simulator.simulate(path: path, distributions: &distributions)))
            }
            collector.store(results, distributions)
        }
        return collector.outcome(plan: plan)
    }
}

/// Gathers worker output under a lock; integer distributions merge in any order exactly.
private final class WorkCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var totals: [[PathTotals]?]
    private var distributions: [CustomerDistributions]?

    init(paths: Int) { totals = Array(repeating: nil, count: paths) }

    func store(_ results: [(Int, [PathTotals])], _ workerDistributions: [CustomerDistributions]) {
        lock.lock()
        defer { lock.unlock() }
        for (path, pathTotals) in results { totals[path] = pathTotals }
        if var merged = distributions {
            for index in merged.indices { merged[index].merge(workerDistributions[index]) }
            distributions = merged
        } else {
            distributions = workerDistributions
        }
    }

    func outcome(plan: SimulationPlan) -> SimulationOutcome {
        SimulationOutcome(
            plan: plan, segmentTotals: totals.map { $0 ?? [] },
            distributions: distributions ?? [])
    }
}

/// The raw result of a simulation, before summarising.
public struct SimulationOutcome: Sendable {
    /// The plan that was run.
    public let plan: SimulationPlan
    /// `segmentTotals[path][segment]`.
    let segmentTotals: [[PathTotals]]
    /// Per-segment customer distributions over all paths.
    let distributions: [CustomerDistributions]
}
