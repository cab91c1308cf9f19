import Foundation
import Testing
@testable import ChurnModel

/// The engine's churn forms, downturns and revenue dynamics against closed forms, each
/// within the Monte Carlo 99% confidence interval (fixed seeds, no retries).
@Suite struct ChurnAndRevenueClosedFormTests {
    /// 8% a month for the first 3 months, then 2%: S(12) = 0.92³ · 0.98⁹.
    @Test func piecewiseRatesCompoundPieceByPiece() throws {
        let churn = ChurnSpecification.piecewise([
            TenurePiece(untilMonth: 3, monthlyRate: 0.08), TenurePiece(untilMonth: nil, monthlyRate: 0.02),
        ])
        let summary = try simulate(singleSegmentScenario(monthlyChurn: 0, churn: churn))
        #expect(within99(summary.survival[0].probability, of: pow(0.92, 3) * pow(0.98, 9)))
        #expect(within99(summary.survival[1].probability, of: pow(0.92, 3) * pow(0.98, 21)))
    }

    /// A monthly rate drawn per path from triangular(0.01, 0.03, 0.06): E[S(12)] = E[(1 − p)¹²],
    /// integrated numerically over the triangular density (Simpson, 2000 intervals).
    @Test func uncertainRateAveragesSurvivalOverTheRateDistribution() throws {
        let (a, c, b) = (0.01, 0.03, 0.06)
        func density(_ p: Double) -> Double { p < c ? 2 * (p - a) / ((b - a) * (c - a)) : 2 * (b - p) / ((b - a) * (b - c)) }
        let n = 2000, h = (b - a) / Double(n)
        let expected = (0...n).reduce(0.0) { sum, i in
            let p = a + Double(i) * h
            let weight: Double = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)
            return sum + weight * density(p) * pow(1 - p, 12)
        } * h / 3
        let churn = ChurnSpecification.rate(.triangular(minimum: a, mode: c, maximum: b), per: .month)
        let summary = try simulate(singleSegmentScenario(customers: 100, paths: 2000, monthlyChurn: 0, churn: churn))
        #expect(within99(summary.survival[0].probability, of: expected), "\(summary.survival[0].probability) vs \(expected)")
    }

    /// A downturn every year that doubles the hazard: S(t) = (1 − p)^(2t).
    @Test func certainDownturnMultipliesTheHazard() throws {
        var scenario = singleSegmentScenario(monthlyChurn: 0.03)
        scenario.downturn = Downturn(annualProbability: 1, hazardMultiplier: .fixed(2), correlation: [[1]])
        let summary = try simulate(scenario)
        for point in summary.survival {
            #expect(within99(point.probability, of: pow(0.97, 2 * Double(point.month))), "month \(point.month)")
        }
    }

    /// Downturn indicators: probability p per segment and year; perfectly correlated segments
    /// share their years, independent ones coincide with probability p².
    @Test func downturnYearsFollowTheCopula() throws {
        func coincidence(_ rho: Double) throws -> (both: Double, first: Double) {
            let plan = try DownturnPlan(
                Downturn(annualProbability: 0.3, hazardMultiplier: .fixed(2), correlation: [[1, rho], [rho, 1]]),
                horizonMonths: 120)
            var both = 0, first = 0, total = 0
            for path in 0..<4000 {
                var stream = RandomStream(seed: 5, stream: UInt64(path))
                let years = plan.yearMultipliers(using: &stream)
                for y in 0..<10 {
                    total += 1
                    if years[0][y] > 1 { first += 1 }
                    if years[0][y] > 1 && years[1][y] > 1 { both += 1 }
                }
            }
            return (Double(both) / Double(total), Double(first) / Double(total))
        }
        let se = (0.3 * 0.7 / 40_000).squareRoot()
        let independent = try coincidence(0), perfect = try coincidence(1)
        #expect(abs(independent.first - 0.3) <= z99 * se)
        #expect(abs(independent.both - 0.09) <= z99 * (0.09 * 0.91 / 40_000).squareRoot())
        #expect(perfect.both == perfect.first)
    }

    /// Expansion e: NRR of year 1 = (1 + e)(1 − p)¹², GRR = (1 − p)¹²; profit with cost to
    /// serve c: E[NPV] = m·g·Σ_{k<H} v^k G(k)(1 − p)^k − c·Σ_{k<H} v^k (1 − p)^k − CAC.
    @Test func expansionAndCostToServe() throws {
        let revenue = RevenueDynamics(
            expansionAnnual: .fixed(0.12), contractionAnnual: .fixed(0.02), priceUpliftAtRenewal: .fixed(0),
            costToServeMonthly: .fixed(10))
        let summary = try simulate(singleSegmentScenario(monthlyChurn: 0.03, revenue: revenue))
        let nrr = try #require(summary.retention.netRevenueRetention.first)
        let grr = try #require(summary.retention.grossRevenueRetention.first)
        let growth: Double = 1.12 * 0.98
        #expect(within99(nrr.value.estimate, of: growth * pow(0.97, 12)), "\(nrr.value)")
        #expect(within99(grr.value.estimate, of: pow(0.97, 12)), "\(grr.value)")
        let v: Double = pow(1.1, -1.0 / 12)
        let g: Double = pow(growth, 1.0 / 12)
        let revenueSum = (0..<60).reduce(0.0) { $0 + pow(v * 0.97, Double($1)) * pow(g, Double($1)) }
        let costSum = (0..<60).reduce(0.0) { $0 + pow(v * 0.97, Double($1)) }
        #expect(within99(summary.profitPerCustomer.estimate, of: 100 * 0.8 * revenueSum - 10 * costSum - 300))
        let ltv = try #require(summary.unitEconomics.lifetimeValue)
        #expect(within99(ltv, of: 100 * 0.8 * revenueSum - 10 * costSum))
        #expect(summary.unitEconomics.acquisitionCost == 300)
    }

    /// A 5% price uplift at each annual renewal: ARR at month 12 steps up by 5% for those who renew.
    @Test func renewalUpliftRaisesRevenueAtRenewal() throws {
        let revenue = RevenueDynamics(
            expansionAnnual: .fixed(0), contractionAnnual: .fixed(0), priceUpliftAtRenewal: .fixed(0.05),
            costToServeMonthly: .fixed(0))
        let summary = try simulate(singleSegmentScenario(monthlyChurn: 0.02, term: 12, revenue: revenue))
        let q: Double = 1 - Foundation.pow(0.98, 12.0)
        let arr12 = summary.annualRecurringRevenueByMonth[12].value.estimate
        #expect(within99(arr12, of: 12 * 400 * 100 * 1.05 * (1 - q)))
        let arr11 = summary.annualRecurringRevenueByMonth[11].value.mean
        #expect(arr11 == 12 * 400 * 100)  // nobody leaves before the first renewal
    }

    /// sBG on annual contracts: survival after k renewals is S(k) = B(α, β + k)/B(α, β).
    @Test func shiftedBetaGeometricRetentionCurve() throws {
        let model = try ShiftedBetaGeometric(alpha: 0.704, beta: 1.182)
        let summary = try simulate(singleSegmentScenario(
            monthlyChurn: 0, term: 12, churn: .shiftedBetaGeometric(alpha: 0.704, beta: 1.182)))
        for (k, point) in summary.survival.enumerated() {
            #expect(within99(point.probability, of: model.survival(period: k + 1)), "renewal \(k + 1)")
        }
    }

    /// A Weibull model file: with monthly billing, P(L > t) = S(t) of the fitted model.
    @Test func fittedWeibullModelFileDrivesChurn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-engine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let asOf = try #require(CalendarDate(iso: "2026-10-31"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let history = folder.appendingPathComponent("history.csv")
        try Data(SyntheticHistory(count: 1500, seed: 2, asOf: asOf).csv.utf8).write(to: history)
        let fit = HistoryFit(
            historyFile: history.path,
            specification: HistorySpecification(
                time: .duration(column: "tenure_months", event: "churned", entry: nil), covariates: ["sponsor_change"]),
            model: .weibull, outputDirectory: folder.appendingPathComponent("fit").path)
        let (summary, _) = try fit.execute()
        let model = try summary.survivalModel(covariates: ["sponsor_change": 1], stratum: nil, file: "fit")
        var scenario = singleSegmentScenario(monthlyChurn: 0, churn: .fitted(FittedChurnModel(
            file: "fit/fit.yaml", covariates: ["sponsor_change": 1], stratum: nil, monthsPerUnit: 1)))
        scenario.baseDirectory = folder.path
        let simulated = try simulate(scenario)
        for point in simulated.survival {
            #expect(within99(point.probability, of: model.survivalProbability(at: Double(point.month))), "month \(point.month)")
        }
    }

    @Test func missingModelFileIsAClearError() {
        var scenario = singleSegmentScenario(monthlyChurn: 0, churn: .fitted(FittedChurnModel(
            file: "nowhere/fit.yaml", covariates: [:], stratum: nil, monthsPerUnit: 1)))
        scenario.baseDirectory = "/tmp"
        #expect(throws: FittedModelError.self) { try SimulationPlan(scenario: scenario) }
    }
}

