/// How a segment's customers churn, as the scenario file states it.
///
/// Every form becomes a hazard in months that the simulator turns into one lifetime draw
/// per customer; contracts then round the lifetime up to the next renewal point.
public enum ChurnSpecification: Sendable, Equatable {
    /// A constant churn probability per month or per year, possibly uncertain: a
    /// distribution is drawn once per path (parameter uncertainty), a fixed value is the
    /// same on every path. `churn: { monthly_rate: 0.03 }`, `{ annual_rate: 0.3 }`,
    /// `{ monthly_rate: { triangular: [0.02, 0.03, 0.05] } }`.
    case rate(ValueDistribution, per: RatePeriod)
    /// A monthly churn probability that changes with tenure: each piece applies until its
    /// month (exclusive), the last piece forever.
    /// `churn: { piecewise: [ { until_month: 3, monthly_rate: 0.08 }, { monthly_rate: 0.02 } ] }`.
    case piecewise([TenurePiece])
    /// A model fitted by `churnsim fit`, evaluated at fixed covariate values, its
    /// coefficients optionally drawn per path from their covariance.
    /// `churn: { model: data/fit.yaml, covariates: { csm_assigned: 1 }, stratum: SMB, time_unit: months,
    /// parameter_uncertainty: true }`.
    case fitted(FittedChurnModel)
    /// The shifted-beta-geometric model of a contractual cohort, one period per contract term.
    /// `churn: { sbg: { alpha: 0.7, beta: 1.2 } }`.
    case shiftedBetaGeometric(alpha: Double, beta: Double)

    /// Whether the churn comes from a fitted model file.
    public var isFittedModel: Bool {
        if case .fitted = self { return true }
        return false
    }

    /// The monthly churn probability when it is a single fixed number, for reports.
    public var fixedMonthlyRate: Double? {
        guard case .rate(.fixed(let rate), let period) = self else { return nil }
        return period.monthly(rate)
    }
}

/// The period a churn probability is quoted over.
public enum RatePeriod: String, Sendable, Equatable {
    /// Probability of leaving within a month.
    case month
    /// Probability of leaving within a year; converted as m = 1 − (1 − a)^(1/12).
    case year

    /// The equivalent monthly probability of `rate`.
    public func monthly(_ rate: Double) -> Double {
        self == .month ? rate : ChurnRate.monthly(fromAnnual: rate)
    }
}

/// One tenure interval of a piecewise-constant churn rate.
public struct TenurePiece: Sendable, Equatable {
    /// The piece applies to tenure months before this one; nil for the last, open piece.
    public var untilMonth: Int?
    /// Monthly churn probability within the piece.
    public var monthlyRate: Double

    /// Creates a piece.
    public init(untilMonth: Int?, monthlyRate: Double) {
        self.untilMonth = untilMonth
        self.monthlyRate = monthlyRate
    }
}

/// A reference to a fitted model file and the customer profile to evaluate it at.
public struct FittedChurnModel: Sendable, Equatable {
    /// Path of `fit.yaml` / `fit.json`, relative to the scenario file's folder.
    public var file: String
    /// Covariate values by model column name.
    public var covariates: [String: Double]
    /// Stratum of a stratified fit.
    public var stratum: String?
    /// Months per unit of the model's time scale (1 for months, 12/365.25 for days).
    public var monthsPerUnit: Double
    /// Whether each path draws the coefficients from N(estimates, covariance) of the fit
    /// (Cox and parametric fits) instead of using the point estimates.
    public var parameterUncertainty: Bool

    /// Creates a reference.
    public init(
        file: String, covariates: [String: Double], stratum: String?, monthsPerUnit: Double,
        parameterUncertainty: Bool = false
    ) {
        self.file = file
        self.covariates = covariates
        self.stratum = stratum
        self.monthsPerUnit = monthsPerUnit
        self.parameterUncertainty = parameterUncertainty
    }
}
