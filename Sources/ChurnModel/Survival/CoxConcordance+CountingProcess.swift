extension CoxDesign {
    /// Concordant, discordant and tied pairs for any table, including (start, stop] rows with
    /// entry times: the event times of each stratum are walked backwards while two Fenwick
    /// trees over risk-score ranks hold the rows at risk and the events seen so far. A row's
    /// share as a comparator is the change in the events tree between joining and leaving the
    /// risk set.
    ///
    /// - Complexity: O(n log n), with trees as large as the number of distinct risk scores.
    func countingProcessPairs(_ ranked: DenseRanks) -> ConcordancePairs {
        let rank = ranked.ranks
        var pairs = ConcordancePairs()
        var influence = [(c: Double, d: Double, t: Double)](repeating: (0, 0, 0), count: rowCount)
        for stratum in strata {
            var atRisk = RankWeights(count: ranked.distinctCount)
            var deaths = RankWeights(count: ranked.distinctCount)
            var snapshot = [(below: Double, equal: Double, above: Double)](
                repeating: (0, 0, 0), count: rowCount)
            func finish(_ j: Int) {
                let now = deaths.split(rank[j])
                let then = snapshot[j]
                // Events with a larger predictor than comparator j are concordant pairs.
                influence[j].c += now.above - then.above
                influence[j].d += now.below - then.below
                influence[j].t += now.equal - then.equal
            }
            func join(_ j: Int) {
                atRisk.add(weight[j], at: rank[j])
                snapshot[j] = deaths.split(rank[j])
            }
            let rows = Array(stratum.rows)
            var k = 0
            var e = 0
            while k < rows.count {
                let time = stop[rows[k]]
                var end = k
                while end < rows.count, stop[rows[end]] == time { end += 1 }
                let group = rows[k..<end]
                k = end
                let died = group.filter { event[$0] }
                if died.isEmpty {
                    group.forEach(join)
                    continue
                }
                if let entry {
                    while e < stratum.byEntry.count, entry[stratum.byEntry[e]] >= time {
                        let j = stratum.byEntry[e]
                        finish(j)
                        atRisk.add(-weight[j], at: rank[j])
                        e += 1
                    }
                }
                group.filter { !event[$0] }.forEach(join)
                var deathWeight = 0.0
                for i in died {
                    let q = atRisk.split(rank[i])
                    influence[i].c += q.below
                    influence[i].d += q.above
                    influence[i].t += q.equal
                    pairs.concordant += weight[i] * q.below
                    pairs.discordant += weight[i] * q.above
                    pairs.tiedRisk += weight[i] * q.equal
                    pairs.tiedTime += weight[i] * deathWeight
                    deathWeight += weight[i]
                }
                for i in died { deaths.add(weight[i], at: rank[i]) }
                died.forEach(join)
            }
            let leftover = entry == nil ? Array(stratum.rows) : Array(stratum.byEntry[e...])
            leftover.forEach(finish)
        }
        let scale = pairs.scale
        if scale.total > 0 {
            pairs.influence = (0..<rowCount).map { ConcordancePairs.influence(weight: weight[$0], influence[$0], scale: scale) }
        }
        return pairs
    }
}
