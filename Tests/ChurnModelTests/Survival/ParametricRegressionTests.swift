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
