/// The models `churnsim fit` can estimate.
public enum FitModel: String, Sendable, CaseIterable {
    /// Kaplan–Meier survival curve.
    case km
    /// Nelson–Aalen cumulative hazard.
    case na
    /// Cox proportional hazards.
    case cox
    /// Exponential accelerated-failure-time regression.
    case exponential
    /// Weibull accelerated-failure-time regression.
    case weibull
    /// Log-normal accelerated-failure-time regression.
    case lognormal
    /// Log-logistic accelerated-failure-time regression.
    case loglogistic
    /// Shifted-beta-geometric model of a contractual renewal cohort.
    case sbg

    /// The parametric family, for the accelerated-failure-time models.
    public var parametricFamily: ParametricFamily? {
        switch self {
        case .exponential: .exponential
        case .weibull: .weibull
        case .lognormal: .logNormal
        case .loglogistic: .logLogistic
        case .km, .na, .cox, .sbg: nil
        }
    }
}
