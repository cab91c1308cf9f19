extension FitSummary {
    /// The summary of a Cox fit: coefficients with hazard ratios, likelihood-ratio, Wald and
    /// score tests, concordance and the baseline cumulative hazard.
    /// - Parameters:
    ///   - fit: the Cox fit.
    ///   - proportionality: its `cox.zph` test, when computed.
    ///   - warnings: notes from loading the data.
    public init(cox fit: CoxFit, proportionality: CoxProportionalityTest? = nil, warnings: [String] = []) {
        let coefficients = fit.coefficients.map { c in
            FitCoefficient(
                name: c.name, estimate: c.estimate, standardError: c.standardError, z: c.zStatistic, p: c.pValue,
                ciLower: c.lower, ciUpper: c.upper, hazardRatio: c.hazardRatio)
        }
        let tests = [("likelihood_ratio", fit.likelihoodRatioTest), ("wald", fit.waldTest), ("score", fit.scoreTest)]
            .map { FitTest(name: $0.0, statistic: $0.1.statistic, degreesOfFreedom: $0.1.degreesOfFreedom, p: $0.1.pValue) }
        let baseline = fit.baselineHazards.flatMap { hazard in
            zip(hazard.times, hazard.cumulativeHazard).map {
                FitBaselineRow(stratum: hazard.stratum, time: $0, cumulativeHazard: $1)
            }
        }
        self.init(
            model: "cox", ties: fit.ties.rawValue, n: fit.observationCount, events: fit.eventCount,
            logLikelihood: fit.logLikelihood, nullLogLikelihood: fit.nullLogLikelihood, aic: fit.aic,
            concordance: fit.concordance.value, iterations: fit.iterations,
            warnings: warnings + fit.warnings.map(\.description), coefficients: coefficients,
            covariance: fit.covariance.rowArrays, tests: tests,
            baseline: baseline,
            proportionalHazards: proportionality.map { test in
                (test.terms + [test.global]).map {
                    FitTest(name: $0.term, statistic: $0.chiSquare, degreesOfFreedom: $0.degreesOfFreedom, p: $0.pValue)
                }
            })
    }

    /// The summary of a parametric (AFT) fit: coefficients of log T, log(scale), the
    /// likelihood-ratio test against the intercept-only model.
    public init(parametric fit: ParametricFit, warnings: [String] = []) {
        let estimates = fit.coefficients + (fit.logScale.map { [$0] } ?? [])
        let coefficients = estimates.map { e in
            FitCoefficient(
                name: e.name, estimate: e.estimate, standardError: e.standardError, z: e.zStatistic, p: e.pValue,
                ciLower: e.lowerBound, ciUpper: e.upperBound)
        }
        let lr = fit.likelihoodRatioTest
        let tests = lr.degreesOfFreedom > 0
            ? [FitTest(name: "likelihood_ratio", statistic: lr.statistic, degreesOfFreedom: lr.degreesOfFreedom, p: lr.pValue)]
            : []
        self.init(
            model: fit.family.identifier, n: fit.observationCount, events: fit.eventCount,
            logLikelihood: fit.logLikelihood, nullLogLikelihood: fit.nullLogLikelihood, aic: fit.aic,
            iterations: fit.iterations, warnings: warnings + fit.warnings, coefficients: coefficients,
            covariance: fit.covariance.rowArrays, tests: tests,
            scale: fit.scale)
    }
}

extension ParametricFamily {
    /// The identifier written as `model` in fit files.
    public var identifier: String {
        switch self {
        case .exponential: "exponential"
        case .weibull: "weibull"
        case .logNormal: "lognormal"
        case .logLogistic: "loglogistic"
        }
    }
}

extension Matrix {
    /// The entries row by row, as fit files write a matrix.
    fileprivate var rowArrays: [[Double]] {
        (0..<rows).map { row in (0..<columns).map { self[row, $0] } }
    }
}