extension ChurnAndRevenueClosedFormTests {
    /// λ new logos a month from month 1 to 59, monthly churn p, no initial book: the expected
    /// count is 59λ and ARR at month t is 12·m·λ·Σ_{a=1}^{t} (1 − p)^(t − a); each new
    /// customer's NPV today is v^a (m·g·Σ_{k<H−a} (v(1 − p))^k − CAC).
    @Test func newLogosAddCustomersRevenueAndValue() throws {
        var scenario = singleSegmentScenario(customers: 0, paths: 400, monthlyChurn: 0.04)
        scenario.segments[0].newBusiness = NewBusiness(perMonth: .fixed(30))
        let summary = try simulate(scenario)
        #expect(within99(summary.unitEconomics.newCustomers, of: 59 * 30))
        var retained = 0.0
        for a in 1...24 { retained += Foundation.pow(0.96, Double(24 - a)) }
        let arr24 = retained * 12 * 100 * 30
        #expect(within99(summary.annualRecurringRevenueByMonth[24].value.estimate, of: arr24))
        let v: Double = Foundation.pow(1.1, -1.0 / 12)
        var value = 0.0
        for a in 1...59 {
            var annuity = 0.0
            for k in 0..<(60 - a) { annuity += Foundation.pow(v * 0.96, Double(k)) }
            value += 30 * Foundation.pow(v, Double(a)) * (100 * 0.8 * annuity - 300)
        }
        #expect(within99(summary.unitEconomics.newBusinessValue, of: value))
        #expect(summary.netPresentValue.mean == summary.unitEconomics.newBusinessValue.mean)
    }

