import RealModule

/// One estimated Cox regression coefficient with its standard error, Wald z-test and
/// confidence intervals for β and for the hazard ratio exp(β).
///
/// Reference: Therneau & Grambsch, *Modeling Survival Data* (2000), §3.2.
public struct CoxCoefficient: Sendable, Equatable {
    /// Covariate name.
    public let name: String
    /// β̂, the log hazard ratio per unit of the covariate.
    public let estimate: Double
    /// The standard error used for z, p and the intervals: robust when the fit is robust.
    public let standardError: Double
    /// The model-based standard error √(I⁻¹)ⱼⱼ.
    public let modelStandardError: Double
    /// The robust (sandwich) standard error; `nil` unless the fit is robust.
    public let robustStandardError: Double?
    /// z = β̂ / SE.
    public let zStatistic: Double
    /// Two-sided normal p-value P(|Z| ≥ |z|).
    public let pValue: Double
    /// Lower confidence limit β̂ − z₁₋α/₂·SE.
    public let lower: Double
    /// Upper confidence limit β̂ + z₁₋α/₂·SE.
    public let upper: Double

    /// The hazard ratio exp(β̂).
    public var hazardRatio: Double { Double.exp(estimate) }
    /// Lower confidence limit of the hazard ratio, exp(lower).
    public var hazardRatioLower: Double { Double.exp(lower) }
    /// Upper confidence limit of the hazard ratio, exp(upper).
    public var hazardRatioUpper: Double { Double.exp(upper) }

    init(
        name: String, estimate: Double, modelStandardError: Double,
        robustStandardError: Double?, quantile: Double
    ) {
        self.name = name
        self.estimate = estimate
        self.modelStandardError = modelStandardError
        self.robustStandardError = robustStandardError
        let se = robustStandardError ?? modelStandardError
        standardError = se
        zStatistic = se > 0 ? estimate / se : 0
        pValue = NormalDistribution.twoSidedPValue(zStatistic)
        lower = estimate - quantile * se
        upper = estimate + quantile * se
    }
}
