import Dispatch

/// One design row as the right-censored concordance pass reads it, packed so that visiting the
/// rows in risk-score order costs one memory access per row.
private struct ConcordanceRow: Sendable {
    var weight: Double
    /// Dense rank of the row's linear predictor.
    var rank: Int
    /// Time level within the stratum (see ``CoxDesign/rightCensoredPairs(_:)``): odd for an event.
    var level: Int32
    var stratum: Int32

    var isEvent: Bool { level & 1 == 1 }
}

/// A row's comparable pairs with rows of lower or equal risk score, counted while walking up
/// the risk scores; pairs with higher scores follow from the totals at the end.
private struct LowerShares {
    /// As the event: comparator weight with a lower / equal score.
    var eventLower = 0.0, eventEqual = 0.0
    /// As the comparator: event weight with a lower / equal score.
    var comparatorLower = 0.0, comparatorEqual = 0.0
}

/// Fenwick trees over each stratum's time levels: the comparators and the events visited so far.
private struct LevelTrees: Sendable {
    var comparators: [RankWeights]
    var deaths: [RankWeights]

    /// Trees holding `rows`, built from their per-level totals.
    init(levelCounts: [Int], holding rows: ArraySlice<ConcordanceRow>) {
        var comparatorTotals = levelCounts.map { [Double](repeating: 0, count: $0) }
        var deathTotals = comparatorTotals
        for row in rows {
            comparatorTotals[Int(row.stratum)][Int(row.level)] += row.weight
            if row.isEvent { deathTotals[Int(row.stratum)][Int(row.level)] += row.weight }
        }
        comparators = levelCounts.map { RankWeights(count: $0) }
        deaths = comparators
        for s in levelCounts.indices {
            for level in 0..<levelCounts[s] {
                if comparatorTotals[s][level] != 0 { comparators[s].add(comparatorTotals[s][level], at: level) }
                if deathTotals[s][level] != 0 { deaths[s].add(deathTotals[s][level], at: level) }
            }
        }
    }

    mutating func insert(_ row: ConcordanceRow) {
        let (s, level) = (Int(row.stratum), Int(row.level))
        comparators[s].add(row.weight, at: level)
        if row.isEvent { deaths[s].add(row.weight, at: level) }
    }
}

/// The trees at the end of the upper part's walk, handed back from its thread.
private final class FinishedTrees: @unchecked Sendable {
    var trees: LevelTrees?
}

extension CoxDesign {
    /// Rows below which the risk-ordered walk is not split.
    private static let minimumConcordanceSplitRows = 50_000

    /// Concordant, discordant and tied pairs for right-censored rows (no entry times).
    ///
    /// Within a stratum, let g number the distinct stop times from the latest; a censored row
    /// gets the time level 2g and an event 2g + 1. Row j is a comparator for event i exactly
    /// when level(j) < level(i): j outlives i's time, or is censored at it. The rows are then
    /// visited once in ascending risk score, with Fenwick trees over the time levels holding the
    /// comparators and the events already visited, so a row's pairs with lower scores are prefix
    /// sums. Equal scores are settled within their group, and pairs with higher scores are the
    /// totals minus the rest. With tied (e.g. monthly) times the trees have a few hundred
    /// entries and stay in the processor's cache, unlike trees over millions of risk-score ranks.
    ///
    /// Large tables are walked in two parts at once: the upper half of the scores starts from
    /// trees built from the lower half's per-level totals. The split point (the first new score
    /// after the middle row) depends on the data only, so results do not depend on the core count.
    ///
    /// - Complexity: O(n log L) after the sort of the scores, L = the number of time levels.
    func rightCensoredPairs(_ ranked: DenseRanks) -> ConcordancePairs {
        var pairs = ConcordancePairs()
        var packed: [ConcordanceRow] = []
        packed.reserveCapacity(rowCount)
        var levelCounts: [Int] = []
        for (s, stratum) in strata.enumerated() {
            var g = 0
            var previous = stratum.rows.isEmpty ? 0 : stop[stratum.rows.lowerBound]
            var deathWeight = 0.0
            for r in stratum.rows {
                if stop[r] != previous {
                    g += 1
                    previous = stop[r]
                    deathWeight = 0
                }
                if event[r] {
                    pairs.tiedTime += weight[r] * deathWeight
                    deathWeight += weight[r]
                }
                packed.append(ConcordanceRow(
                    weight: weight[r], rank: ranked.ranks[r], level: Int32(2 * g + (event[r] ? 1 : 0)),
                    stratum: Int32(s)))
            }
            levelCounts.append(2 * g + 2)
        }
        let order = ranked.ascending()
        let sorted = order.map { packed[$0] }
        packed = []
        var shares = [LowerShares](repeating: LowerShares(), count: rowCount)
        let trees = shares.withUnsafeMutableBufferPointer { shares in
            Self.walkUp(sorted, levelCounts: levelCounts, shares: shares)
        }
        // Two passes over the rows: the pair totals, then each row's influence, which needs them.
        for (m, row) in sorted.enumerated() where row.isEvent {
            let (s, level) = (Int(row.stratum), Int(row.level))
            let share = shares[m]
            let higher = trees.comparators[s].below(level) - share.eventLower - share.eventEqual
            pairs.concordant += row.weight * share.eventLower
            pairs.discordant += row.weight * higher
            pairs.tiedRisk += row.weight * share.eventEqual
        }
        let scale = pairs.scale
        guard scale.total > 0 else { return pairs }
        var influence = [Double](repeating: 0, count: rowCount)
        for (m, row) in sorted.enumerated() {
            let (s, level) = (Int(row.stratum), Int(row.level))
            let share = shares[m]
            var c = trees.deaths[s].split(level).above - share.comparatorLower - share.comparatorEqual
            var d = share.comparatorLower
            var t = share.comparatorEqual
            if row.isEvent {
                c += share.eventLower
                d += trees.comparators[s].below(level) - share.eventLower - share.eventEqual
                t += share.eventEqual
            }
            influence[order[m]] = ConcordancePairs.influence(weight: row.weight, (c, d, t), scale: scale)
        }
        pairs.influence = influence
        return pairs
    }

