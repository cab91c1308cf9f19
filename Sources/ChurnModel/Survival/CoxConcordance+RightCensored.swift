/// One design row as the right-censored concordance pass reads it, packed so that visiting the
/// rows in risk-score order costs one memory access per row.
private struct ConcordanceRow {
    var weight: Double
    /// Dense rank of the row's linear predictor.
    var rank: Int
    /// Time level within the stratum (see ``CoxDesign/rightCensoredPairs(_:)``).
    var level: Int32
    var stratum: Int32
    var isEvent: Bool
}

/// A row's comparable pairs with rows of lower or equal risk score, counted while walking up
/// the risk scores; pairs with higher scores follow from the totals at the end.
private struct LowerShares {
    /// As the event: comparator weight with a lower / equal score.
    var eventLower = 0.0, eventEqual = 0.0
    /// As the comparator: event weight with a lower / equal score.
    var comparatorLower = 0.0, comparatorEqual = 0.0
}

extension CoxDesign {
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
    /// - Complexity: O(n log L) after the sort of the scores, L = the number of time levels.
    func rightCensoredPairs(_ ranked: DenseRanks) -> ConcordancePairs {
        var pairs = ConcordancePairs(rowCount: rowCount)
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
                    stratum: Int32(s), isEvent: event[r]))
            }
            levelCounts.append(2 * g + 2)
        }
        let order = ranked.ascending()
        let sorted = order.map { packed[$0] }
        packed = []
        var comparators = levelCounts.map { RankWeights(count: $0) }
        var deaths = levelCounts.map { RankWeights(count: $0) }
        var shares = [LowerShares](repeating: LowerShares(), count: rowCount)
        var k = 0
        while k < rowCount {
            var end = k + 1
            while end < rowCount, sorted[end].rank == sorted[k].rank { end += 1 }
            for m in k..<end {
                let row = sorted[m]
                let (s, level) = (Int(row.stratum), Int(row.level))
                if row.isEvent { shares[m].eventLower = comparators[s].below(level) }
                shares[m].comparatorLower = deaths[s].split(level).above
            }
            if end - k > 1 { Self.shareTies(sorted[k..<end], &shares[k..<end]) }
            for row in sorted[k..<end] {
                let (s, level) = (Int(row.stratum), Int(row.level))
                comparators[s].add(row.weight, at: level)
                if row.isEvent { deaths[s].add(row.weight, at: level) }
            }
            k = end
        }
        for (m, row) in sorted.enumerated() {
            let (s, level) = (Int(row.stratum), Int(row.level))
            let share = shares[m]
            var c = deaths[s].split(level).above - share.comparatorLower - share.comparatorEqual
            var d = share.comparatorLower
            var t = share.comparatorEqual
            if row.isEvent {
                let higher = comparators[s].below(level) - share.eventLower - share.eventEqual
                c += share.eventLower
                d += higher
                t += share.eventEqual
                pairs.concordant += row.weight * share.eventLower
                pairs.discordant += row.weight * higher
                pairs.tiedRisk += row.weight * share.eventEqual
            }
            pairs.influence[order[m]] = (c, d, t)
        }
        return pairs
    }

    /// Pairs within one group of equal risk scores: each event's comparators in the group (same
    /// stratum, lower level) and each row's events in the group (same stratum, higher level).
    private static func shareTies(_ group: ArraySlice<ConcordanceRow>, _ shares: inout ArraySlice<LowerShares>) {
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