    /// Adding new logos leaves every draw of today's book unchanged (separate streams).
    @Test func newLogosDoNotDisturbTheBook() throws {
        var scenario = singleSegmentScenario(customers: 200, paths: 30, monthlyChurn: 0.04)
        let without = try simulate(scenario)
        scenario.segments[0].newBusiness = NewBusiness(perMonth: .fixed(10))
        let with = try simulate(scenario)
        #expect(with.profitPerCustomer == without.profitPerCustomer)
        #expect(with.cacPaybackMonth == without.cacPaybackMonth)
        #expect(with.retention == without.retention)
    }
}

extension ChurnAndRevenueClosedFormTests {
    /// Renewal probability at renewal k: (1 − p)^T for a constant rate; the sBG retention rate
    /// r_k = (β + k − 1)/(α + β + k − 1) for the shifted-beta-geometric model (Fader & Hardie 2007).
    @Test func renewalProbabilityAtEachRenewal() throws {
        let constant = try simulate(singleSegmentScenario(monthlyChurn: 0.02, term: 12))
        #expect(constant.retention.renewalProbability.map(\.month) == [12, 24, 36, 48, 60])
        for point in constant.retention.renewalProbability {
            #expect(within99(point.value.estimate, of: Foundation.pow(0.98, 12.0)), "renewal \(point.renewal)")
        }
        let (alpha, beta) = (0.704, 1.182)
        let sbg = try simulate(singleSegmentScenario(
            customers: 2000, monthlyChurn: 0, term: 12, churn: .shiftedBetaGeometric(alpha: alpha, beta: beta)))
        for point in sbg.retention.renewalProbability {
            let k = Double(point.renewal)
            #expect(within99(point.value.estimate, of: (beta + k - 1) / (alpha + beta + k - 1)), "renewal \(point.renewal)")
        }
    }
}
