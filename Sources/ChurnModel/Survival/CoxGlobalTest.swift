/// A chi-square test of the global null hypothesis β = 0 of a Cox model.
///
/// Reference: Therneau & Grambsch, *Modeling Survival Data* (2000), §3.4 (likelihood
/// ratio, Wald and score tests; the score test is the log-rank test for one binary
/// covariate).
public struct CoxGlobalTest: Sendable, Equatable {
    /// The chi-square statistic.
    public let statistic: Double
    /// Degrees of freedom (the number of coefficients).
    public let degreesOfFreedom: Int
    /// P(χ²(df) > statistic).
    public let pValue: Double

    /// Creates a test from its statistic; the p-value is the chi-square upper tail.
    ///
    /// - Parameters:
    ///   - statistic: The test statistic, ≥ 0.
    ///   - degreesOfFreedom: The degrees of freedom, ≥ 1.
    public init(statistic: Double, degreesOfFreedom: Int) {
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = ChiSquaredDistribution.survival(
            statistic, degreesOfFreedom: Double(degreesOfFreedom))
    }
}
