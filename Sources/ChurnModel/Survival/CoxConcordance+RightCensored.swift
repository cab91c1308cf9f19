import Dispatch

/// A time level of one stratum, as the walk up the scores reads it. Within a stratum, local
/// level 2g is a row censored at the g-th distinct stop time from the latest, and 2g + 1 an
/// event then; the levels of all strata are numbered together.
private struct TimeLevel: Sendable {
    /// The stratum, and the first slot of its Fenwick trees (the stratum's tree uses slots
    /// treeBase + 1 … treeBase + count).
    var stratum: Int, treeBase: Int
    /// The level's index within the stratum, and the stratum's number of levels.
    var local: Int, count: Int
    /// The weight of the stratum's rows at lower levels (the comparators of an event at this
    /// level) and of its events at higher levels (the events a row here is a comparator for).
    var comparatorsBelow: Double, deathsAbove: Double

    var isEvent: Bool { local & 1 == 1 }
}

/// Fenwick trees over each stratum's time levels (all strata in one array per tree, see
/// ``TimeLevel/treeBase``) for the comparators and for the events among the rows visited so
/// far, with each stratum's visited event weight. A class holding its own memory, so that the
/// walk's millions of updates need no copy-on-write checks.
private final class LevelTrees {
    private let comparators: UnsafeMutableBufferPointer<Double>
    private let deaths: UnsafeMutableBufferPointer<Double>
    private let deathTotals: UnsafeMutableBufferPointer<Double>

    init(levels: [TimeLevel]) {
        let size = levels.last.map { $0.treeBase + $0.count + 1 } ?? 1
        comparators = .allocate(capacity: size)
        comparators.initialize(repeating: 0)
        deaths = .allocate(capacity: size)
        deaths.initialize(repeating: 0)
        deathTotals = .allocate(capacity: (levels.last?.stratum ?? 0) + 1)
        deathTotals.initialize(repeating: 0)
    }

    deinit {
        comparators.deallocate()
        deaths.deallocate()
        deathTotals.deallocate()
    }

    /// Comparator weight at lower levels of `level`'s stratum.
    @inline(__always)
    func comparatorsBelow(_ level: TimeLevel) -> Double {
        Self.prefix(comparators, level.treeBase, level.local)
    }

    /// Event weight at higher levels of `level`'s stratum.
    @inline(__always)
    func deathsAbove(_ level: TimeLevel) -> Double {
        deathTotals[level.stratum] - Self.prefix(deaths, level.treeBase, level.local + 1)
    }

    @inline(__always)
    private static func prefix(_ tree: UnsafeMutableBufferPointer<Double>, _ base: Int, _ end: Int) -> Double {
        var sum = 0.0
        var i = end
        while i > 0 {
            sum += tree[base + i]
            i -= i & -i
        }
        return sum
    }

    /// Adds a visited row of weight `w` at `level`.
    @inline(__always)
    func insert(_ level: TimeLevel, weight w: Double) {
        let isEvent = level.isEvent
        if isEvent { deathTotals[level.stratum] += w }
        var i = level.local + 1
        while i <= level.count {
            comparators[level.treeBase + i] += w
            if isEvent { deaths[level.treeBase + i] += w }
            i += i & -i
        }
    }
}

/// A row's pairs with rows of lower or equal score found while walking up the scores.
private struct LowerShares {
    /// As the event: comparator weight with a lower / equal score.
    var eventLower = 0.0, eventEqual = 0.0
    /// As the comparator: event weight with a lower / equal score.
    var comparatorLower = 0.0, comparatorEqual = 0.0
}

/// Pair totals of one part of the walk up the scores.
private struct PartTotals: Sendable {
    var concordant = 0.0, discordant = 0.0, tiedRisk = 0.0
}

/// Per design row: c − d and c + d + t from its weighted concordant, discordant and risk-tied
/// pairs, as the event or the comparator.
private typealias Contrast = (difference: Double, total: Double)

extension CoxDesign {
    /// Rows below which the walk up the scores is not split.
    private static let minimumConcordanceSplitRows = 50_000