    /// Fills every row's ``LowerShares`` walking up the scores (in two parts at once for large
    /// tables) and returns the trees holding all rows.
    private static func walkUp(
        _ sorted: [ConcordanceRow], levelCounts: [Int], shares: UnsafeMutableBufferPointer<LowerShares>
    ) -> LevelTrees {
        let n = sorted.count
        var middle = n / 2
        while middle > 0, middle < n, sorted[middle].rank == sorted[middle - 1].rank { middle += 1 }
        let split = middle
        guard n >= minimumConcordanceSplitRows, split < n else {
            var trees = LevelTrees(levelCounts: levelCounts, holding: [])
            walkUp(sorted, 0..<n, &trees, shares)
            return trees
        }
        let upper = FinishedTrees()
        let done = DispatchGroup()
        nonisolated(unsafe) let upperShares = shares
        DispatchQueue.global().async(group: done) {
            var trees = LevelTrees(levelCounts: levelCounts, holding: sorted[..<split])
            walkUp(sorted, split..<n, &trees, upperShares)
            upper.trees = trees
        }
        var lower = LevelTrees(levelCounts: levelCounts, holding: [])
        walkUp(sorted, 0..<split, &lower, shares)
        done.wait()
        return upper.trees!
    }

    /// Walks `range` of the rows in ascending score with `trees` holding every row below it.
    private static func walkUp(
        _ sorted: [ConcordanceRow], _ range: Range<Int>, _ trees: inout LevelTrees,
        _ shares: UnsafeMutableBufferPointer<LowerShares>
    ) {
        var k = range.lowerBound
        while k < range.upperBound {
            var end = k + 1
            while end < range.upperBound, sorted[end].rank == sorted[k].rank { end += 1 }
            for m in k..<end {
                let row = sorted[m]
                let (s, level) = (Int(row.stratum), Int(row.level))
                if row.isEvent { shares[m].eventLower = trees.comparators[s].below(level) }
                shares[m].comparatorLower = trees.deaths[s].split(level).above
            }
            if end - k > 1 { shareTies(sorted[k..<end], shares) }
            for row in sorted[k..<end] { trees.insert(row) }
            k = end
        }
    }

    /// Pairs within one group of equal risk scores: each event's comparators in the group (same
    /// stratum, lower level) and each row's events in the group (same stratum, higher level).
    private static func shareTies(_ group: ArraySlice<ConcordanceRow>, _ shares: UnsafeMutableBufferPointer<LowerShares>) {
        let members = group.indices.sorted {
            (group[$0].stratum, group[$0].level) < (group[$1].stratum, group[$1].level)
        }
        func sameBlock(_ a: Int, _ b: Int) -> Bool {
            group[members[a]].stratum == group[members[b]].stratum && group[members[a]].level == group[members[b]].level
        }
        var start = 0
        while start < members.count {
            var stop = start
            while stop < members.count, group[members[stop]].stratum == group[members[start]].stratum { stop += 1 }
            var lowerComparators = 0.0
            var a = start
            while a < stop {
                var b = a
                while b < stop, sameBlock(a, b) { b += 1 }
                for m in members[a..<b] where group[m].isEvent { shares[m].eventEqual = lowerComparators }
                for m in members[a..<b] { lowerComparators += group[m].weight }
                a = b
            }
            var higherEvents = 0.0
            a = stop
            while a > start {
                var b = a
                while b > start, sameBlock(a - 1, b - 1) { b -= 1 }
                for m in members[b..<a] { shares[m].comparatorEqual = higherEvents }
                for m in members[b..<a] where group[m].isEvent { higherEvents += group[m].weight }
                a = b
            }
            start = stop
        }
    }
}
