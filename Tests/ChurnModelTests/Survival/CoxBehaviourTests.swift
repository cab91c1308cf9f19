import Foundation
import Testing
@testable import ChurnModel

/// Cox behaviour without an R fit: recovery of a known β, separation, and data errors.
@Suite struct CoxBehaviourTests {
    /// Exponential lifetimes with hazard 0.1·exp(xβ), β = (0.7, −0.5, 0.25), x₁ ~ N(0, 1),
    /// x₂ ~ Bernoulli(0.4), x₃ ~ U(0, 2), independent exponential censoring (rate 0.05);
    /// n = 1500, fixed seed. Each 95 % CI must cover its true coefficient.
    @Test func coxRecoversKnownCoefficientsOnGeneratedData() throws {
        var random = RandomStream(seed: 20_261_125, stream: 7)
        let truth = [0.7, -0.5, 0.25]
        let n = 1500
        var durations: [Double] = []
        var events: [Bool] = []
        var columns: [[Double]] = [[], [], []]
        for _ in 0..<n {
            let x = [random.standardNormal(), random.nextUniform() < 0.4 ? 1 : 0, 2 * random.nextUniform()]
            let eta = zip(x, truth).reduce(0) { $0 + $1.0 * $1.1 }
            let lifetime = random.exponential(rate: 0.1 * Foundation.exp(eta))
            let censoring = random.exponential(rate: 0.05)
            durations.append(min(lifetime, censoring))
            events.append(lifetime <= censoring)
            for j in 0..<3 { columns[j].append(x[j]) }
        }
        let table = try EventTable(
            durations: durations, events: events,
            covariates: Matrix(rows: n, columns: 3, columnMajor: columns.flatMap { $0 }),
            covariateNames: ["x1", "x2", "x3"])
        let fit = try CoxProportionalHazards().fit(table)
        #expect(fit.converged)
        #expect(fit.warnings.isEmpty)
        for (c, beta) in zip(fit.coefficients, truth) {
            #expect(c.lower <= beta && beta <= c.upper, "\(c.name): [\(c.lower), \(c.upper)] vs \(beta)")
        }
        // Exact-time data: Efron and Breslow agree (no ties).
        let breslow = try CoxProportionalHazards(options: CoxOptions(ties: .breslow)).fit(table)
        #expect(abs(breslow.logLikelihood - fit.logLikelihood) < 1e-9)
    }

    /// Every event has x = 1 and every censoring x = 0 after time 5: the likelihood is
    /// monotone in β, so R's `coxph` warns "Loglik converged before variable x". The fit
    /// must warn, name the column, and stay finite.
    @Test func coxWarnsAboutSeparationWithoutNaN() throws {
        let durations: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        let x: [Double] = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
        let z: [Double] = [0.3, -1.2, 0.8, 0.1, -0.4, 1.5, -0.7, 0.2, 0.9, -1.1, 0.4, -0.2]
        let table = try EventTable(
            durations: durations, events: x.map { $0 == 1 },
            covariates: Matrix(rows: 12, columns: 2, columnMajor: x + z),
            covariateNames: ["x", "z"])
        let fit = try CoxProportionalHazards().fit(table)
        #expect(fit.warnings.contains(.possiblyInfiniteCoefficient(name: "x")), "\(fit.warnings)")
        #expect(!fit.warnings.contains(.possiblyInfiniteCoefficient(name: "z")))
        for c in fit.coefficients {
            #expect(c.estimate.isFinite && c.standardError.isFinite && c.pValue.isFinite)
        }
        #expect(fit.logLikelihood.isFinite && fit.waldTest.statistic.isFinite)
        #expect(fit.coefficients[0].estimate > 5)
    }

    @Test func coxRejectsConstantCovariateNamingIt() throws {
        let table = try EventTable(
            durations: [1, 2, 3, 4], events: [true, false, true, true],
            covariates: Matrix(rows: 4, columns: 2, columnMajor: [0.5, 1.5, 0.2, 0.9, 3, 3, 3, 3]),
            covariateNames: ["usage", "plan"])
        #expect(throws: CoxModelError.constantCovariate(name: "plan")) {
            try CoxProportionalHazards().fit(table)
        }
    }

    @Test func coxRejectsCollinearCovariateNamingIt() throws {
        let a: [Double] = [0.5, 1.5, 0.2, 0.9, 2.0, 1.1]
        let b: [Double] = [1, 0, 1, 1, 0, 0]
        let table = try EventTable(
            durations: [1, 2, 3, 4, 5, 6], events: [true, false, true, true, true, false],
            covariates: Matrix(rows: 6, columns: 3, columnMajor: a + b + zip(a, b).map { 2 * $0 - $1 }),
            covariateNames: ["seats", "annual", "combo"])
        #expect(throws: CoxModelError.collinearCovariate(name: "combo")) {
            try CoxProportionalHazards().fit(table)
        }
    }

    @Test func coxRejectsDataWithoutEvents() throws {
        let table = try EventTable(
            durations: [1, 2, 3], events: [false, false, false],
            covariates: Matrix(rows: 3, columns: 1, columnMajor: [1, 2, 3]),
            covariateNames: ["x"])
        #expect(throws: CoxModelError.noEvents) { try CoxProportionalHazards().fit(table) }
    }

    @Test func coxOptionsRejectOutOfRangeValues() {
        #expect(throws: CoxModelError.invalidOption(name: "confidenceLevel", value: 1)) {
            try CoxOptions(confidenceLevel: 1)
        }
        #expect(throws: CoxModelError.invalidOption(name: "maxIterations", value: 0)) {
            try CoxOptions(maxIterations: 0)
        }
    }

    /// R: `pchisq(x, df, lower.tail = FALSE)` on a grid (`reference/cox_pchisq.csv`), 1e-13
    /// relative.
    @Test func chiSquaredSurvivalMatchesRPchisq() throws {
        let csv = try FixtureCSV("cox_pchisq")
        let x = try csv.requiredDoubles("x")
        let df = try csv.requiredDoubles("df")
        let q = try csv.requiredDoubles("q")
        for i in x.indices {
            let value = ChiSquaredDistribution.survival(x[i], degreesOfFreedom: df[i])
            #expect(abs(value - q[i]) <= 1e-13 * q[i], "x=\(x[i]) df=\(df[i]): \(value) vs R \(q[i])")
        }
    }
}