    /// Concordant, discordant and tied pairs for right-censored rows (no entry times).
    ///
    /// Within a stratum, let g number the distinct stop times from the latest; a censored row
    /// gets the time level 2g and an event 2g + 1. Row j is a comparator for event i exactly
    /// when level(j) < level(i): j outlives i's time, or is censored at it. The rows are
    /// sorted by score (``ScoreSort``) and visited once in ascending score, with Fenwick trees
    /// over the time levels holding the comparators and the events already visited, so a
    /// row's pairs with lower scores are prefix sums. Equal scores are settled within their
    /// group, and pairs with higher scores are the level totals minus the rest. With tied
    /// (e.g. monthly) times the trees have a few hundred entries and stay in the processor's
    /// cache, unlike trees over millions of risk-score ranks.
    ///
    /// Large tables are walked in two parts at once: the upper half of the scores starts from
    /// trees holding the lower half's rows. The split point (the first new score after the
    /// middle row) depends on the data only, so results do not depend on the core count.
    ///
    /// - Complexity: O(n log L) after the expected-linear sort of the scores, L = the number
    ///   of time levels.
    func rightCensoredPairs(_ eta: [Double]) -> ConcordancePairs {
        var pairs = ConcordancePairs()
        var rowLevels = [UInt32](hugePagesRepeating: 0, count: rowCount)
        let levels = timeLevels(rowLevels: &rowLevels, tiedTime: &pairs.tiedTime)
        let sorted = ScoreSort.ascending(eta, levels: rowLevels)
        rowLevels = []
        var contrasts = [Contrast](hugePagesRepeating: (0, 0), count: rowCount)
        let totals = contrasts.withUnsafeMutableBufferPointer { contrasts in
            levels.withUnsafeBufferPointer { levels in
                sorted.withUnsafeBufferPointer { sorted in walkUp(sorted, levels, contrasts: contrasts) }
            }
        }
        pairs.concordant = totals.concordant
        pairs.discordant = totals.discordant
        pairs.tiedRisk = totals.tiedRisk
        let scale = pairs.scale
        guard scale.total > 0 else { return pairs }
        pairs.influence = [Double](hugePagesRepeating: 0, count: rowCount)
        for i in 0..<rowCount {
            pairs.influence[i] = weight[i] * (contrasts[i].difference - scale.somers * contrasts[i].total) / scale.total
        }
        return pairs
    }

    /// The strata's time levels with their weight totals, each row's level in `rowLevels`, and
    /// the weighted pairs of events at the same time added to `tiedTime`.
    private func timeLevels(rowLevels: inout [UInt32], tiedTime: inout Double) -> [TimeLevel] {
        var levels: [TimeLevel] = []
        for (s, stratum) in strata.enumerated() {
            let start = levels.count
            var weights: [Double] = []  // per local level: all rows, then events
            var deathWeights: [Double] = []
            var g = 0
            var previous = stratum.rows.isEmpty ? 0 : stop[stratum.rows.lowerBound]
            var tiedDeaths = 0.0
            for r in stratum.rows {
                if stop[r] != previous {
                    g += 1
                    previous = stop[r]
                    tiedDeaths = 0
                }
                let local = 2 * g + (event[r] ? 1 : 0)
                while weights.count <= local + 1 {
                    weights.append(0)
                    deathWeights.append(0)
                }
                weights[local] += weight[r]
                if event[r] {
                    tiedTime += weight[r] * tiedDeaths
                    tiedDeaths += weight[r]
                    deathWeights[local] += weight[r]
                }
                rowLevels[r] = UInt32(start + local)
            }
            var below = 0.0
            for (local, w) in weights.enumerated() {
                levels.append(TimeLevel(
                    stratum: s, treeBase: start + s, local: local, count: weights.count,
                    comparatorsBelow: below, deathsAbove: 0))
                below += w
            }
            var above = 0.0
            for local in weights.indices.reversed() {
                levels[start + local].deathsAbove = above
                above += deathWeights[local]
            }
        }
        return levels
    }

