/// Harrell's concordance of a Cox model's risk scores with the observed times, as R's
/// `coxph` reports it (`concordance(fit)`, `timewt = "n"`).
///
/// A pair is comparable when one row has an event at time t while the other is still at
/// risk at t (entry < t ≤ stop) without an event at t — so a row censored at t counts as
/// outliving an event at t, and two events at the same time are a time tie, not a
/// comparable pair. Pairs are compared within strata and weighted by the product of case
/// weights. A comparable pair is concordant when the row that failed first has the larger
/// linear predictor; ties in the predictor count 1/2:
/// C = (concordant + tiedRisk/2) / (concordant + discordant + tiedRisk).
/// The standard error is R's infinitesimal-jackknife estimate, with influence terms summed
/// within clusters when the table has them.
///
/// References: Harrell, Califf, Pryor, Lee & Rosati, "Evaluating the yield of medical
/// tests", *JAMA* 247 (1982); Therneau & Atkinson, `vignette("concordance",
/// package = "survival")`.
public struct CoxConcordance: Sendable, Equatable {
    /// The concordance C in [0, 1]; 0.5 is no better than chance.
    public let value: Double
    /// Infinitesimal-jackknife standard error of C.
    public let standardError: Double
    /// Weighted number of concordant comparable pairs.
    public let concordant: Double
    /// Weighted number of discordant comparable pairs.
    public let discordant: Double
    /// Weighted number of comparable pairs with equal linear predictors.
    public let tiedRisk: Double
    /// Weighted number of pairs of events at the same time (not comparable).
    public let tiedTime: Double
}

/// A Fenwick (binary indexed) tree of weights over risk-score ranks, with the weight at each
/// rank kept alongside so that a split costs one prefix query.
private struct RankWeights {
    private var tree: [Double]
    private var atRank: [Double]
    private(set) var total = 0.0

    init(count: Int) {
        tree = [Double](repeating: 0, count: count + 1)
        atRank = [Double](repeating: 0, count: count)
    }

    mutating func add(_ weight: Double, at rank: Int) {
        total += weight
        atRank[rank] += weight
        var i = rank + 1
        while i < tree.count {
            tree[i] += weight
            i += i & -i
        }
    }

    /// Σ weights at ranks < `rank`.
    func below(_ rank: Int) -> Double {
        var sum = 0.0
        var i = rank
        while i > 0 {
            sum += tree[i]
            i -= i & -i
        }
        return sum
    }

    /// (below, equal, above) weights relative to `rank`.
    func split(_ rank: Int) -> (below: Double, equal: Double, above: Double) {
        let lower = below(rank)
        let equal = atRank[rank]
        return (lower, equal, total - lower - equal)
    }
}

extension CoxDesign {
    /// Computes the concordance of the linear predictors `eta`.
    ///
    /// - Complexity: O(n log n).
    func concordance(_ eta: [Double], clusters: [String]?) -> CoxConcordance {
        let ranked = DenseRanks(eta)
        let rank = ranked.ranks
        // Influence per row: weighted counts of its concordant, discordant, tied pairs.
        var influence = [(c: Double, d: Double, t: Double)](repeating: (0, 0, 0), count: rowCount)
        var concordant = 0.0, discordant = 0.0, tiedRisk = 0.0, tiedTime = 0.0
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
                    concordant += weight[i] * q.below
                    discordant += weight[i] * q.above
                    tiedRisk += weight[i] * q.equal
                    tiedTime += weight[i] * deathWeight
                    deathWeight += weight[i]
                }
                for i in died { deaths.add(weight[i], at: rank[i]) }
                died.forEach(join)
            }
            let leftover = entry == nil ? Array(stratum.rows) : Array(stratum.byEntry[e...])
            leftover.forEach(finish)
        }
        let pairs = concordant + discordant + tiedRisk
        guard pairs > 0 else {
            return CoxConcordance(
                value: 0.5, standardError: 0, concordant: concordant, discordant: discordant,
                tiedRisk: tiedRisk, tiedTime: tiedTime)
        }
        let somers = (concordant - discordant) / pairs
        var dfbeta = (0..<rowCount).map { i in
            let f = influence[i]
            return weight[i] * ((f.c - f.d) / pairs - somers / pairs * (f.c + f.d + f.t))
        }
        if let clusters {
            var sums: [String: Double] = [:]
            for (i, value) in dfbeta.enumerated() { sums[clusters[tableRow[i]], default: 0] += value }
            dfbeta = Array(sums.values)
        }
        let variance = dfbeta.reduce(0) { $0 + $1 * $1 } / 4
        return CoxConcordance(
            value: (somers + 1) / 2, standardError: variance.squareRoot(),
            concordant: concordant, discordant: discordant, tiedRisk: tiedRisk,
            tiedTime: tiedTime)
    }
}
