/// The serialisable result of any fit (`churnsim fit`): written as `fit.json` and
/// `fit.yaml` with snake_case keys, read back by scenarios that use the fitted model.
///
/// Every key is always written; a statistic that does not apply to the model (a
/// log-likelihood for Kaplan–Meier, a concordance for Weibull) is `null`, never NaN.
public struct FitSummary: Codable, Sendable, Equatable {
    /// Model identifier: `kaplan_meier`, `nelson_aalen`, `cox`, `exponential`, `weibull`,
    /// `lognormal`, `loglogistic` or `sbg`.
    public var model: String
    /// Tie handling (Cox only): `efron` or `breslow`.
    public var ties: String?
    /// Number of rows used.
    public var n: Int
    /// Number of events (churns) among them.
    public var events: Int
    /// Maximised log-likelihood (log partial likelihood for Cox).
    public var logLikelihood: Double?
    /// Log-likelihood of the model without covariates.
    public var nullLogLikelihood: Double?
    /// Akaike information criterion, −2 log L + 2 × parameters.
    public var aic: Double?
    /// Harrell's concordance (Cox).
    public var concordance: Double?
    /// Newton iterations used.
    public var iterations: Int?
    /// Statistical warnings (non-convergence, separation, dropped rows).
    public var warnings: [String]
    /// Estimated coefficients.
    public var coefficients: [FitCoefficient]
    /// Covariance matrix of the estimates, row by row in the order of ``coefficients``: the
    /// variance the standard errors come from (Cox: the model-based or, when robust, the
    /// sandwich variance; parametric: of (β, log σ) including `Log(scale)`); nil for models
    /// without one (Kaplan–Meier, Nelson–Aalen, sBG) and for fits written before it existed.
    public var covariance: [[Double]]?
    /// Global tests (likelihood ratio, Wald, score).
    public var tests: [FitTest]
    /// Proportional-hazards check per covariate and `GLOBAL` (Cox: R's `cox.zph`, km transform).
    public var proportionalHazards: [FitTest]?
    /// How each covariate column of the history became model columns, so that new data
    /// (`churnsim score`) is encoded the same way; nil for fits without covariates.
    public var covariateEncodings: [FitCovariateEncoding]?
    /// Kaplan–Meier or Nelson–Aalen table.
    public var table: [FitTableRow]?
    /// Median survival time with its confidence interval, per stratum.
    public var median: [FitMedian]?
    /// Scale σ of a parametric accelerated-failure-time model.
    public var scale: Double?
    /// Cox baseline cumulative hazard at covariates 0 (R's `basehaz(fit, centered = FALSE)`).
    public var baseline: [FitBaselineRow]?
    /// Shifted-beta-geometric projection per renewal period.
    public var projection: [FitProjectionRow]?

    /// Creates a summary; list-valued parts default to empty.
    public init(
        model: String, ties: String? = nil, n: Int, events: Int, logLikelihood: Double? = nil,
        nullLogLikelihood: Double? = nil, aic: Double? = nil, concordance: Double? = nil, iterations: Int? = nil,
        warnings: [String] = [], coefficients: [FitCoefficient] = [], covariance: [[Double]]? = nil,
        tests: [FitTest] = [], table: [FitTableRow]? = nil, median: [FitMedian]? = nil, scale: Double? = nil,
        baseline: [FitBaselineRow]? = nil, projection: [FitProjectionRow]? = nil,
        proportionalHazards: [FitTest]? = nil
    ) {
        self.model = model
        self.ties = ties
        self.n = n
        self.events = events
        self.logLikelihood = logLikelihood
        self.nullLogLikelihood = nullLogLikelihood
        self.aic = aic
        self.concordance = concordance
        self.iterations = iterations
        self.warnings = warnings
        self.coefficients = coefficients
        self.covariance = covariance
        self.tests = tests
        self.table = table
        self.median = median
        self.scale = scale
        self.baseline = baseline
        self.projection = projection
        self.proportionalHazards = proportionalHazards
    }

