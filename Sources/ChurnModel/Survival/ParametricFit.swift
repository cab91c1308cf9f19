import RealModule

/// One estimated parameter with its Wald statistics.
public struct ParametricEstimate: Sendable, Equatable {
    /// The term name: "(Intercept)", a covariate name, or "Log(scale)".
    public let name: String
    /// The maximum-likelihood estimate.
    public let estimate: Double
    /// Standard error √(V_ii) from the inverse of the observed information.
    public let standardError: Double
    /// Wald statistic z = estimate / standardError.
    public let zStatistic: Double
    /// Two-sided p-value 2·(1 − Φ(|z|)).
    public let pValue: Double
    /// Lower Wald limit estimate − z_{1−α/2}·SE.
    public let lowerBound: Double
    /// Upper Wald limit estimate + z_{1−α/2}·SE.
    public let upperBound: Double
}

/// The immutable result of ``ParametricRegression/fit(_:family:)``: an accelerated-failure-
/// time model log T = xᵀβ + σ·W, with the same parameterization as R's `survreg`.
public struct ParametricFit: Sendable, Equatable {
    /// The error distribution.
    public let family: ParametricFamily
    /// β with Wald statistics: "(Intercept)" first, then the covariates in table order.
    public let coefficients: [ParametricEstimate]
    /// log σ with Wald statistics; `nil` for the exponential family (σ fixed at 1).
    public let logScale: ParametricEstimate?
    /// The scale σ = exp(log σ).
    public let scale: Double
    /// Covariance of (β, log σ) — inverse of the negative Hessian at the estimate.
    public let covariance: Matrix
    /// Maximized log-likelihood, on the time scale (includes −Σ log tᵢ over events, as R).
    public let logLikelihood: Double
    /// Maximized log-likelihood of the intercept-only model (with σ estimated).
    public let nullLogLikelihood: Double
    /// Newton–Raphson iterations of the full model.
    public let iterations: Int
    /// Number of rows used.
    public let observationCount: Int
    /// Number of rows ending in an event.
    public let eventCount: Int
    /// Confidence level of the intervals.
    public let confidenceLevel: Double
    /// Statistical warnings for the report (the fit itself succeeded).
    public let warnings: [String]

    /// Likelihood-ratio test of all covariates against the intercept-only model.
    public struct LikelihoodRatioTest: Sendable, Equatable {
        /// 2·(ℓ − ℓ₀).
        public let statistic: Double
        /// Number of covariates.
        public let degreesOfFreedom: Int
        /// P(χ²_df > statistic).
        public let pValue: Double
    }

    /// The likelihood-ratio test against the intercept-only model.
    public var likelihoodRatioTest: LikelihoodRatioTest {
        let statistic = max(2 * (logLikelihood - nullLogLikelihood), 0)
        let df = coefficients.count - 1
        let p = df > 0 ? ChiSquaredDistribution.survival(statistic, degreesOfFreedom: Double(df)) : 1
        return LikelihoodRatioTest(statistic: statistic, degreesOfFreedom: df, pValue: p)
    }

    /// Akaike's information criterion −2ℓ + 2k, k = number of β plus 1 if σ is estimated.
    public var aic: Double {
        -2 * logLikelihood + 2 * Double(coefficients.count + (logScale == nil ? 0 : 1))
    }

    /// The covariate names, in the order ``model(covariates:)`` expects them.
    public var covariateNames: [String] { coefficients.dropFirst().map(\.name) }

    init(
        family: ParametricFamily, theta: [Double], covariance: Matrix, covariateNames: [String],
        logLikelihood: Double, nullLogLikelihood: Double, iterations: Int,
        observationCount: Int, eventCount: Int, confidenceLevel: Double
    ) {
        let quantile = NormalQuantile.quantile(1 - (1 - confidenceLevel) / 2)
        let names = ["(Intercept)"] + covariateNames + (family.estimatesScale ? ["Log(scale)"] : [])
        let estimates = names.enumerated().map { index, name in
            Self.estimate(name, theta[index], covariance[index, index], quantile)
        }
        self.family = family
        self.coefficients = Array(estimates.prefix(covariateNames.count + 1))
        self.logScale = family.estimatesScale ? estimates.last : nil
        self.scale = family.estimatesScale ? Double.exp(theta[theta.count - 1]) : 1
        self.covariance = covariance
        self.logLikelihood = logLikelihood
        self.nullLogLikelihood = nullLogLikelihood
        self.iterations = iterations
        self.observationCount = observationCount
        self.eventCount = eventCount
        self.confidenceLevel = confidenceLevel
        var warnings: [String] = []
        if eventCount < 10 * names.count {
            warnings.append(
                "only \(eventCount) events for \(names.count) parameters (fewer than 10 per parameter); estimates may be unstable")
        }
        self.warnings = warnings
    }

    private static func estimate(_ name: String, _ value: Double, _ variance: Double, _ q: Double)
        -> ParametricEstimate
    {
        let se = max(variance, 0).squareRoot()
        let z = value / se
        return ParametricEstimate(
            name: name, estimate: value, standardError: se, zStatistic: z,
            pValue: NormalDistribution.twoSidedPValue(z),
            lowerBound: value - q * se, upperBound: value + q * se)
    }

    /// The linear predictor η = β₀ + Σ βⱼ xⱼ for one covariate vector.
    ///
    /// - Parameter covariates: One value per covariate, in ``covariateNames`` order.
    /// - Throws: ``ParametricRegressionError/covariateCountMismatch(expected:actual:)``.
    public func linearPredictor(covariates: [Double]) throws(ParametricRegressionError) -> Double {
        guard covariates.count == coefficients.count - 1 else {
            throw .covariateCountMismatch(expected: coefficients.count - 1, actual: covariates.count)
        }
        return zip(covariates, coefficients.dropFirst()).reduce(coefficients[0].estimate) {
            $0 + $1.0 * $1.1.estimate
        }
    }

    /// The fitted lifetime distribution of a subject with these covariates, for the
    /// simulator (a ``SurvivalModel`` with closed-form inverse cumulative hazard).
    ///
    /// - Parameter covariates: One value per covariate, in ``covariateNames`` order.
    /// - Throws: ``ParametricRegressionError/covariateCountMismatch(expected:actual:)``.
    public func model(covariates: [Double]) throws(ParametricRegressionError) -> ParametricSurvivalModel {
        ParametricSurvivalModel(
            family: family, linearPredictor: try linearPredictor(covariates: covariates), scale: scale)
    }

    /// Weibull shape ρ = 1/σ and scale λ = exp(xᵀβ) (lifelines' `rho_` and `lambda_`), so
    /// S(t) = exp(−(t/λ)^ρ); `nil` unless the family is Weibull or exponential.
    ///
    /// - Parameter covariates: One value per covariate, in ``covariateNames`` order.
    /// - Throws: ``ParametricRegressionError/covariateCountMismatch(expected:actual:)``.
    public func weibullParameters(covariates: [Double]) throws(ParametricRegressionError)
        -> WeibullParameters?
    {
        guard family == .weibull || family == .exponential else { return nil }
        return WeibullParameters(
            shape: 1 / scale, scale: Double.exp(try linearPredictor(covariates: covariates)))
    }
}
