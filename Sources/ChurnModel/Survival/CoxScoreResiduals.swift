import RealModule

/// Score residuals and the robust (sandwich) variance of a Cox model.
///
/// Row i's score residual is its share of the score U, the integral of (xᵢ − x̄(t)) against
/// its martingale residual dNᵢ(t) − Yᵢ(t)rᵢ dΛ̂(t) over the event times t in its interval
/// (entry, stop]. With Efron ties a row dying at t, among d tied events, takes the k-th
/// hazard share with weight 1 − k/d, exactly as the Efron partial likelihood removes it
/// from the risk set. Dfbeta residuals are wᵢ·sᵢ·I⁻¹; the robust variance is DᵀD with D
/// the dfbeta residuals summed within clusters (Lin & Wei, "The robust inference for the
/// Cox proportional hazards model", *JASA* 84, 1989; Therneau & Grambsch 2000, §7.2–7.3).
extension CoxDesign {
    /// Per-event-time hazard pieces for the residuals of one stratum.
    private struct EventPieces {
        var time: Double
        /// Σₖ hₖ and Σₖ hₖ x̄ₖ: a row at risk but not dying at this time.
        var hazard: Double
        var weightedMean: [Double]
        /// Σₖ hₖ(1 − k/d) and Σₖ hₖ(1 − k/d) x̄ₖ: a row dying at this time.
        var deathHazard: Double
        var deathWeightedMean: [Double]
        /// (1/d) Σₖ x̄ₖ: the mean a dying row is compared with.
        var meanOverShares: [Double]
    }

    /// Score residuals at `beta`, row-major n × p (centred covariates), one row per design row.
    ///
    /// - Complexity: O(n·p + n log n).
    func scoreResiduals(_ beta: [Double], ties: TieMethod) -> [Double] {
        let p = covariateCount
        let risk = relativeRisks(beta)
        var residuals = [Double](repeating: 0, count: rowCount * p)
        for stratum in strata {
            var pieces: [EventPieces] = []
            forEachEventTime(in: stratum, risks: .perRow(risk), secondMoments: false) { time, _, sums in
                let d = ties == .efron ? sums.deathCount : 1
                let share = sums.deathWeight / Double(d)
                var piece = EventPieces(
                    time: time, hazard: 0, weightedMean: Array(repeating: 0, count: p),
                    deathHazard: 0, deathWeightedMean: Array(repeating: 0, count: p),
                    meanOverShares: Array(repeating: 0, count: p))
                for k in 0..<d {
                    let f = Double(k) / Double(d)
                    let denominator = sums.s0 - f * sums.d0
                    let h = share / denominator
                    piece.hazard += h
                    piece.deathHazard += h * (1 - f)
                    for j in 0..<p {
                        let xbar = (sums.s1[j] - f * sums.d1[j]) / denominator
                        piece.weightedMean[j] += h * xbar
                        piece.deathWeightedMean[j] += h * (1 - f) * xbar
                        piece.meanOverShares[j] += xbar / Double(d)
                    }
                }
                pieces.append(piece)
            }
            pieces.reverse()  // ascending times
            let m = pieces.count
            // Prefix sums through index t: cumulative[t + 1].
            var cumulativeHazard = [Double](repeating: 0, count: m + 1)
            var cumulativeMean = [Double](repeating: 0, count: (m + 1) * p)
            for t in 0..<m {
                cumulativeHazard[t + 1] = cumulativeHazard[t] + pieces[t].hazard
                for j in 0..<p {
                    cumulativeMean[(t + 1) * p + j] = cumulativeMean[t * p + j] + pieces[t].weightedMean[j]
                }
            }
            let times = pieces.map(\.time)
            for i in stratum.rows {
                let last = Self.countAtOrBefore(stop[i], in: times)  // event times ≤ stop
                let first = entry.map { Self.countAtOrBefore($0[i], in: times) } ?? 0
                guard last > first else { continue }
                let through = event[i] ? last - 1 : last
                var hazard = cumulativeHazard[through] - cumulativeHazard[first]
                var mean = (0..<p).map { cumulativeMean[through * p + $0] - cumulativeMean[first * p + $0] }
                if event[i] {
                    let piece = pieces[last - 1]
                    hazard += piece.deathHazard
                    for j in 0..<p { mean[j] += piece.deathWeightedMean[j] }
                }
                for j in 0..<p {
                    let xij = x[j * rowCount + i]
                    var value = -risk[i] * (xij * hazard - mean[j])
                    if event[i] { value += xij - pieces[last - 1].meanOverShares[j] }
                    residuals[i * p + j] = value
                }
            }
        }
        return residuals
    }

    /// The robust variance DᵀD from dfbeta residuals D = W·S·V, rows summed by cluster.
    ///
    /// - Parameters:
    ///   - beta: The estimate β̂.
    ///   - variance: The model-based variance I(β̂)⁻¹.
    ///   - clusters: Cluster label per row, or `nil` for one cluster per row.
    /// - Complexity: O(n·p²).
    func robustVariance(
        _ beta: [Double], variance: Matrix, clusters: [String]?, ties: TieMethod
    ) -> Matrix {
        let p = covariateCount
        let scores = scoreResiduals(beta, ties: ties)
        var groupOf = [Int](repeating: 0, count: rowCount)
        var groupCount = rowCount
        if let clusters {
            var index: [String: Int] = [:]
            for i in 0..<rowCount {
                let label = clusters[tableRow[i]]
                if let g = index[label] {
                    groupOf[i] = g
                } else {
                    groupOf[i] = index.count
                    index[label] = index.count
                }
            }
            groupCount = index.count
        } else {
            groupOf = Array(0..<rowCount)
        }
        var dfbeta = [Double](repeating: 0, count: groupCount * p)
        for i in 0..<rowCount {
            let g = groupOf[i]
            for k in 0..<p {
                var value = 0.0
                for j in 0..<p { value += scores[i * p + j] * variance[j, k] }
                dfbeta[g * p + k] += weight[i] * value
            }
        }
        var result = Matrix(rows: p, columns: p)
        for g in 0..<groupCount {
            for j in 0..<p {
                for k in 0..<p { result[j, k] += dfbeta[g * p + j] * dfbeta[g * p + k] }
            }
        }
        return result
    }

    /// Number of entries of the ascending `times` that are ≤ `value`.
    static func countAtOrBefore(_ value: Double, in times: [Double]) -> Int {
        SortedSearch.count(in: times) { $0 <= value }
    }
}