    /// Writes every key, with `null` for statistics that do not apply.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(ties, forKey: .ties)
        try container.encode(n, forKey: .n)
        try container.encode(events, forKey: .events)
        try container.encode(logLikelihood, forKey: .logLikelihood)
        try container.encode(nullLogLikelihood, forKey: .nullLogLikelihood)
        try container.encode(aic, forKey: .aic)
        try container.encode(concordance, forKey: .concordance)
        try container.encode(iterations, forKey: .iterations)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(coefficients, forKey: .coefficients)
        try container.encode(covariance, forKey: .covariance)
        try container.encode(tests, forKey: .tests)
        try container.encode(table, forKey: .table)
        try container.encode(median, forKey: .median)
        try container.encode(scale, forKey: .scale)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(projection, forKey: .projection)
        try container.encode(proportionalHazards, forKey: .proportionalHazards)
        try container.encode(covariateEncodings, forKey: .covariateEncodings)
    }
}

/// One estimated coefficient with its Wald statistics.
public struct FitCoefficient: Codable, Sendable, Equatable {
    /// Model column name (`age`, `plan=Pro`, `(Intercept)`, `Log(scale)`, `alpha`).
    public var name: String
    /// Point estimate.
    public var estimate: Double
    /// Standard error.
    public var standardError: Double
    /// Wald z = estimate / standard error.
    public var z: Double
    /// Two-sided p-value of z.
    public var p: Double
    /// Lower confidence bound.
    public var ciLower: Double
    /// Upper confidence bound.
    public var ciUpper: Double
    /// exp(estimate), for Cox models.
    public var hazardRatio: Double?

    /// Creates a coefficient record.
    public init(
        name: String, estimate: Double, standardError: Double, z: Double, p: Double, ciLower: Double,
        ciUpper: Double, hazardRatio: Double? = nil
    ) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
        self.z = z
        self.p = p
        self.ciLower = ciLower
        self.ciUpper = ciUpper
        self.hazardRatio = hazardRatio
    }
}

/// A global chi-square test of a fitted model.
public struct FitTest: Codable, Sendable, Equatable {
    /// `likelihood_ratio`, `wald` or `score`; a covariate name or `GLOBAL` for proportional hazards.
    public var name: String
    /// Test statistic.
    public var statistic: Double
    /// Degrees of freedom.
    public var degreesOfFreedom: Int
    /// Upper-tail chi-square p-value.
    public var p: Double

    /// Creates a test record.
    public init(name: String, statistic: Double, degreesOfFreedom: Int, p: Double) {
        self.name = name
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.p = p
    }
}

/// One row of a Kaplan–Meier or Nelson–Aalen table.
public struct FitTableRow: Codable, Sendable, Equatable {
    /// Stratum label, or nil without strata.
    public var stratum: String?
    /// Distinct time.
    public var time: Double
    /// (Weighted) number at risk just before `time`.
    public var atRisk: Double
    /// (Weighted) events at `time`.
    public var events: Double
    /// (Weighted) censorings at `time`.
    public var censored: Double
    /// Kaplan–Meier survival (nil for Nelson–Aalen).
    public var survival: Double?
    /// Nelson–Aalen cumulative hazard (nil for Kaplan–Meier).
    public var cumulativeHazard: Double?
    /// Standard error of the survival (KM) or of the cumulative hazard (NA).
    public var standardError: Double?
    /// Lower confidence bound.
    public var ciLower: Double?
    /// Upper confidence bound.
    public var ciUpper: Double?

