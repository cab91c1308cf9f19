import Foundation
import Testing
@testable import ChurnModel

/// Shifted-beta-geometric model (Fader & Hardie 2007, "How to project customer retention").
/// The cohorts are the paper's Table 1 "regular" and "high end" customers (1000 at period 0,
/// seven renewals; the regular cohort is the one that churns faster). `reference/sbg_optim.csv` is an independent maximization in R
/// (`optim` BFGS then Nelder–Mead with reltol 1e-15 on `lbeta` likelihoods, SEs from
/// `optimHess`), written by `Benchmarks/reference/parametric_reference.R`.
@Suite struct ShiftedBetaGeometricTests {
    static let regular = [1000, 631, 468, 382, 326, 289, 262, 241]
    static let highEnd = [1000, 869, 743, 653, 593, 551, 517, 491]

    /// Fader & Hardie (2007), regular cohort: α̂ = 0.704, β̂ = 1.182 (three decimals printed).
    @Test func regularCohortMatchesFaderHardie2007() throws {
        let fit = try ShiftedBetaGeometricFit(activeCounts: Self.regular)
        #expect(Swift.abs(fit.alpha.estimate - 0.704) < 0.0005)
        #expect(Swift.abs(fit.beta.estimate - 1.182) < 0.0005)
    }

    /// Fader & Hardie (2007), high-end cohort: α̂ = 0.668, β̂ = 3.806 (three decimals printed).
    @Test func highEndCohortMatchesFaderHardie2007() throws {
        let fit = try ShiftedBetaGeometricFit(activeCounts: Self.highEnd)
        #expect(Swift.abs(fit.alpha.estimate - 0.668) < 0.0005)
        #expect(Swift.abs(fit.beta.estimate - 3.806) < 0.0005)
    }

    /// R: `optim(..., sbg_loglik)` and `optimHess` (see the script) for both cohorts.
    @Test(arguments: [("regular", regular), ("highend", highEnd)])
    func fitMatchesROptim(name: String, counts: [Int]) throws {
        let csv = try FixtureCSV("sbg_optim")
        let row = try #require(try csv.strings("cohort").firstIndex(of: name))
        let fit = try ShiftedBetaGeometricFit(activeCounts: counts)
        let alpha = try csv.requiredDoubles("alpha")[row]
        let beta = try csv.requiredDoubles("beta")[row]
        expectClose(fit.alpha.estimate, alpha, tolerance: 1e-5 * alpha, "\(name) alpha")
        expectClose(fit.beta.estimate, beta, tolerance: 1e-5 * beta, "\(name) beta")
        expectClose(fit.logLikelihood, try csv.requiredDoubles("loglik")[row], tolerance: 1e-7, "\(name) loglik")
        let seLogAlpha = try csv.requiredDoubles("se.log.alpha")[row]
        let seLogBeta = try csv.requiredDoubles("se.log.beta")[row]
        expectClose(fit.alpha.standardError, alpha * seLogAlpha, tolerance: 1e-3 * alpha * seLogAlpha, "\(name) SE alpha")
        expectClose(fit.beta.standardError, beta * seLogBeta, tolerance: 1e-3 * beta * seLogBeta, "\(name) SE beta")
        #expect(fit.alpha.lowerBound < fit.alpha.estimate && fit.alpha.estimate < fit.alpha.upperBound)
    }

    /// Retention r_t = (β + t − 1)/(α + β + t − 1) and S(t) = Π r_k, hand-computed.
    @Test func retentionAndSurvivalFollowTheRecursion() throws {
        let model = try ShiftedBetaGeometric(alpha: 0.704, beta: 1.182)
        #expect(Swift.abs(model.retentionRate(period: 1) - 1.182 / 1.886) < 1e-15)
        #expect(Swift.abs(model.retentionRate(period: 3) - 3.182 / 3.886) < 1e-15)
        var product = 1.0
        for t in 1...200 {
            product *= (1.182 + Double(t) - 1) / (1.886 + Double(t) - 1)
            #expect(Swift.abs(model.survival(period: t) - product) < 1e-12 * product)
            #expect(Swift.abs(model.cumulativeHazard(at: Double(t) + 0.5) + Foundation.log(product)) < 1e-11)
        }
        let churn = (1...50).map { model.churnProbability(period: $0) }.reduce(0, +)
        #expect(Swift.abs(churn - (1 - model.survival(period: 50))) < 1e-12)
    }

    /// DERL against the direct sum Σ_{k≥0} S(n+1+k)/S(n)·(1+d)^{−k}, products formed here.
    @Test(arguments: [(0.1, 0), (0.1, 4), (0.01, 0), (0.001, 2), (0.5, 10)])
    func discountedExpectedResidualLifetimeMatchesDirectSum(d: Double, n: Int) throws {
        let (alpha, beta) = (0.668, 3.806)
        let model = try ShiftedBetaGeometric(alpha: alpha, beta: beta)
        var sum = 0.0
        var ratio = 1.0
        for k in 0..<400_000 {
            ratio *= (beta + Double(n + k)) / (alpha + beta + Double(n + k))
            sum += ratio * Foundation.pow(1 + d, -Double(k))
        }
        let derl = try model.discountedExpectedResidualLifetime(discountRate: d, renewals: n)
        #expect(Swift.abs(derl - sum) < 1e-9 * sum, "DERL \(derl) vs sum \(sum)")
    }

    @Test func risingCountsAreRejectedNamingThePeriod() {
        #expect(throws: ShiftedBetaGeometricError.countIncreased(period: 3, previous: 700, current: 720)) {
            try ShiftedBetaGeometricFit(activeCounts: [1000, 800, 700, 720, 600])
        }
        #expect(throws: ShiftedBetaGeometricError.noChurn) {
            try ShiftedBetaGeometricFit(activeCounts: [100, 100, 100])
        }
        #expect(throws: ShiftedBetaGeometricError.tooFewPeriods(count: 1)) {
            try ShiftedBetaGeometricFit(activeCounts: [100])
        }
        #expect(throws: ShiftedBetaGeometricError.self) {
            try ShiftedBetaGeometric(alpha: 0, beta: 1)
        }
    }

    /// Sampled renewals are whole periods and their frequencies follow P(T = t).
    @Test func sampledLifetimesAreWholePeriods() throws {
        let model = try ShiftedBetaGeometric(alpha: 0.704, beta: 1.182)
        var stream = RandomStream(seed: 7, stream: 0)
        let draws = (0..<20_000).map { _ in model.sampleLifetime(using: &stream) }
        #expect(draws.allSatisfy { $0 >= 1 && $0 == $0.rounded() })
        let p1 = model.churnProbability(period: 1)
        let share = Double(draws.filter { $0 == 1 }.count) / Double(draws.count)
        #expect(Swift.abs(share - p1) < 4 * (p1 * (1 - p1) / Double(draws.count)).squareRoot())
    }
}
