/// The immutable result of fitting a Cox proportional hazards model with
/// ``CoxProportionalHazards``: coefficients, variance, likelihoods, global tests,
/// concordance, baseline hazards and warnings.
///
/// The model is h(t | x) = h₀ₛ(t)·exp(x·β) for a row in stratum s.
///
/// Reference: Therneau & Grambsch, *Modeling Survival Data* (2000), ch. 3.
public struct CoxFit: Sendable, Equatable {
    /// Covariate names, in coefficient order.
    public let covariateNames: [String]
    /// Estimates with standard errors, z-tests and intervals, one per covariate.
    public let coefficients: [CoxCoefficient]
    /// Variance of β̂ used for inference: the robust one when ``isRobust``, else I(β̂)⁻¹.
    public let covariance: Matrix
    /// The model-based variance I(β̂)⁻¹.
    public let modelCovariance: Matrix
    /// Whether ``covariance`` is the robust (sandwich) variance.
    public let isRobust: Bool
    /// The centring constants x̄: weighted covariate means, 0 for columns whose values all
    /// lie in {−1, 0, 1} (R's `fit$means`).
    public let means: [Double]
    /// Log partial likelihood at β = 0.
    public let nullLogLikelihood: Double
    /// Log partial likelihood at β̂.
    public let logLikelihood: Double
    /// Likelihood-ratio test 2(ℓ(β̂) − ℓ(0)).
    public let likelihoodRatioTest: CoxGlobalTest
    /// Wald test β̂ᵀV⁻¹β̂ with V = ``covariance``.
    public let waldTest: CoxGlobalTest
    /// Score (log-rank) test U(0)ᵀI(0)⁻¹U(0).
    public let scoreTest: CoxGlobalTest
    /// Akaike's information criterion −2ℓ(β̂) + 2p.
    public let aic: Double
    /// Harrell's concordance of the linear predictor.
    public let concordance: CoxConcordance
    /// Baseline cumulative hazard per stratum (strata in sorted label order).
    public let baselineHazards: [CoxBaselineHazard]
    /// Newton–Raphson iterations used (R's `fit$iter`).
    public let iterations: Int
    /// Whether the relative change in ℓ fell below the tolerance.
    public let converged: Bool
    /// Statistical caveats; empty for a clean fit.
    public let warnings: [CoxFitWarning]
    /// Number of rows used.
    public let observationCount: Int
    /// Number of rows ending in an event (unweighted).
    public let eventCount: Int
    /// The tie method of the fit.
    public let ties: TieMethod
    /// The confidence level of the intervals.
    public let confidenceLevel: Double
}
