import Dispatch

/// One design row as the right-censored concordance reads it: the order key of its risk
/// score, the row and its time level, in 16 bytes, so that sorting and walking the rows in
/// score order moves little memory.
struct ScoredRow: Sendable {
    /// ``DenseRanks/orderKey(_:)`` of the score: equal keys are equal scores.
    var key: UInt64
    /// The design row.
    var row: UInt32
    /// The row's time level (see ``CoxDesign/rightCensoredPairs(_:)``).
    var level: UInt32
}

/// Sorts rows by a real score in expected linear time, without a comparison sort of all of
/// them. The rows are first distributed, in row order, over 2^k equal-width intervals between
/// the least and the greatest score (about four rows per interval); the interval of a score
/// is monotone in the score, so sorting each interval's few rows by their exact order key
/// gives the exact ascending order, equal scores in row order. Small intervals are sorted by
/// insertion, crowded ones (all scores equal, heavy tails) by the standard library's sort.
///
/// Large inputs are distributed in two halves of the rows at once (the second half's rows
/// placed after the first half's in every interval, so the order is the same as in one pass)
/// and their intervals sorted in two halves at once.
enum ScoreSort {
    /// Intervals above which a bucket is sorted by the standard library rather than by insertion.
    private static let insertionLimit = 48

    /// The rows 0..<`scores.count` in ascending score, each with its level; `scores` must be
    /// finite.
    static func ascending(_ scores: [Double], levels: [UInt32]) -> [ScoredRow] {
        let n = scores.count
        precondition(levels.count == n && n < Int(UInt32.max))
        guard n > 0 else { return [] }
        let (low, high) = scores.reduce((scores[0], scores[0])) { (Swift.min($0.0, $1), Swift.max($0.1, $1)) }
        let bucketBits = Swift.min(22, Int.bitWidth - Swift.max(1, n / 4).leadingZeroBitCount)
        let bucketCount = 1 << bucketBits
        let width = high - low
        // Equal scores (or a range that overflows) all go to one bucket.
        let scale = width > 0 && width.isFinite ? Double(bucketCount) / width : 0
        let parts = n >= 200_000 ? 2 : 1
        let bounds = (0...parts).map { $0 * n / parts }
        var bucketOf = [UInt32](hugePagesRepeating: 0, count: n)
        // counts[part * buckets + b]: the part's rows in bucket b, then the part's first slot.
        var counts = [Int](repeating: 0, count: parts * bucketCount)
        scores.withUnsafeBufferPointer { scores in
            bucketOf.withUnsafeMutableBufferPointer { bucketOf in
                counts.withUnsafeMutableBufferPointer { counts in
                    nonisolated(unsafe) let (values, buckets, tallies) = (scores, bucketOf, counts)
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let tally = tallies.baseAddress! + part * bucketCount
                        for i in bounds[part]..<bounds[part + 1] {
                            let b = Swift.min(bucketCount - 1, Int((values[i] - low) * scale))
                            buckets[i] = UInt32(truncatingIfNeeded: b)
                            tally[b] += 1
                        }
                    }
                }
            }
        }
        var bucketStarts = [Int](repeating: 0, count: bucketCount + 1)
        var slot = 0
        for b in 0..<bucketCount {
            bucketStarts[b] = slot
            for part in 0..<parts {
                let count = counts[part * bucketCount + b]
                counts[part * bucketCount + b] = slot
                slot += count
            }
        }
        bucketStarts[bucketCount] = n
        return [ScoredRow](unsafeUninitializedCapacity: n) { sorted, count in
            MemoryPages.preferHugePages(sorted)
            scores.withUnsafeBufferPointer { scores in
                levels.withUnsafeBufferPointer { levels in
                    bucketOf.withUnsafeBufferPointer { bucketOf in
                        counts.withUnsafeMutableBufferPointer { next in
                            nonisolated(unsafe) let (values, rowLevels, buckets, slots, out) = (scores, levels, bucketOf, next, sorted)
                            DispatchQueue.concurrentPerform(iterations: parts) { part in
                                let free = slots.baseAddress! + part * bucketCount
                                for i in bounds[part]..<bounds[part + 1] {
                                    let b = Int(buckets[i])
                                    (out.baseAddress! + free[b]).initialize(
                                        to: ScoredRow(
                                            key: DenseRanks.orderKey(values[i]), row: UInt32(truncatingIfNeeded: i),
                                            level: rowLevels[i]))
                                    free[b] += 1
                                }
                            }
                        }
                    }
                }
            }
            nonisolated(unsafe) let out = sorted
            let starts = bucketStarts
            let middle = bucketCount / 2
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let buckets = parts == 1 ? 0..<bucketCount : (part == 0 ? 0..<middle : middle..<bucketCount)
                for b in buckets where starts[b + 1] - starts[b] > 1 {
                    sortBucket(UnsafeMutableBufferPointer(rebasing: out[starts[b]..<starts[b + 1]]))
                }
            }
            count = n
        }
    }

    /// Sorts one bucket by (key, row).
    private static func sortBucket(_ rows: UnsafeMutableBufferPointer<ScoredRow>) {
        var rows = rows
        guard rows.count <= insertionLimit else {
            rows.sort { ($0.key, $0.row) < ($1.key, $1.row) }
            return
        }
        for k in 1..<rows.count {
            let moving = rows[k]
            var m = k
            while m > 0, rows[m - 1].key > moving.key {
                rows[m] = rows[m - 1]
                m -= 1
            }
            rows[m] = moving
        }
    }
}
