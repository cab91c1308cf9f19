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
/// Right-censored tables are counted by ``CoxDesign/rightCensoredPairs(_:)`` and tables
/// with entry times by ``CoxDesign/countingProcessPairs(_:)``.
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

/// The weighted comparable pairs of a concordance computation, with every row's influence on it.
struct ConcordancePairs {
    /// Σ over comparable pairs of the product of case weights, by outcome.
    var concordant = 0.0, discordant = 0.0, tiedRisk = 0.0
    /// Weighted pairs of events at the same time in the same stratum.
    var tiedTime = 0.0
    /// Per design row, its infinitesimal-jackknife influence on Somers' d (twice that on C),
    /// wᵢ[(cᵢ − dᵢ)/N − D·(cᵢ + dᵢ + tᵢ)/N], from the weighted concordant, discordant and
    /// risk-tied pairs cᵢ, dᵢ, tᵢ it belongs to as the event or as the comparator (weighted by
    /// the other row's weight), N the weighted comparable pairs and D Somers' d; empty when
    /// N = 0.
    var influence: [Double] = []

    /// The totals N and D that ``influence(weight:_:)`` needs, once the pair counts are complete.
    var scale: (total: Double, somers: Double) {
        let total = concordant + discordant + tiedRisk
        return (total, (concordant - discordant) / total)
    }

    /// A row's influence from its pairs (`scale` from ``scale``).
    static func influence(
        weight: Double, _ pairs: (c: Double, d: Double, t: Double), scale: (total: Double, somers: Double)
    ) -> Double {
        weight * ((pairs.c - pairs.d) / scale.total - scale.somers / scale.total * (pairs.c + pairs.d + pairs.t))
    }
}

extension CoxDesign {
    /// Computes the concordance of the linear predictors `eta`.
    ///
    /// - Complexity: O(n log n).
    func concordance(_ eta: [Double], clusters: [String]?) -> CoxConcordance {
        let pairs = entry == nil ? rightCensoredPairs(eta) : countingProcessPairs(DenseRanks(eta))
        return summary(pairs, clusters: clusters)
    }

    /// C and its infinitesimal-jackknife standard error from the pair counts; influence terms
    /// are summed within clusters (in order of first appearance) when `clusters` is given.
    private func summary(_ pairs: ConcordancePairs, clusters: [String]?) -> CoxConcordance {
        let (total, somers) = pairs.scale
        guard total > 0 else {
            return CoxConcordance(
                value: 0.5, standardError: 0, concordant: pairs.concordant, discordant: pairs.discordant,
                tiedRisk: pairs.tiedRisk, tiedTime: pairs.tiedTime)
        }
        var dfbeta = pairs.influence
        if let clusters {
            var slot: [String: Int] = [:]
            var sums: [Double] = []
            for (i, value) in dfbeta.enumerated() {
                let label = clusters[tableRow[i]]
                if let k = slot[label] {
                    sums[k] += value
                } else {
                    slot[label] = sums.count
                    sums.append(value)
                }
            }
            dfbeta = sums
        }
        let variance = dfbeta.reduce(0) { $0 + $1 * $1 } / 4
        return CoxConcordance(
            value: (somers + 1) / 2, standardError: variance.squareRoot(),
            concordant: pairs.concordant, discordant: pairs.discordant, tiedRisk: pairs.tiedRisk,
            tiedTime: pairs.tiedTime)
    }
}
