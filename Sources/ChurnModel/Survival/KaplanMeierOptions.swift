/// Settings of the ``KaplanMeierEstimator``, validated on creation (like R's
/// `survfit(conf.int =, conf.type =)` and `aeqSurv(tolerance =)`).
public struct KaplanMeierOptions: Sendable, Equatable {
    /// Confidence level of pointwise intervals and of the median's interval, in (0, 1).
    public let confidenceLevel: Double
    /// Transformation used for pointwise intervals of S(t).
    public let confidenceIntervalType: ConfidenceIntervalType
    /// Times closer than this (absolutely, or relative to the mean absolute time) are merged
    /// into one tied time, as R's `aeqSurv` does: each run of neighbours closer than
    /// the tolerance becomes its smallest member. 0 disables merging.
    public let tieTolerance: Double

    /// R's defaults: 95 % log-transformed intervals, ties within √ε merged.
    public init() {
        confidenceLevel = 0.95
        confidenceIntervalType = .log
        tieTolerance = Double.ulpOfOne.squareRoot()
    }

    /// Creates validated options.
    ///
    /// - Parameters:
    ///   - confidenceLevel: In (0, 1); default 0.95.
    ///   - confidenceIntervalType: Default ``ConfidenceIntervalType/log`` (R's default).
    ///   - tieTolerance: Finite and ≥ 0; default √ε ≈ 1.49e-8 (R's `aeqSurv`).
    /// - Throws: ``SurvivalEstimationError/invalidConfidenceLevel(_:)`` or
    ///   ``SurvivalEstimationError/invalidTieTolerance(_:)``.
    public init(
        confidenceLevel: Double = 0.95,
        confidenceIntervalType: ConfidenceIntervalType = .log,
        tieTolerance: Double = Double.ulpOfOne.squareRoot()
    ) throws(SurvivalEstimationError) {
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidConfidenceLevel(confidenceLevel)
        }
        guard tieTolerance.isFinite, tieTolerance >= 0 else {
            throw .invalidTieTolerance(tieTolerance)
        }
        self.confidenceLevel = confidenceLevel
        self.confidenceIntervalType = confidenceIntervalType
        self.tieTolerance = tieTolerance
    }

    /// Two-sided normal quantile z = Φ⁻¹(1 − (1 − level)/2), 1.959963984540054 at 0.95.
    var normalQuantile: Double { NormalQuantile.quantile(1 - (1 - confidenceLevel) / 2) }
}
