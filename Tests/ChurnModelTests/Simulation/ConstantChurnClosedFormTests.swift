import Foundation
import Testing
@testable import ChurnModel

/// Monte Carlo estimates against closed forms for constant churn, each within its 99% CI.
///
/// With monthly churn p and term T, a customer leaves at each renewal with probability
/// q = 1 − (1 − p)^T, so the lifetime is T·K with K geometric on {1, 2, …}:
/// E[L] = T/q and P(L ≥ k) = (1 − q)^⌊(k−1)/T⌋. Gross profit m·g is received at the start of
/// each active month, discounted by v^(k−1) with v = (1 + r)^(−1/12), so
/// E[NPV] = E[m]·g·Σ_{k=1}^{H} v^(k−1)·P(L ≥ k) − CAC.
@Suite struct ConstantChurnClosedFormTests {
    /// Expected discounted gross profit per unit of monthly gross profit, by direct summation.
    func expectedAnnuity(monthlyChurn p: Double, term: Int, horizon: Int, discount r: Double) -> Double {
        let q = 1 - pow(1 - p, Double(term))
        let v = pow(1 + r, -1.0 / 12)
        return (1...horizon).reduce(0.0) { sum, k in
            sum + pow(v, Double(k - 1)) * pow(1 - q, Double((k - 1) / term))
        }
    }

    @Test(arguments: [(0.05, 1), (0.02, 12), (0.01, 24)])
    func expectedLifetimeMatchesGeometricMean(monthlyChurn: Double, term: Int) throws {
        let summary = try simulate(singleSegmentScenario(monthlyChurn: monthlyChurn, term: term))
        let q = 1 - pow(1 - monthlyChurn, Double(term))
        let lifetime = try #require(summary.expectedLifetimeMonths)
        #expect(within99(lifetime, of: Double(term) / q), "\(lifetime) vs \(Double(term) / q)")
    }

    @Test(arguments: [(0.05, 1), (0.02, 12), (0.01, 24)])
    func profitPerCustomerMatchesDiscountedGrossProfit(monthlyChurn: Double, term: Int) throws {
        let summary = try simulate(singleSegmentScenario(monthlyChurn: monthlyChurn, term: term))
        let truth = 100 * 0.8 * expectedAnnuity(monthlyChurn: monthlyChurn, term: term, horizon: 60, discount: 0.1) - 300
        #expect(within99(summary.profitPerCustomer.estimate, of: truth), "\(summary.profitPerCustomer.estimate) vs \(truth)")
    }

    @Test func lognormalRevenueUsesItsMean() throws {
        let mrr = ValueDistribution.lognormal(median: 100, sigma: 0.5)
        let summary = try simulate(singleSegmentScenario(monthlyChurn: 0.04, mrr: mrr))
        let truth = 100 * exp(0.125) * 0.8 * expectedAnnuity(monthlyChurn: 0.04, term: 1, horizon: 60, discount: 0.1) - 300
        #expect(within99(summary.profitPerCustomer.estimate, of: truth))
        let arr12 = summary.annualRecurringRevenueByMonth[12].value.estimate
        #expect(within99(arr12, of: 12 * 400 * 100 * exp(0.125) * pow(0.96, 12)))
    }

    @Test func survivalAtCheckpointsIsCompoundedRetention() throws {
        let summary = try simulate(singleSegmentScenario(monthlyChurn: 0.03))
        for point in summary.survival {
            #expect(within99(point.probability, of: pow(0.97, Double(point.month))), "month \(point.month)")
        }
    }

    /// Fixed MRR 100, margin 0.8, CAC 300: payback at month ⌈300/80⌉ = 4, reached only by
    /// customers with L ≥ 4, so the share never paid back is 1 − (1 − p)³.
    @Test func paybackMonthAndShareNeverPaidBack() throws {
        let p = 0.1
        let summary = try simulate(singleSegmentScenario(monthlyChurn: p))
        let payback = summary.cacPaybackMonth
        let truth = 1 - pow(1 - p, 3)
        let customers = Double(400 * 300)
        let se = (truth * (1 - truth) / customers).squareRoot()
        #expect(abs(payback.shareNeverPaidBack - truth) <= z99 * se)
        #expect(payback.p10 == 4)
        #expect(payback.p50 == 4)
        #expect(payback.p90 == nil)  // more than 10% never pay back: the top decile is "beyond horizon"
    }

    @Test func noChurnMeansInfiniteLifetimeAndFullSurvival() throws {
        let summary = try simulate(singleSegmentScenario(customers: 50, paths: 20, monthlyChurn: 0))
        #expect(summary.expectedLifetimeMonths == nil)
        #expect(summary.restrictedMeanLifetimeMonths.mean == 60)
        #expect(summary.survival.allSatisfy { $0.probability.mean == 1 })
    }

    @Test func resultsDoNotDependOnThreadCount() throws {
        let scenario = singleSegmentScenario(customers: 200, paths: 37, monthlyChurn: 0.05,
                                             mrr: .lognormal(median: 100, sigma: 0.4))
        let plan = try SimulationPlan(scenario: scenario)
        let one = RunSummary(outcome: PortfolioSimulator(plan: plan).run(threads: 1))
        let three = RunSummary(outcome: PortfolioSimulator(plan: plan).run(threads: 3))
        #expect(one == three)
    }

    @Test func differentSeedsGiveDifferentPaths() throws {
        let a = try simulate(singleSegmentScenario(customers: 100, paths: 10, monthlyChurn: 0.05, seed: 1))
        let b = try simulate(singleSegmentScenario(customers: 100, paths: 10, monthlyChurn: 0.05, seed: 2))
        #expect(a.profitPerCustomer.mean != b.profitPerCustomer.mean)
    }
}
