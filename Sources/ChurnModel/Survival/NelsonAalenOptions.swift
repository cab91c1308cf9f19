/// Settings of the ``NelsonAalenEstimator``, validated on creation.
public struct NelsonAalenOptions: Sendable, Equatable {
    /// Confidence level of pointwise intervals, in (0, 1).
    public let confidenceLevel: Double
    /// Transformation used for pointwise intervals of H(t).
    public let confidenceIntervalType: CumulativeHazardIntervalType
    /// Times closer than this (absolutely, or relative to the mean absolute time) are merged
    /// into one tied time, as R's `aeqSurv` does. 0 disables merging.
    public let tieTolerance: Double

    /// Defaults: 95 % linear intervals Ĥ ± zσ (R's default interval for exp(−Ĥ), mapped by
    /// −log), ties within √ε merged.
    public init() {
        confidenceLevel = 0.95
        confidenceIntervalType = .plain
        tieTolerance = Double.ulpOfOne.squareRoot()
    }

    /// Creates validated options.
    ///
    /// - Parameters:
    ///   - confidenceLevel: In (0, 1); default 0.95.
    ///   - confidenceIntervalType: Default ``CumulativeHazardIntervalType/plain``.
    ///   - tieTolerance: Finite and ≥ 0; default √ε ≈ 1.49e-8 (R's `aeqSurv`).
    /// - Throws: ``SurvivalEstimationError/invalidConfidenceLevel(_:)`` or
    ///   ``SurvivalEstimationError/invalidTieTolerance(_:)``.
    public init(
        confidenceLevel: Double = 0.95,
        confidenceIntervalType: CumulativeHazardIntervalType = .plain,
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

    /// Two-sided normal quantile z = Φ⁻¹(1 − (1 − level)/2).
    var normalQuantile: Double { NormalQuantile.quantile(1 - (1 - confidenceLevel) / 2) }
}