    /// Writes every key, with `null` where a value does not exist.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stratum, forKey: .stratum)
        try container.encode(time, forKey: .time)
        try container.encode(atRisk, forKey: .atRisk)
        try container.encode(events, forKey: .events)
        try container.encode(censored, forKey: .censored)
        try container.encode(survival, forKey: .survival)
        try container.encode(cumulativeHazard, forKey: .cumulativeHazard)
        try container.encode(standardError, forKey: .standardError)
        try container.encode(ciLower, forKey: .ciLower)
        try container.encode(ciUpper, forKey: .ciUpper)
    }
}

/// Median survival time and its confidence interval for one stratum.
public struct FitMedian: Codable, Sendable, Equatable {
    /// Stratum label, or nil without strata.
    public var stratum: String?
    /// Median, nil when survival never falls to 0.5.
    public var estimate: Double?
    /// Lower confidence bound, nil when undefined.
    public var ciLower: Double?
    /// Upper confidence bound, nil when undefined (often: not reached).
    public var ciUpper: Double?

    /// Writes every key, with `null` where a value does not exist.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stratum, forKey: .stratum)
        try container.encode(estimate, forKey: .estimate)
        try container.encode(ciLower, forKey: .ciLower)
        try container.encode(ciUpper, forKey: .ciUpper)
    }
}

/// One step of a Cox baseline cumulative hazard.
public struct FitBaselineRow: Codable, Sendable, Equatable {
    /// Stratum label, or nil without strata.
    public var stratum: String?
    /// Event time.
    public var time: Double
    /// Baseline cumulative hazard at `time` for covariates all zero.
    public var cumulativeHazard: Double

    /// Writes every key, with `null` for a missing stratum.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stratum, forKey: .stratum)
        try container.encode(time, forKey: .time)
        try container.encode(cumulativeHazard, forKey: .cumulativeHazard)
    }
}

/// Shifted-beta-geometric projection for one renewal period t ≥ 1.
public struct FitProjectionRow: Codable, Sendable, Equatable {
    /// Renewal period t.
    public var period: Int
    /// Observed share of the cohort still active after t periods, if observed.
    public var observedSurvival: Double?
    /// Projected share still active after t periods, S(t).
    public var survival: Double
    /// Retention rate r_t = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1): the renewal
    /// probability at renewal t for a customer active before it.
    public var retention: Double
    /// Discounted expected residual lifetime (in renewal periods) of a customer who has
    /// renewed t − 1 times, at the fit's discount rate.
    public var discountedExpectedResidualLifetime: Double

    /// Writes every key, with `null` for a period beyond the data.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(observedSurvival, forKey: .observedSurvival)
        try container.encode(survival, forKey: .survival)
        try container.encode(retention, forKey: .retention)
        try container.encode(discountedExpectedResidualLifetime, forKey: .discountedExpectedResidualLifetime)
    }
}

/// One covariate column of the history and how it was encoded.
public struct FitCovariateEncoding: Codable, Sendable, Equatable {
    /// Column name in the CSV.
    public var column: String
    /// `numeric`, `boolean` (true/false, yes/no → 1/0) or `categorical`.
    public var kind: String
    /// Levels of a categorical column, sorted (nil otherwise).
    public var levels: [String]?
    /// The reference level of a categorical column (all indicators 0).
    public var reference: String?

    /// Creates an encoding record.
    public init(column: String, kind: String, levels: [String]? = nil, reference: String? = nil) {
        self.column = column
        self.kind = kind
        self.levels = levels
        self.reference = reference
    }

    /// The record of an encoded covariate.
    public init(_ covariate: EncodedCovariate) {
        switch covariate.kind {
        case .numeric: self.init(column: covariate.column, kind: "numeric")
        case .boolean: self.init(column: covariate.column, kind: "boolean")
        case .categorical(let levels, let reference):
            self.init(column: covariate.column, kind: "categorical", levels: levels, reference: reference)
        }
    }

    /// Writes every key, with `null` where a value does not exist.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(kind, forKey: .kind)
        try container.encode(levels, forKey: .levels)
        try container.encode(reference, forKey: .reference)
    }
}
