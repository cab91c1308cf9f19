import Foundation

/// Simulates a range of paths on several threads, each worker folding its paths into its own
/// accumulators, which are then merged.
///
/// Paths are handed out one at a time (rather than a fixed stride per worker), which keeps
/// every thread busy when the machine gives one of them less time; which thread simulates a
/// path never changes its numbers. One lock round trip per path is negligible next to
/// simulating it. Callers fold into accumulators that merge exactly in any order, so results
/// are bit-identical for any thread count.
enum PathWorkers {
    /// Runs `worker` on `threads` threads (at least one, at most one per path); each call pulls
    /// paths of `range` from the `nextPath` it is given until it returns nil, and returns what
    /// it gathered. The workers' results are merged with `merge` in the order they finish.
    /// - Parameters:
    ///   - range: the paths to simulate.
    ///   - threads: worker threads.
    ///   - progress: called with the number of paths finished so far (from worker threads).
    ///   - worker: one worker's loop over the paths it is handed.
    ///   - merge: adds a worker's result to the results merged so far.
    /// - Returns: the merged results of every worker.
    static func run<Work>(
        paths range: Range<Int>, threads: Int, progress: (@Sendable (Int) -> Void)?,
        worker: @Sendable (_ nextPath: () -> Int?) -> Work, merge: @Sendable (inout Work, Work) -> Void
    ) -> Work {
        let collector = Collector<Work>(paths: range, progress: progress)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, range.count))) { _ in
            collector.store(worker(collector.nextPath), merge: merge)
        }
        return collector.result()
    }

    /// Hands out paths and merges worker output, both under a lock.
    private final class Collector<Work>: @unchecked Sendable {
        private let lock = NSLock()
        private let range: Range<Int>
        private var merged: Work?
        private var pathsHandedOut = 0
        private let progress: (@Sendable (Int) -> Void)?

        init(paths range: Range<Int>, progress: (@Sendable (Int) -> Void)?) {
            self.range = range
            self.progress = progress
        }

        /// The next path nobody has simulated yet, or nil when all are taken; reports the
        /// paths finished so far (those handed out before, less one per busy worker at most).
        func nextPath() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            progress?(pathsHandedOut)
            guard pathsHandedOut < range.count else { return nil }
            pathsHandedOut += 1
            return range.lowerBound + pathsHandedOut - 1
        }

        /// Merges one worker's result into the others'.
        func store(_ work: Work, merge: (inout Work, Work) -> Void) {
            lock.lock()
            defer { lock.unlock() }
            guard var result = merged else {
                merged = work
                return
            }
            merged = nil   // `result` the only reference: merging in place copies nothing
            merge(&result, work)
            merged = result
        }

        /// The merged result; every worker has stored its own (there is at least one).
        func result() -> Work {
            lock.lock()
            defer { lock.unlock() }
            guard let merged else { preconditionFailure("no worker stored a result") }
            return merged
        }
    }
}
