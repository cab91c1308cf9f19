import RealModule

/// One subject's lifetime distribution from an accelerated-failure-time model:
/// log T = η + σ·W with η = xᵀβ fixed by the subject's covariates.
///
/// S(t) = S_W((log t − η)/σ), so H(t) = −log S_W((log t − η)/σ) for t > 0 and 0 otherwise;
/// the inverse of H is closed-form for every family (see ``inverseCumulativeHazard(_:)``).
public struct ParametricSurvivalModel: InvertibleCumulativeHazard, Equatable {
    /// The error distribution.
    public let family: ParametricFamily
    /// The linear predictor η = xᵀβ (location of log T).
    public let linearPredictor: Double
    /// The scale σ > 0 of log T (1 for the exponential family).
    public let scale: Double

    /// Creates the model from its location and scale.
    ///
    /// - Parameters:
    ///   - family: The error distribution.
    ///   - linearPredictor: η, finite.
    ///   - scale: σ, finite and > 0 (ignored and set to 1 for the exponential family).
    public init(family: ParametricFamily, linearPredictor: Double, scale: Double) {
        precondition(linearPredictor.isFinite, "linear predictor must be finite")
        precondition(scale > 0 && scale.isFinite, "scale must be finite and > 0")
        self.family = family
        self.linearPredictor = linearPredictor
        self.scale = family.estimatesScale ? scale : 1
    }

    /// H(t) = −log S_W((log t − η)/σ); 0 for t ≤ 0.
    ///
    /// - Parameter t: Time in the unit of the fitted durations.
    public func cumulativeHazard(at t: Double) -> Double {
        guard t > 0 else { return 0 }
        return -family.logSurvival(standardized(t)).value
    }

    /// h(t) = f_W(z) / (σ t S_W(z)) with z = (log t − η)/σ, formed as exp(log f − log S);
    /// 0 for t ≤ 0.
    ///
    /// - Parameter t: Time in the unit of the fitted durations.
    public func hazard(at t: Double) -> Double {
        guard t > 0 else { return 0 }
        let z = standardized(t)
        return Double.exp(family.logDensity(z).value - family.logSurvival(z).value) / (scale * t)
    }

    /// t = exp(η + σ·w) with S_W(w) = e^{−H}: Weibull w = log H, log-logistic
    /// w = log(expm1 H), log-normal w = Φ⁻¹(1 − e^{−H}) evaluated in the accurate tail.
    ///
    /// - Parameter cumulativeHazard: H ≥ 0.
    /// - Returns: The time; 0 for H ≤ 0, +∞ for H = +∞.
    public func inverseCumulativeHazard(_ cumulativeHazard: Double) -> Double {
        guard cumulativeHazard > 0 else { return 0 }
        guard cumulativeHazard.isFinite else { return .infinity }
        let w = family.standardQuantile(cumulativeHazard: cumulativeHazard)
        return Double.exp(linearPredictor + scale * w)
    }

    private func standardized(_ t: Double) -> Double {
        (Double.log(t) - linearPredictor) / scale
    }
}

/// Weibull parameters in the proportional-hazards spelling used by lifelines
/// (`WeibullFitter`: S(t) = exp(−(t/λ)^ρ)).
public struct WeibullParameters: Sendable, Equatable {
    /// The shape ρ = 1/σ (1 for the exponential family).
    public let shape: Double
    /// The scale λ = exp(xᵀβ), in the unit of the durations.
    public let scale: Double
}
