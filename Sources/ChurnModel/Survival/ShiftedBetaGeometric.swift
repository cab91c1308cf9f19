import RealModule

/// The shifted-beta-geometric (sBG) model of contractual retention: each customer churns at
/// each renewal with a constant probability θ, and θ ~ Beta(α, β) across customers
/// (Fader & Hardie 2007, "How to project customer retention", *J. Interactive Marketing*
/// 21(1):76–90).
///
/// Periods are renewal periods t = 1, 2, …; T is the period in which the customer churns.
///   P(T = t) = B(α + 1, β + t − 1) / B(α, β),  S(t) = P(T > t) = B(α, β + t) / B(α, β),
///   retention r_t = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1), rising with t.
///
/// As a ``SurvivalModel`` the time scale is renewal periods and churn happens only at
/// renewals: S(t) = S(⌊t⌋) for real t ≥ 0, so H(t) = −log S(⌊t⌋) is piecewise constant
/// between renewals and jumps at each integer. Sampled lifetimes are therefore integers
/// (the period of churn). ``hazard(at:)`` returns the discrete hazard 1 − r_k of the
/// renewal k = ⌊t⌋ + 1 that ends the period containing t.
public struct ShiftedBetaGeometric: InvertibleCumulativeHazard, Equatable {
    /// α > 0 of the beta distribution of the churn probability θ.
    public let alpha: Double
    /// β > 0 of the beta distribution of the churn probability θ.
    public let beta: Double

    /// Creates the model.
    ///
    /// - Parameters:
    ///   - alpha: α, finite and > 0.
    ///   - beta: β, finite and > 0.
    /// - Throws: ``ShiftedBetaGeometricError/invalidParameter(name:value:)``.
    public init(alpha: Double, beta: Double) throws(ShiftedBetaGeometricError) {
        guard alpha > 0, alpha.isFinite else { throw .invalidParameter(name: "alpha", value: alpha) }
        guard beta > 0, beta.isFinite else { throw .invalidParameter(name: "beta", value: beta) }
        self.alpha = alpha
        self.beta = beta
    }

    /// Retention rate r_t = (β + t − 1)/(α + β + t − 1): the probability that a customer
    /// active in period t − 1 renews for period t.
    ///
    /// - Parameter period: t ≥ 1.
    public func retentionRate(period: Int) -> Double {
        precondition(period >= 1, "retention period must be >= 1")
        let t = Double(period)
        return (beta + t - 1) / (alpha + beta + t - 1)
    }

    /// S(t) = B(α, β + t)/B(α, β) at a whole number of periods, the share of a cohort
    /// still active after t renewals.
    ///
    /// - Parameter period: t ≥ 0 (S(0) = 1).
    public func survival(period: Int) -> Double {
        Double.exp(logSurvival(period: Double(max(period, 0))))
    }

    /// P(T = t) = S(t − 1) − S(t): the probability of churning at renewal t.
    ///
    /// - Parameter period: t ≥ 1.
    public func churnProbability(period: Int) -> Double {
        precondition(period >= 1, "churn period must be >= 1")
        return survival(period: period - 1) * (1 - retentionRate(period: period))
    }

    /// H(t) = −log S(⌊t⌋); 0 for t < 1.
    ///
    /// - Parameter t: Time in renewal periods.
    public func cumulativeHazard(at t: Double) -> Double {
        guard t >= 1 else { return 0 }
        guard t.isFinite else { return .infinity }
        return -logSurvival(period: t.rounded(.down))
    }

    /// The discrete hazard 1 − r_k = α/(α + β + k − 1) of renewal k = ⌊t⌋ + 1 (the
    /// renewal that ends the period containing t); 0 for t < 0.
    ///
    /// - Parameter t: Time in renewal periods.
    public func hazard(at t: Double) -> Double {
        guard t >= 0 else { return 0 }
        return alpha / (alpha + beta + t.rounded(.down))
    }

    /// The smallest whole number of periods k with H(k) ≥ `cumulativeHazard`, found by
    /// doubling and integer bisection on the closed form of log S(k).
    ///
    /// - Parameter cumulativeHazard: H ≥ 0.
    /// - Returns: A whole number of periods ≥ 1 (0 for H ≤ 0), +∞ beyond 2⁶⁰ periods.
    public func inverseCumulativeHazard(_ cumulativeHazard: Double) -> Double {
        guard cumulativeHazard > 0 else { return 0 }
        let target = -cumulativeHazard
        var low = 0.0
        var high = 1.0
        while logSurvival(period: high) > target {
            low = high
            high *= 2
            if high > 0x1p60 { return .infinity }
        }
        while high - low > 1 {
            let middle = ((low + high) / 2).rounded(.down)
            if logSurvival(period: middle) > target { low = middle } else { high = middle }
        }
        return high
    }

    /// log S(k) = logΓ(β + k) − logΓ(β) + logΓ(α + β) − logΓ(α + β + k) for whole k ≥ 0.
    ///
    /// For k ≥ 10⁶ the difference logΓ(β + k) − logΓ(α + β + k) is taken from its asymptotic
    /// expansion −α·log k − α(α + 2β − 1)/(2k), because the two log-gammas (≈ k log k)
    /// would cancel catastrophically.
    func logSurvival(period k: Double) -> Double {
        guard k > 0 else { return 0 }
        let constant = Double.logGamma(alpha + beta) - Double.logGamma(beta)
        if k < 1e6 {
            return Double.logGamma(beta + k) - Double.logGamma(alpha + beta + k) + constant
        }
        let difference = -alpha * Double.log(k) - alpha * (alpha + 2 * beta - 1) / (2 * k)
        return difference + constant
    }
}
