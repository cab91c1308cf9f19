/// Orders rows by decreasing time — the order in which risk-set walks visit them — with a
/// counting sort over the dense ranks of the times (``TieCorrection/Times``): linear passes
/// instead of a comparison sort's O(n log n) calls of a closure.
enum TimeOrder {
    /// The rows 0..<`ranks.count` by decreasing rank, keeping row order among equal ranks;
    /// with `eventsFirst`, rows whose `eventsFirst[row]` is true come first among equal ranks.
    ///
    /// - Parameter distinctCount: One more than the largest rank.
    static func decreasing(ranks: [Int], distinctCount: Int, eventsFirst: [Bool]? = nil) -> [Int] {
        guard let eventsFirst else {
            return CountingSort.positions(ranks.count, buckets: distinctCount) { distinctCount - 1 - ranks[$0] }
        }
        return CountingSort.positions(ranks.count, buckets: 2 * distinctCount) {
            (distinctCount - 1 - ranks[$0]) * 2 + (eventsFirst[$0] ? 0 : 1)
        }
    }

    /// `order` split into the rows of each group (`group[row]` in 0..<`groupCount`), each
    /// keeping its order.
    static func split(_ order: [Int], by group: [Int], groupCount: Int) -> [[Int]] {
        var parts = [[Int]](repeating: [], count: groupCount)
        for row in order { parts[group[row]].append(row) }
        return parts
    }
}
