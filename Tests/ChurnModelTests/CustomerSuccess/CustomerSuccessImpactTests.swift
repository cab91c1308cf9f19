import Foundation
import Testing
@testable import ChurnModel

/// CS value with and without CS on common random numbers.
@Suite struct CustomerSuccessImpactTests {
    func impact(_ scenario: Scenario, cs: CustomerSuccess) throws -> CustomerSuccessImpact {
        let with = PortfolioSimulator(plan: try SimulationPlan(scenario: scenario, hazardRatios: cs.hazardRatios())).run(threads: 2, keepingPathTotals: true)
        let without = PortfolioSimulator(plan: try SimulationPlan(scenario: scenario)).run(threads: 2, keepingPathTotals: true)
        return CustomerSuccessImpact(customerSuccess: cs, withCS: with, withoutCS: without)
    }

    /// Hazard ratio 1: identical paths, so every retained amount is exactly 0 and net = −cost.
    @Test func ratioOneRetainsExactlyNothing() throws {
        let scenario = singleSegmentScenario(paths: 100, monthlyChurn: 0.03, term: 12)
        let cs = CustomerSuccess(
            csmCostAnnual: 100_000, coverage: [.accountsPerCSM(50)],
            effect: CoverageEffect(hazardRatio: 1, referenceAccountsPerCSM: 25))
        let result = try impact(scenario, cs: cs)
        for summary in [result.retainedLogos, result.retainedArrAtHorizon, result.retainedNetPresentValue] {
            #expect(summary == AmountSummary(mean: 0, standardError: 0, p10: 0, p50: 0, p90: 0))
        }
        #expect(result.segments[0].headcount == 8)
        #expect(result.netValue.p10 == -result.costNetPresentValue && result.netValue.p90 == -result.costNetPresentValue)
        #expect(result.probabilityPaysForItself == 0)
    }

    /// Constant churn p, fixed MRR m, margin g, no discounting, monthly terms: the retained
    /// NPV per customer is m·g·Σ_{k=1}^{H} [(1 − p)^{h(k−1)} − (1 − p)^{k−1}], within the 99% CI.
    @Test func retainedValueMatchesClosedForm() throws {
        let (p, h, horizon, customers) = (0.04, 0.75, 36, 400)
        let scenario = singleSegmentScenario(customers: customers, horizon: horizon, monthlyChurn: p, cac: 0, discount: 0)
        let cs = CustomerSuccess(
            csmCostAnnual: 120_000, coverage: [.accountsPerCSM(25)],
            effect: CoverageEffect(hazardRatio: h, referenceAccountsPerCSM: 25))
        let result = try impact(scenario, cs: cs)
        let perCustomer = (1...horizon).reduce(0.0) { sum, k in
            sum + pow(1 - p, h * Double(k - 1)) - pow(1 - p, Double(k - 1))
        }
        let truth = 100 * 0.8 * Double(customers) * perCustomer
        #expect(within99(result.retainedNetPresentValue.estimate, of: truth), "\(result.retainedNetPresentValue) vs \(truth)")
        #expect(result.costNetPresentValue == 16 * 120_000 * 3)
        let logos = Double(customers) * (pow(1 - p, h * Double(horizon)) - pow(1 - p, Double(horizon)))
        #expect(within99(result.retainedLogos.estimate, of: logos), "\(result.retainedLogos) vs \(logos)")
    }
}