    /// Walks the sorted rows up the scores (in two parts at once for large tables), writing
    /// each row's contrasts, and returns the pair totals.
    private func walkUp(
        _ sorted: UnsafeBufferPointer<ScoredRow>, _ levels: UnsafeBufferPointer<TimeLevel>,
        contrasts: UnsafeMutableBufferPointer<Contrast>
    ) -> PartTotals {
        let n = sorted.count
        var middle = n / 2
        while middle > 0, middle < n, sorted[middle].key == sorted[middle - 1].key { middle += 1 }
        let split = middle
        guard n >= Self.minimumConcordanceSplitRows, split < n else {
            return walkUp(sorted, levels, LevelTrees(levels: Array(levels)), contrasts: contrasts)
        }
        var parts = [PartTotals](repeating: PartTotals(), count: 2)
        parts.withUnsafeMutableBufferPointer { parts in
            nonisolated(unsafe) let (totals, rows, levelTable, contrastTable) = (parts, sorted, levels, contrasts)
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                let trees = LevelTrees(levels: Array(levelTable))
                if part == 1 {
                    var lowerWeights = [Double](repeating: 0, count: levelTable.count)
                    for row in rows[..<split] { lowerWeights[Int(row.level)] += weight[Int(row.row)] }
                    for (level, w) in lowerWeights.enumerated() where w != 0 { trees.insert(levelTable[level], weight: w) }
                }
                let range = part == 0 ? 0..<split : split..<n
                totals[part] = walkUp(
                    UnsafeBufferPointer(rebasing: rows[range]), levelTable, trees, contrasts: contrastTable)
            }
        }
        return PartTotals(
            concordant: parts[0].concordant + parts[1].concordant,
            discordant: parts[0].discordant + parts[1].discordant,
            tiedRisk: parts[0].tiedRisk + parts[1].tiedRisk)
    }

    /// Walks `rows` in ascending score with `trees` holding every row of lower score.
    private func walkUp(
        _ rows: UnsafeBufferPointer<ScoredRow>, _ levels: UnsafeBufferPointer<TimeLevel>, _ trees: LevelTrees,
        contrasts: UnsafeMutableBufferPointer<Contrast>
    ) -> PartTotals {
        var totals = PartTotals()
        var shares: [LowerShares] = []
        var k = 0
        while k < rows.count {
            var end = k + 1
            while end < rows.count, rows[end].key == rows[k].key { end += 1 }
            if end == k + 1 {
                // A score of its own, the usual case: no ties to settle, no shares array.
                let level = levels[Int(rows[k].level)]
                let share = LowerShares(
                    eventLower: level.isEvent ? trees.comparatorsBelow(level) : 0, eventEqual: 0,
                    comparatorLower: trees.deathsAbove(level), comparatorEqual: 0)
                settle(rows[k], level, share, &totals, trees, contrasts)
                k = end
                continue
            }
            shares.removeAll(keepingCapacity: true)
            for row in rows[k..<end] {
                let level = levels[Int(row.level)]
                shares.append(LowerShares(
                    eventLower: level.isEvent ? trees.comparatorsBelow(level) : 0, eventEqual: 0,
                    comparatorLower: trees.deathsAbove(level), comparatorEqual: 0))
            }
            if end - k > 1 { shareTies(UnsafeBufferPointer(rebasing: rows[k..<end]), levels, &shares) }
            for (m, row) in rows[k..<end].enumerated() {
                settle(row, levels[Int(row.level)], shares[m], &totals, trees, contrasts)
            }
            k = end
        }
        return totals
    }

    /// Adds a visited row's pairs (its shares with lower and equal scores) to the totals,
    /// writes its contrasts, and puts it in the trees.
    @inline(__always)
    private func settle(
        _ row: ScoredRow, _ level: TimeLevel, _ share: LowerShares, _ totals: inout PartTotals,
        _ trees: LevelTrees, _ contrasts: UnsafeMutableBufferPointer<Contrast>
    ) {
        let i = Int(row.row)
        let w = weight[i]
        var c = level.deathsAbove - share.comparatorLower - share.comparatorEqual
        var d = share.comparatorLower
        var t = share.comparatorEqual
        if level.isEvent {
            let higher = level.comparatorsBelow - share.eventLower - share.eventEqual
            totals.concordant += w * share.eventLower
            totals.discordant += w * higher
            totals.tiedRisk += w * share.eventEqual
            c += share.eventLower
            d += higher
            t += share.eventEqual
        }
        contrasts[i] = (c - d, c + d + t)
        trees.insert(level, weight: w)
    }

    /// Pairs within one group of equal scores: each event's comparators in the group (same
    /// stratum, lower level) and each row's events in the group (same stratum, higher level).
    private func shareTies(
        _ group: UnsafeBufferPointer<ScoredRow>, _ levels: UnsafeBufferPointer<TimeLevel>, _ shares: inout [LowerShares]
    ) {
        // Members (indices into `group` and `shares`) by level; a stratum's levels are consecutive.
        let members = group.indices.sorted { group[$0].level < group[$1].level }
        func level(_ a: Int) -> TimeLevel { levels[Int(group[members[a]].level)] }
        func sameLevel(_ a: Int, _ b: Int) -> Bool { group[members[a]].level == group[members[b]].level }
        var start = 0
        while start < members.count {
            var stop = start
            while stop < members.count, level(stop).stratum == level(start).stratum { stop += 1 }
            var lowerComparators = 0.0
            var a = start
            while a < stop {
                var b = a
                while b < stop, sameLevel(a, b) { b += 1 }
                let isEvent = level(a).isEvent
                for m in members[a..<b] where isEvent { shares[m].eventEqual = lowerComparators }
                for m in members[a..<b] { lowerComparators += weight[Int(group[m].row)] }
                a = b
            }
            var higherEvents = 0.0
            a = stop
            while a > start {
                var b = a
                while b > start, sameLevel(b - 1, a - 1) { b -= 1 }
                let isEvent = level(a - 1).isEvent
                for m in members[b..<a] { shares[m].comparatorEqual = higherEvents }
                for m in members[b..<a] where isEvent { higherEvents += weight[Int(group[m].row)] }
                a = b
            }
            start = stop
        }
    }
}
