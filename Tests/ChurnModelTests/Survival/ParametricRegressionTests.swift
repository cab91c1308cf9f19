import Foundation
import Testing
@testable import ChurnModel

/// Parametric AFT regression against R survival 3.5-3 (`Benchmarks/reference/parametric_reference.R`):
/// `survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = ...)` on the 227 rows of
/// `lung` without NA in those columns (`reference/lung_survreg_data.csv`).
@Suite struct ParametricRegressionTests {
    static func lungTable(weighted: Bool = false) throws -> EventTable {
        let csv = try FixtureCSV("lung_survreg_data")
        let columns = try ["age", "sex", "ph.ecog"].map { try csv.requiredDoubles($0) }
        let n = columns[0].count
        return try EventTable(
            durations: csv.requiredDoubles("time"),
            events: csv.requiredDoubles("status").map { $0 == 1 },
            weights: weighted ? csv.requiredDoubles("weight") : nil,
            covariates: Matrix(rows: n, columns: 3, columnMajor: columns.flatMap { $0 }),
            covariateNames: ["age", "sex", "ph.ecog"])
    }

    private func expectMatchesR(
        _ fit: ParametricFit, case name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let terms = try FixtureCSV("lung_survreg")
        let cases = try terms.strings("case")
        let names = try terms.strings("term")
        let estimates = try terms.requiredDoubles("estimate")
        let errors = try terms.requiredDoubles("std.err")
        let rows = cases.indices.filter { cases[$0] == name }
        let fitted = fit.coefficients + (fit.logScale.map { [$0] } ?? [])
        try #require(rows.count == fitted.count, "\(name): term count", sourceLocation: sourceLocation)
        for (row, estimate) in zip(rows, fitted) {
            #expect(estimate.name == names[row], sourceLocation: sourceLocation)
            let what = "\(name) \(names[row])"
            expectClose(estimate.estimate, estimates[row], tolerance: 1e-6 * Swift.abs(estimates[row]), "\(what) coef", sourceLocation: sourceLocation)
            expectClose(estimate.standardError, errors[row], tolerance: 1e-6 * errors[row], "\(what) se", sourceLocation: sourceLocation)
        }
        let summary = try FixtureCSV("lung_survreg_fits")
        let index = try #require(try summary.strings("case").firstIndex(of: name))
        expectClose(fit.scale, try summary.requiredDoubles("scale")[index], tolerance: 1e-6 * fit.scale, "\(name) scale", sourceLocation: sourceLocation)
        expectClose(fit.logLikelihood, try summary.requiredDoubles("loglik")[index], tolerance: 1e-6, "\(name) loglik", sourceLocation: sourceLocation)
        expectClose(fit.nullLogLikelihood, try summary.requiredDoubles("loglik.null")[index], tolerance: 1e-6, "\(name) null loglik", sourceLocation: sourceLocation)
        expectClose(fit.likelihoodRatioTest.statistic, try summary.requiredDoubles("chisq")[index], tolerance: 2e-6, "\(name) LR chisq", sourceLocation: sourceLocation)
        expectClose(fit.aic, try summary.requiredDoubles("aic")[index], tolerance: 2e-6, "\(name) AIC", sourceLocation: sourceLocation)
    }

    /// R: `survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = "exponential")`.
    @Test func exponentialMatchesRSurvregOnLung() throws {
        let fit = try ParametricRegression().fit(Self.lungTable(), family: .exponential)
        try expectMatchesR(fit, case: "exponential")
    }

    /// R: `survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = "weibull")`.
    @Test func weibullMatchesRSurvregOnLung() throws {
        let fit = try ParametricRegression().fit(Self.lungTable(), family: .weibull)
        try expectMatchesR(fit, case: "weibull")
    }

    /// R: `survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = "lognormal")`.
    @Test func logNormalMatchesRSurvregOnLung() throws {
        let fit = try ParametricRegression().fit(Self.lungTable(), family: .logNormal)
        try expectMatchesR(fit, case: "lognormal")
    }

    /// R: `survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = "loglogistic")`.
    @Test func logLogisticMatchesRSurvregOnLung() throws {
        let fit = try ParametricRegression().fit(Self.lungTable(), family: .logLogistic)
        try expectMatchesR(fit, case: "loglogistic")
    }

    /// R: `survreg(Surv(time, status) ~ age + sex + ph.ecog, L, dist = "weibull",
    /// weights = weight)` with weight = 0.5 + (row %% 5) / 4.
    @Test func weightedWeibullMatchesRSurvregOnLung() throws {
        let fit = try ParametricRegression().fit(Self.lungTable(weighted: true), family: .weibull)
        try expectMatchesR(fit, case: "weibull_weighted")
    }
}

/// Generated Weibull data: log T = 3 + 0.5·x + (2/3)·W, W extreme value, x ~ Bernoulli(½),
/// administrative censoring at 60, optional late entry uniform on (0, 10).
enum GeneratedWeibull {
    static let truth = (intercept: 3.0, slope: 0.5, logScale: Foundation.log(2.0 / 3.0))

