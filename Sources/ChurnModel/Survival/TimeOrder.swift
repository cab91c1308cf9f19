/// Orders rows by decreasing time — the order in which risk-set walks visit them — with a
/// counting sort over the dense ranks of the times (``DenseRanks``): linear passes instead
/// of a comparison sort's O(n log n) calls of a closure.
enum TimeOrder {
    /// `rows` by decreasing `times[row]`, keeping the given order among equal times; with
    /// `eventsFirst`, rows whose `eventsFirst[row]` is true come first among equal times.
    ///
    /// Every time must be finite (not NaN).
    static func decreasing(_ rows: [Int], by times: [Double], eventsFirst: [Bool]? = nil) -> [Int] {
        let ranked = DenseRanks(rows.map { times[$0] })
        let classes = eventsFirst == nil ? 1 : 2
        var starts = [Int](repeating: 0, count: ranked.distinctCount * classes + 1)
        var buckets = [Int](repeating: 0, count: rows.count)
        for (position, row) in rows.enumerated() {
            var bucket = ranked.distinctCount - 1 - ranked.ranks[position]
            if let eventsFirst { bucket = bucket * 2 + (eventsFirst[row] ? 0 : 1) }
            buckets[position] = bucket
            starts[bucket + 1] += 1
        }
        for b in 1..<starts.count { starts[b] += starts[b - 1] }
        var ordered = [Int](repeating: 0, count: rows.count)
        for (position, row) in rows.enumerated() {
            ordered[starts[buckets[position]]] = row
            starts[buckets[position]] += 1
        }
        return ordered
    }
}
