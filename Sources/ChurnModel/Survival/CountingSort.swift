/// A stable counting sort of positions by a small integer key: two linear passes, no
/// comparisons. Shared by the time orders of risk-set walks and the score order of the
/// concordance.
enum CountingSort {
    /// The positions 0..<`count` ordered by `bucket(position)` (in 0..<`buckets`), keeping
    /// position order within a bucket.
    @inline(__always)
    static func positions(_ count: Int, buckets: Int, _ bucket: (Int) -> Int) -> [Int] {
        var starts = [Int](repeating: 0, count: buckets + 1)
        for position in 0..<count { starts[bucket(position) + 1] += 1 }
        for b in 0..<buckets { starts[b + 1] += starts[b] }
        var ordered = [Int](repeating: 0, count: count)
        for position in 0..<count {
            let b = bucket(position)
            ordered[starts[b]] = position
            starts[b] += 1
        }
        return ordered
    }
}