    static func table(n: Int, seed: UInt64, lateEntry: Bool) throws -> EventTable {
        var random = RandomStream(seed: seed, stream: 0)
        var times: [Double] = [], events: [Bool] = [], entries: [Double] = [], xs: [Double] = []
        while times.count < n {
            let x = random.nextUniform() < 0.5 ? 1.0 : 0.0
            let w = Foundation.log(-Foundation.log(random.nextUniform()))
            let t = Foundation.exp(truth.intercept + truth.slope * x + Foundation.exp(truth.logScale) * w)
            let entry = lateEntry ? 10 * random.nextUniform() : 0
            if t <= entry { continue }  // never observed: left truncation
            times.append(min(t, 60)); events.append(t <= 60); entries.append(entry); xs.append(x)
        }
        return try EventTable(
            durations: times, events: events, entryTimes: lateEntry ? entries : nil,
            covariates: Matrix(rows: n, columns: 1, columnMajor: xs), covariateNames: ["x"])
    }

    /// The Weibull log-likelihood written directly (lifelines' parameterization
    /// λ = exp(β₀ + β₁x), ρ = 1/σ): events log(ρ/λ) + (ρ−1)·log(t/λ) − (t/λ)^ρ, censored
    /// −(t/λ)^ρ, late entry + (a/λ)^ρ.
    static func directLogLikelihood(_ table: EventTable, _ theta: [Double]) -> Double {
        let rho = Foundation.exp(-theta[2])
        var total = 0.0
        for i in 0..<table.count {
            let lambda = Foundation.exp(theta[0] + theta[1] * (table.covariates?[i, 0] ?? 0))
            let t = table.durations[i]
            total -= Foundation.pow(t / lambda, rho)
            if table.events[i] { total += Foundation.log(rho / lambda) + (rho - 1) * Foundation.log(t / lambda) }
            if let a = table.entryTimes?[i], a > 0 { total += Foundation.pow(a / lambda, rho) }
        }
        return total
    }
}

@Suite struct ParametricRegressionPropertyTests {
    /// Late entry: R's survreg has no left truncation, so the fit is checked against the
    /// directly written likelihood: equal value at the estimate, and the estimate is its
    /// maximum (central differences of the direct likelihood vanish).
    @Test func lateEntryMaximizesDirectTruncatedLikelihood() throws {
        let table = try GeneratedWeibull.table(n: 800, seed: 11, lateEntry: true)
        let fit = try ParametricRegression().fit(table, family: .weibull)
        let theta = fit.coefficients.map(\.estimate) + [try #require(fit.logScale).estimate]
        let direct = GeneratedWeibull.directLogLikelihood(table, theta)
        #expect(Swift.abs(fit.logLikelihood - direct) < 1e-8)
        for j in 0..<3 {
            var up = theta, down = theta
            up[j] += 1e-5
            down[j] -= 1e-5
            let slope = (GeneratedWeibull.directLogLikelihood(table, up) - GeneratedWeibull.directLogLikelihood(table, down)) / 2e-5
            #expect(Swift.abs(slope) < 1e-4, "parameter \(j) slope \(slope)")
        }
        // Ignoring late entry biases the fit; using it should recover the truth.
        let truth = [GeneratedWeibull.truth.intercept, GeneratedWeibull.truth.slope, GeneratedWeibull.truth.logScale]
        for (estimate, value) in zip(fit.coefficients + [try #require(fit.logScale)], truth) {
            #expect(estimate.lowerBound <= value && value <= estimate.upperBound, "\(estimate.name)")
        }
    }

    /// Recovery on generated Weibull data (fixed seed): the 95% Wald intervals cover the
    /// parameters that generated the data, and lifelines-style parameters follow.
    @Test func weibullRecoversKnownParameters() throws {
        let table = try GeneratedWeibull.table(n: 2000, seed: 5, lateEntry: false)
        let fit = try ParametricRegression().fit(table, family: .weibull)
        let truth = [GeneratedWeibull.truth.intercept, GeneratedWeibull.truth.slope, GeneratedWeibull.truth.logScale]
        for (estimate, value) in zip(fit.coefficients + [try #require(fit.logScale)], truth) {
            #expect(estimate.lowerBound <= value && value <= estimate.upperBound, "\(estimate.name) \(estimate.estimate) vs \(value)")
        }
        let parameters = try #require(try fit.weibullParameters(covariates: [1]))
        #expect(Swift.abs(parameters.shape - 1 / fit.scale) < 1e-15)
        #expect(Swift.abs(parameters.scale - Foundation.exp(fit.coefficients[0].estimate + fit.coefficients[1].estimate)) < 1e-12)
        #expect(try fit.weibullParameters(covariates: [1]) != nil)
        #expect(fit.likelihoodRatioTest.pValue < 1e-6)
        #expect(fit.warnings.isEmpty)
    }

    /// All rows censored: a clear error, never NaN estimates.
    @Test(arguments: ParametricFamily.allCases)
    func allCensoredDataIsRejected(_ family: ParametricFamily) throws {
        let table = try EventTable(durations: [1, 2, 3, 4], events: [false, false, false, false])
        #expect(throws: ParametricRegressionError.noEvents) {
            try ParametricRegression().fit(table, family: family)
        }
    }

    @Test func zeroDurationAndWrongCovariateCountAreRejected() throws {
        let table = try EventTable(durations: [0, 2, 3], events: [true, true, false])
        #expect(throws: ParametricRegressionError.nonPositiveDuration(row: 1, value: 0)) {
            try ParametricRegression().fit(table, family: .weibull)
        }
        let fit = try ParametricRegression().fit(ParametricRegressionTests.lungTable(), family: .logNormal)
        #expect(throws: ParametricRegressionError.covariateCountMismatch(expected: 3, actual: 1)) {
            try fit.model(covariates: [1])
        }
        #expect(try fit.weibullParameters(covariates: [60, 1, 1]) == nil)
        #expect(throws: ParametricRegressionError.self) { try ParametricOptions(tolerance: 0) }
    }
}
