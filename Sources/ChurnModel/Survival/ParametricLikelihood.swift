import RealModule

/// The log-likelihood of an accelerated-failure-time model with its analytic gradient and
/// Hessian in θ = (β, log σ) (internal engine of ``ParametricRegression``).
///
/// With y = log t, η = xᵀβ and z = (y − η)/σ, row i contributes, times its case weight,
///   events:    log f_W(z) − log σ − y            (density of T, Jacobian 1/(σt))
///   censored:  log S_W(z)
///   late entry a > 0: − log S_W(z_a), z_a = (log a − η)/σ   (left truncation)
/// Writing ℓ(z) for a term with derivatives g, h in z, and using ∂z/∂β = −x/σ,
/// ∂z/∂log σ = −z, the derivatives are
///   ∂/∂β = −g x/σ,  ∂/∂log σ = −g z (− 1 for events),
///   ∂²/∂β∂βᵀ = h x xᵀ/σ²,  ∂²/∂β∂log σ = (h z + g) x/σ,  ∂²/∂log σ² = h z² + g z.
/// Reference: Kalbfleisch & Prentice (2002), §3.6; Klein & Moeschberger (2003), §12.
struct ParametricLikelihood {
    let family: ParametricFamily
    /// Design rows, intercept first: design[i] has `coefficientCount` entries.
    let design: [[Double]]
    let logTimes: [Double]
    /// log of the entry time, or nil when the row is at risk from 0.
    let logEntries: [Double?]
    let events: [Bool]
    let weights: [Double]

    var coefficientCount: Int { design.first?.count ?? 0 }
    var parameterCount: Int { coefficientCount + (family.estimatesScale ? 1 : 0) }

    /// Log-likelihood, gradient and Hessian at θ.
    struct Evaluation {
        let logLikelihood: Double
        let gradient: [Double]
        let hessian: Matrix
    }

    /// Evaluates ℓ(θ) with derivatives; `θ` holds β then (if estimated) log σ.
    func evaluate(_ theta: [Double]) -> Evaluation {
        let k = coefficientCount
        let m = parameterCount
        let logSigma = family.estimatesScale ? theta[k] : 0
        let sigma = Double.exp(logSigma)
        var logLikelihood = 0.0
        var gradient = [Double](repeating: 0, count: m)
        var hessian = Matrix(rows: m, columns: m)
        for i in design.indices {
            let x = design[i]
            var eta = 0.0
            for j in 0..<k { eta += x[j] * theta[j] }
            let z = (logTimes[i] - eta) / sigma
            let main = events[i] ? family.logDensity(z) : family.logSurvival(z)
            var terms = [(z: z, d: main, sign: 1.0)]
            var value = main.value
            if events[i] { value -= logSigma + logTimes[i] }
            if let logEntry = logEntries[i] {
                let za = (logEntry - eta) / sigma
                let entry = family.logSurvival(za)
                terms.append((z: za, d: entry, sign: -1.0))
                value -= entry.value
            }
            let w = weights[i]
            logLikelihood += w * value
            if events[i], m > k { gradient[k] -= w }
            for term in terms {
                let g = term.sign * w * term.d.first
                let h = term.sign * w * term.d.second
                for a in 0..<k {
                    gradient[a] -= g * x[a] / sigma
                    for b in 0...a { hessian[a, b] += h * x[a] * x[b] / (sigma * sigma) }
                }
                if m > k {
                    gradient[k] -= g * term.z
                    for a in 0..<k { hessian[k, a] += (h * term.z + g) * x[a] / sigma }
                    hessian[k, k] += h * term.z * term.z + g * term.z
                }
            }
        }
        for a in 0..<m {
            for b in 0..<a { hessian[b, a] = hessian[a, b] }
        }
        return Evaluation(logLikelihood: logLikelihood, gradient: gradient, hessian: hessian)
    }

    /// The same likelihood restricted to the intercept (and scale): the null model.
    func interceptOnly() -> ParametricLikelihood {
        ParametricLikelihood(
            family: family, design: design.map { [$0[0]] }, logTimes: logTimes,
            logEntries: logEntries, events: events, weights: weights)
    }
}
