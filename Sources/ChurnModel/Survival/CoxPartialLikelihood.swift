import RealModule

/// The log partial likelihood of a Cox model, its gradient (the score U) and the observed
/// information I = −∂²ℓ/∂β², with Efron or Breslow handling of ties.
///
/// At an event time with d tied events (weights wᵢ, mean weight w̄ = Σ_D w/d) and risk-set
/// sums S0, S1, S2 (death-only sums D0, D1, D2), Efron's approximation contributes, for
/// k = 0, …, d − 1 and f = k/d,
///
///     ℓ += Σ_D wᵢηᵢ − w̄ Σₖ log(S0 − f·D0)
///     U += Σ_D wᵢxᵢ − w̄ Σₖ x̄ₖ,            x̄ₖ = (S1 − f·D1)/(S0 − f·D0)
///     I += w̄ Σₖ [(S2 − f·D2)/(S0 − f·D0) − x̄ₖx̄ₖᵀ]
///
/// and Breslow's uses f = 0 with the single weight Σ_D w (Efron 1977; Therneau & Grambsch
/// 2000, §3.3). Strata add their separate sums. Covariates are centred, which leaves ℓ, U
/// and I unchanged but keeps exp(η) in range.
struct CoxPartialLikelihood: Sendable {
    /// ℓ(β), U(β) and I(β) at one β.
    struct Value: Sendable {
        var logLikelihood: Double
        var gradient: [Double]
        var information: Matrix
    }

    let design: CoxDesign
    let ties: TieMethod

    /// Evaluates ℓ, U and I at `beta`.
    ///
    /// - Returns: The value; ℓ is −∞ (never NaN) if a relative risk overflows.
    /// - Complexity: O(n·p² + n log n) is paid once in ``CoxDesign``; this is O(n·p²).
    func evaluate(_ beta: [Double]) -> Value {
        let p = design.covariateCount
        let eta = design.linearPredictors(beta)
        let risk = eta.map { Double.exp($0) }
        var loglik = 0.0
        var gradient = [Double](repeating: 0, count: p)
        var info = [Double](repeating: 0, count: p * p)  // lower triangle, row-major j*p+k
        var xbar = [Double](repeating: 0, count: p)
        for stratum in design.strata {
            design.forEachEventTime(in: stratum, risk: risk, secondMoments: true) {
                _, deaths, sums in
                for i in deaths {
                    let w = design.weight[i]
                    loglik += w * eta[i]
                    for j in 0..<p { gradient[j] += w * design.x[i * p + j] }
                }
                let d = ties == .efron ? sums.deathCount : 1
                let share = sums.deathWeight / Double(d)
                for k in 0..<d {
                    let f = Double(k) / Double(d)
                    let denominator = sums.s0 - f * sums.d0
                    loglik -= share * Double.log(denominator)
                    for j in 0..<p {
                        xbar[j] = (sums.s1[j] - f * sums.d1[j]) / denominator
                        gradient[j] -= share * xbar[j]
                    }
                    for j in 0..<p {
                        for l in 0...j {
                            let second = (sums.s2[j * p + l] - f * sums.d2[j * p + l]) / denominator
                            info[j * p + l] += share * (second - xbar[j] * xbar[l])
                        }
                    }
                }
            }
        }
        var information = Matrix(rows: p, columns: p)
        for j in 0..<p {
            for l in 0...j {
                information[j, l] = info[j * p + l]
                information[l, j] = info[j * p + l]
            }
        }
        if !loglik.isFinite || !gradient.allSatisfy(\.isFinite) {
            loglik = -.infinity
        }
        return Value(logLikelihood: loglik, gradient: gradient, information: information)
    }
}
