/// Orders rows by decreasing time — the order in which risk-set walks visit them — with a
/// counting sort over the dense ranks of the times (``TieCorrection/Times``): linear passes
/// instead of a comparison sort's O(n log n) calls of a closure.
enum TimeOrder {
    /// The rows 0..<`ranks.count` by decreasing rank, keeping row order among equal ranks;
    /// with `eventsFirst`, rows whose `eventsFirst[row]` is true come first among equal ranks.
    ///
    /// - Parameter distinctCount: One more than the largest rank.
    static func decreasing(ranks: [Int], distinctCount: Int, eventsFirst: [Bool]? = nil) -> [Int] {
        let classes = eventsFirst == nil ? 1 : 2
        var starts = [Int](repeating: 0, count: distinctCount * classes + 1)
        func bucket(_ row: Int) -> Int {
            let descending = distinctCount - 1 - ranks[row]
            guard let eventsFirst else { return descending }
            return descending * 2 + (eventsFirst[row] ? 0 : 1)
        }
        for row in ranks.indices { starts[bucket(row) + 1] += 1 }
        for b in 1..<starts.count { starts[b] += starts[b - 1] }
        var ordered = [Int](repeating: 0, count: ranks.count)
        for row in ranks.indices {
            let b = bucket(row)
            ordered[starts[b]] = row
            starts[b] += 1
        }
        return ordered
    }

    /// `order` split into the rows of each group (`group[row]` in 0..<`groupCount`), each
    /// keeping its order.
    static func split(_ order: [Int], by group: [Int], groupCount: Int) -> [[Int]] {
        var parts = [[Int]](repeating: [], count: groupCount)
        for row in order { parts[group[row]].append(row) }
        return parts
    }
}

/// The strata of a table: their labels in sorted order (as R orders factor levels) and each
/// row's index into them.
struct StratumLabels {
    let labels: [String]
    let index: [Int]

    init(_ rowLabels: [String]) {
        labels = Array(Set(rowLabels)).sorted()
        let slot = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        index = rowLabels.map { slot[$0]! }
    }

    /// Each stratum's label and rows (by `order`), or one unlabelled group of `order` when the
    /// table has no strata.
    static func groups(_ strata: StratumLabels?, order: [Int]) -> [(label: String?, rows: [Int])] {
        guard let strata else { return [(nil, order)] }
        let parts = TimeOrder.split(order, by: strata.index, groupCount: strata.labels.count)
        return zip(strata.labels, parts).map { ($0, $1) }
    }
}
