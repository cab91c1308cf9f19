import Dispatch

/// Element-wise work over a large index range, split in two halves that run at once on two
/// threads. Each index is computed the same way whichever thread takes it, so results do not
/// depend on the number of cores.
enum ParallelHalves {
    /// Calls `work` with 0..<`count` split into two halves at once, or with the whole range
    /// when `count` is below `minimum` (a thread costs more than it saves on small ranges).
    static func run(_ count: Int, minimum: Int = 100_000, _ work: @Sendable (Range<Int>) -> Void) {
        guard count >= minimum else {
            work(0..<count)
            return
        }
        let half = count / 2
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            work(part == 0 ? 0..<half : half..<count)
        }
    }
}
