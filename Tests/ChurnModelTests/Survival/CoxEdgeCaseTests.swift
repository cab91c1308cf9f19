import Foundation
import Testing
@testable import ChurnModel

/// Cox at the edges not covered by ``CoxBehaviourTests``: a single event, and covariates on
/// huge or tiny scales.
@Suite struct CoxEdgeCaseTests {
    /// One event at t = 2 by the subject with x = 0.5; the risk set then holds x = 0.5, 0.2,
    /// 0.8, 0.1. The partial likelihood e^{0.5β}/Σ e^{x_jβ} peaks where the risk-weighted mean
    /// of x equals 0.5 (the score equation), which the fit must satisfy, finitely.
    @Test func singleEventGivesTheScoreEquationRoot() throws {
        let x = [1.0, 0.5, 0.2, 0.8, 0.1]
        let table = try EventTable(
            durations: [1, 2, 3, 4, 5], events: [false, true, false, false, false],
            covariates: Matrix(rows: 5, columns: 1, columnMajor: x), covariateNames: ["x"])
        let fit = try CoxProportionalHazards().fit(table)
        let beta = fit.coefficients[0].estimate
        #expect(beta.isFinite && fit.coefficients[0].standardError.isFinite)
        let risk = x.dropFirst().map { Foundation.exp($0 * beta) }
        let weightedMean = zip(risk, x.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 } / risk.reduce(0, +)
        #expect(abs(weightedMean - 0.5) < 1e-8)
        #expect(fit.logLikelihood.isFinite && fit.concordance.value.isFinite)
    }

    /// A single event by the subject with the largest x: the likelihood rises for ever in β, so
    /// the fit must warn about that column and stay finite, as R's `coxph` does.
    @Test func singleEventAtTheLargestCovariateWarnsWithoutNaN() throws {
        let table = try EventTable(
            durations: [1, 2, 3, 4], events: [true, false, false, false],
            covariates: Matrix(rows: 4, columns: 1, columnMajor: [3, 1, 2, 0.5]), covariateNames: ["x"])
        let fit = try CoxProportionalHazards().fit(table)
        #expect(fit.warnings.contains(.possiblyInfiniteCoefficient(name: "x")), "\(fit.warnings)")
        #expect(fit.coefficients[0].estimate.isFinite && fit.coefficients[0].standardError.isFinite)
    }

    /// Exponential lifetimes with hazard 0.1·exp(0.6·x), x ~ N(0, 1), n = 400, censoring at
    /// rate 0.05. Refitting with x multiplied by `scale` must give β/scale: the same hazard
    /// ratio per original unit (Newton–Raphson is invariant to rescaling a covariate).
    @Test(arguments: [1e9, 1e-9, 1e12])
    func rescaledCovariateGivesTheSameHazardRatioPerUnit(scale: Double) throws {
        var random = RandomStream(seed: 77, stream: 3)
        var durations: [Double] = [], events: [Bool] = [], x: [Double] = [], z: [Double] = []
        for _ in 0..<400 {
            let value = random.standardNormal()
            let other = random.nextUniform()
            let lifetime = random.exponential(rate: 0.1 * Foundation.exp(0.6 * value - 0.4 * other))
            let censoring = random.exponential(rate: 0.05)
            durations.append(min(lifetime, censoring))
            events.append(lifetime <= censoring)
            x.append(value)
            z.append(other)
        }
        func fit(_ column: [Double]) throws -> CoxFit {
            try CoxProportionalHazards().fit(EventTable(
                durations: durations, events: events,
                covariates: Matrix(rows: 400, columns: 2, columnMajor: column + z), covariateNames: ["x", "z"]))
        }
        let plain = try fit(x)
        let scaled = try fit(x.map { $0 * scale })
        #expect(scaled.converged)
        let (b, s) = (plain.coefficients[0], scaled.coefficients[0])
        #expect(abs(s.estimate * scale - b.estimate) < 1e-7 * abs(b.estimate), "\(s.estimate * scale) vs \(b.estimate)")
        #expect(abs(s.standardError * scale - b.standardError) < 1e-6 * b.standardError)
        #expect(abs(scaled.coefficients[1].estimate - plain.coefficients[1].estimate) < 1e-7)
        #expect(abs(scaled.logLikelihood - plain.logLikelihood) < 1e-7)
    }
}
