import RealModule

/// The risk-set pieces behind martingale and Schoenfeld residuals.
///
/// At an event time with d tied events of total weight Σ_D w and Efron fractions
/// f = k/d, k = 0…d−1 (f = 0 and d = 1 for Breslow), with S0, S1 the weighted risk-set sums
/// of r = exp(η) and r·x, and D0, D1 the same over the dying rows:
///
///     hₖ = (Σ_D w / d) / (S0 − f·D0),     x̄ₖ = (S1 − f·D1) / (S0 − f·D0)
///
/// A row at risk that does not die at t gains Σₖ hₖ of cumulative hazard; a row dying at t
/// gains Σₖ (1 − f)·hₖ, as Efron's approximation removes it from the risk set step by step
/// (R's `coxmart`/`agmart3`). A dying row's Schoenfeld residual is xᵢ − (1/d) Σₖ x̄ₖ
/// (R's `coxscho`). Reference: Therneau & Grambsch (2000), §4.2–4.3 and §6.2.
extension CoxDesign {
    /// One event time of one stratum.
    struct ResidualPieces {
        var time: Double
        var hazard: Double
        var deathHazard: Double
        /// (1/d) Σₖ x̄ₖ on the centred covariates.
        var meanOverShares: [Double]
    }

    /// The event-time pieces of `stratum`, ascending in time.
    func residualPieces(in stratum: Stratum, risk: [Double], ties: TieMethod) -> [ResidualPieces] {
        let p = covariateCount
        var pieces: [ResidualPieces] = []
        forEachEventTime(in: stratum, risks: .perRow(risk), secondMoments: false) { time, _, sums in
            let d = ties == .efron ? sums.deathCount : 1
            let share = sums.deathWeight / Double(d)
            var piece = ResidualPieces(
                time: time, hazard: 0, deathHazard: 0,
                meanOverShares: [Double](repeating: 0, count: p))
            for k in 0..<d {
                let f = Double(k) / Double(d)
                let denominator = sums.s0 - f * sums.d0
                let h = share / denominator
                piece.hazard += h
                piece.deathHazard += h * (1 - f)
                for j in 0..<p {
                    piece.meanOverShares[j] += (sums.s1[j] - f * sums.d1[j]) / denominator / Double(d)
                }
            }
            pieces.append(piece)
        }
        return pieces.reversed()
    }

    /// Martingale residuals δᵢ − rᵢ·Λ̂ᵢ, one per design row, where Λ̂ᵢ sums the
    /// hazard pieces of the event times in the row's interval (entry, stop].
    ///
    /// - Complexity: O(n·p + n log n).
    func martingaleResiduals(risk: [Double], ties: TieMethod) -> [Double] {
        var residuals = [Double](repeating: 0, count: rowCount)
        for stratum in strata {
            let pieces = residualPieces(in: stratum, risk: risk, ties: ties)
            var cumulative = [Double](repeating: 0, count: pieces.count + 1)
            for (t, piece) in pieces.enumerated() { cumulative[t + 1] = cumulative[t] + piece.hazard }
            let times = pieces.map(\.time)
            for i in stratum.rows {
                let last = Self.countAtOrBefore(stop[i], in: times)
                let first = entry.map { Self.countAtOrBefore($0[i], in: times) } ?? 0
                var hazard = 0.0
                if last > first {
                    if event[i] {
                        hazard = cumulative[last - 1] - cumulative[first] + pieces[last - 1].deathHazard
                    } else {
                        hazard = cumulative[last] - cumulative[first]
                    }
                }
                residuals[i] = (event[i] ? 1 : 0) - risk[i] * hazard
            }
        }
        return residuals
    }

    /// The event rows (design rows) in R's order for Schoenfeld residuals: strata in
    /// ``strata`` order, then ascending time, then ascending table row.
    func orderedEventRows() -> [(stratum: Int, row: Int)] {
        strata.enumerated().flatMap { s, stratum in
            stratum.rows.filter { event[$0] }
                .sorted { stop[$0] != stop[$1] ? stop[$0] < stop[$1] : tableRow[$0] < tableRow[$1] }
                .map { (stratum: s, row: $0) }
        }
    }

    /// Schoenfeld residuals, row-major (events × p), in ``orderedEventRows()`` order.
    ///
    /// - Complexity: O(n·p + n log n).
    func schoenfeldResiduals(risk: [Double], ties: TieMethod) -> [Double] {
        let p = covariateCount
        let order = orderedEventRows()
        let pieces = strata.map { residualPieces(in: $0, risk: risk, ties: ties) }
        let times = pieces.map { $0.map(\.time) }
        var residuals = [Double](repeating: 0, count: order.count * p)
        for (e, entry) in order.enumerated() {
            let stratumPieces = pieces[entry.stratum]
            let t = Self.countAtOrBefore(stop[entry.row], in: times[entry.stratum]) - 1
            guard t >= 0 else { continue }  // unreachable: an event row's time is an event time
            for j in 0..<p {
                residuals[e * p + j] = x[j * rowCount + entry.row] - stratumPieces[t].meanOverShares[j]
            }
        }
        return residuals
    }
}
