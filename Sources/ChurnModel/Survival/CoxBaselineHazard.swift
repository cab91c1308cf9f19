import RealModule

/// The Breslow-type estimate of one stratum's baseline cumulative hazard Λ₀(t) in a
/// fitted Cox model, a step function jumping at the event times.
///
/// At an event time with tied events of total weight Σ_D w among d rows, and risk-set sums
/// S0 = Σ w·exp(x·β̂) (D0 over the dying rows), the jump is Σ_D w / S0 for Breslow ties and
/// the Efron-adjusted Σₖ w̄ / (S0 − (k/d)·D0), k = 0…d−1, w̄ = Σ_D w / d, for Efron ties —
/// what R's `survfit.coxph` (and so `basehaz`) uses for the matching `ties`
/// (Breslow 1974; Efron 1977; Therneau & Grambsch 2000, §10.2).
public struct CoxBaselineHazard: Sendable, Equatable {
    /// Stratum label; `nil` for an unstratified model.
    public let stratum: String?
    /// Distinct event times of the stratum, ascending.
    public let times: [Double]
    /// Λ₀ at each time for the covariate vector x = 0, as R's
    /// `basehaz(fit, centered = FALSE)`.
    public let cumulativeHazard: [Double]
    /// Λ₀ at each time for x = the covariate means (R's `centered = TRUE`), from which
    /// predictions are scaled by exp((x − x̄)·β̂) to keep the exponent small.
    let centeredCumulativeHazard: [Double]

    /// Λ₀(t) for x = 0: the value at the last event time ≤ `t`, 0 before the first.
    ///
    /// - Complexity: O(log m) for m event times.
    public func cumulativeHazard(at t: Double) -> Double {
        let k = CoxDesign.countAtOrBefore(t, in: times)
        return k == 0 ? 0 : cumulativeHazard[k - 1]
    }

    /// Λ₀(t) at the covariate means.
    func centeredCumulativeHazard(at t: Double) -> Double {
        let k = CoxDesign.countAtOrBefore(t, in: times)
        return k == 0 ? 0 : centeredCumulativeHazard[k - 1]
    }
}

extension CoxDesign {
    /// Baseline cumulative hazards of every stratum at `beta`, from the jumps at the covariate
    /// means that the likelihood at `beta` recorded (``CoxPartialLikelihood/Value/hazardJumps``).
    ///
    /// - Complexity: O(event times).
    func baselineHazards(_ beta: [Double], jumps: [[(time: Double, jump: Double)]]) -> [CoxBaselineHazard] {
        var offset = 0.0
        for j in 0..<covariateCount { offset += means[j] * beta[j] }
        let scale = Double.exp(-offset)
        return zip(strata, jumps).map { stratum, jumps in
            var running = 0.0
            let centred = jumps.reversed().map { step in
                running += step.jump
                return running
            }
            return CoxBaselineHazard(
                stratum: stratum.label, times: jumps.reversed().map(\.time),
                cumulativeHazard: centred.map { $0 * scale },
                centeredCumulativeHazard: centred)
        }
    }
}
