/// The score and information for the time-varying-coefficient model behind `cox.zph`.
///
/// Extend the fitted model to β(t) = β + θ·g(t), i.e. add the p covariates xⱼ·g(t). At
/// (β̂, θ = 0) the score for β is 0 and the score for θ is
///
///     U_θ = Σ_events wᵢ g(tᵢ) (xᵢ − x̄(tᵢ)),
///
/// and the 2p × 2p information is Σ_t [V(t), g V(t); g V(t), g² V(t)] with V(t) the
/// risk-set weighted covariance of x, summed over the Efron partial risk sets
/// (S0 − f·D0, S1 − f·D1, S2 − f·D2) with weight w̄ = Σ_D w / d each, or once with the full
/// weight for Breslow ties. The score test of θ = 0 is then U_θᵀ (I⁻¹)_θθ U_θ — for one
/// covariate j the 2p matrix is cut to the rows and columns of β and θⱼ. This is the test of
/// survival ≥ 3.0 (`zph1.c`, `zph2.c`), which uses the full information instead of the
/// approximation of Grambsch & Therneau (1994) that assumed V(t) constant.
///
/// Reference: Grambsch & Therneau, *Biometrika* 81 (1994); Therneau & Grambsch (2000),
/// §6.2–6.3.
extension CoxDesign {
    /// U_θ (p values) and the 2p × 2p information at β̂ for the centred time function
    /// g(t) − mean.
    ///
    /// - Complexity: O(n·p²).
    func timeTrendScore(risk: [Double], g: EventTimeFunction, ties: TieMethod) -> (score: [Double], information: Matrix) {
        let p = covariateCount
        var score = [Double](repeating: 0, count: p)
        var info = Matrix(rows: 2 * p, columns: 2 * p)
        var v = [Double](repeating: 0, count: p * p)  // V(t), lower triangle
        for stratum in strata {
            forEachEventTime(in: stratum, risks: .perRow(risk), secondMoments: true) { _, deaths, sums in
                guard let first = deaths.first else { return }
                let gt = g(stop[first]) - g.mean
                for i in deaths {
                    for j in 0..<p { score[j] += gt * weight[i] * x[j * rowCount + i] }
                }
                let efron = EfronSums(sums, ties: ties)
                for j in 0..<p { score[j] -= gt * efron.share * efron.meanSum(sums, j) }
                for j in 0..<(p * p) { v[j] = 0 }
                sums.addCovariance(efron, scale: 1, into: &v, leadingDimension: p)
                for j in 0..<p {
                    for l in 0...j {
                        info[j, l] += v[j * p + l]
                        info[j, l + p] += gt * v[j * p + l]
                        info[j + p, l + p] += gt * gt * v[j * p + l]
                    }
                }
            }
        }
        // Fill the symmetric blocks: the upper triangles of the two diagonal blocks and both
        // off-diagonal blocks from the accumulated lower triangles.
        for j in 0..<p {
            for l in 0..<j {
                info[l, j] = info[j, l]
                info[l + p, j + p] = info[j + p, l + p]
                info[l, j + p] = info[j, l + p]
            }
        }
        for j in 0..<p {
            for l in 0..<p { info[j + p, l] = info[l, j + p] }
        }
        return (score, info)
    }
}
