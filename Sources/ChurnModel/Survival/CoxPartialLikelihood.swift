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
/// 2000, §3.3). The sums over k are taken in closed form (``EfronSums``), so an event time
/// costs O(d + p²) rather than O(d·p²). Strata add their separate sums. Covariates are
/// centred, which leaves ℓ, U and I unchanged but keeps exp(η) in range.
struct CoxPartialLikelihood: Sendable {
    /// ℓ(β), U(β) and I(β) at one β.
    struct Value: Sendable {
        var logLikelihood: Double
        var gradient: [Double]
        var information: Matrix
        /// Per stratum, each event time (latest first) with the jump of the baseline
        /// cumulative hazard at the covariate means, w̄·Σₖ 1/(S0 − f·D0) (see
        /// ``CoxBaselineHazard``): the baseline comes with the likelihood at β̂.
        var hazardJumps: [[(time: Double, jump: Double)]]
    }

    let design: CoxDesign
    let ties: TieMethod
    /// Σ wᵢxᵢ over the rows with an event: the part of U that does not depend on β, and with
    /// β·(this) the part of ℓ.
    private let eventCovariateSums: [Double]

    /// The likelihood of `design` with the given tie handling.
    init(design: CoxDesign, ties: TieMethod) {
        self.design = design
        self.ties = ties
        let p = design.covariateCount
        var sums = [Double](repeating: 0, count: p)
        for i in 0..<design.rowCount where design.event[i] {
            let w = design.weight[i]
            for j in 0..<p { sums[j] += w * design.x[j * design.rowCount + i] }
        }
        eventCovariateSums = sums
    }

    /// Evaluates ℓ, U and I at `beta`.
    ///
    /// - Returns: The value; ℓ is −∞ (never NaN) if a relative risk overflows.
    /// - Complexity: O(n log n) is paid once in ``CoxDesign``; this is O(n·p²).
    func evaluate(_ beta: [Double]) -> Value {
        let p = design.covariateCount
        var loglik = zip(beta, eventCovariateSums).reduce(0) { $0 + $1.0 * $1.1 }
        var gradient = eventCovariateSums
        var info = [Double](repeating: 0, count: p * p)  // lower triangle, row-major j*p+k
        let risks = design.walkRisks(beta)
        var hazardJumps: [[(time: Double, jump: Double)]] = []
        for stratum in design.strata {
            var jumps: [(time: Double, jump: Double)] = []
            design.forEachEventTime(in: stratum, risks: risks, secondMoments: true) { time, _, sums in
                let efron = EfronSums(sums, ties: ties)
                jumps.append((time, efron.share * efron.inverse))
                loglik -= efron.share * efron.logDenominators
                for j in 0..<p { gradient[j] -= efron.share * efron.meanSum(sums, j) }
                sums.addCovariance(efron, scale: 1, into: &info, leadingDimension: p)
            }
            hazardJumps.append(jumps)
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
        return Value(logLikelihood: loglik, gradient: gradient, information: information, hazardJumps: hazardJumps)
    }
}

/// The sums over Efron's d partial risk sets at one event time, k = 0…d−1, f = k/d,
/// Dₖ = S0 − f·D0: Σ log Dₖ, Σ 1/Dₖ, Σ f/Dₖ, Σ 1/Dₖ², Σ f/Dₖ², Σ f²/Dₖ² — enough for
/// Σₖ x̄ₖ = S1·Σ1/Dₖ − D1·Σf/Dₖ and Σₖ x̄ₖx̄ₖᵀ = S1S1ᵀΣ1/Dₖ² − (S1D1ᵀ + D1S1ᵀ)Σf/Dₖ² +
/// D1D1ᵀΣf²/Dₖ². Breslow ties are the case d = 1 with the full death weight.
struct EfronSums {
    /// w̄ = Σ_D w / d, the weight of each partial risk set.
    let share: Double
    private(set) var logDenominators = 0.0
    /// Σₖ 1/Dₖ.
    private(set) var inverse = 0.0
    private(set) var fractionOverDenominator = 0.0
    private(set) var inverseSquare = 0.0
    private(set) var fractionOverSquare = 0.0
    private(set) var fractionSquaredOverSquare = 0.0

    init(_ sums: RiskSetSums, ties: TieMethod) {
        let d = ties == .efron ? sums.deathCount : 1
        share = sums.deathWeight / Double(d)
        for k in 0..<d {
            let f = Double(k) / Double(d)
            let denominator = sums.s0 - f * sums.d0
            let a = 1 / denominator
            logDenominators += Double.log(denominator)
            inverse += a
            fractionOverDenominator += f * a
            inverseSquare += a * a
            fractionOverSquare += f * a * a
            fractionSquaredOverSquare += f * f * a * a
        }
    }

    /// Σₖ x̄ₖ for covariate j.
    func meanSum(_ sums: RiskSetSums, _ j: Int) -> Double {
        sums.s1[j] * inverse - sums.d1[j] * fractionOverDenominator
    }
}

extension RiskSetSums {
    /// Adds scale·w̄·Σₖ [(S2 − f·D2)/Dₖ − x̄ₖx̄ₖᵀ], the event time's contribution to the
    /// information, to the lower triangle of the row-major `target` (`target[j * ld + l]`,
    /// l ≤ j).
    func addCovariance(
        _ efron: EfronSums, scale: Double, into target: inout [Double], leadingDimension ld: Int
    ) {
        let c = scale * efron.share
        for j in 0..<p {
            for l in 0...j {
                let second = s2[j * p + l] * efron.inverse - d2[j * p + l] * efron.fractionOverDenominator
                let outer = s1[j] * s1[l] * efron.inverseSquare
                    - (s1[j] * d1[l] + d1[j] * s1[l]) * efron.fractionOverSquare
                    + d1[j] * d1[l] * efron.fractionSquaredOverSquare
                target[j * ld + l] += c * (second - outer)
            }
        }
    }
}
