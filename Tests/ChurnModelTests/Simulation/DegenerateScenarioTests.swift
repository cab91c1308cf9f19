import Foundation
import Testing
@testable import ChurnModel

/// Monte Carlo at the edges: no customers, no horizon, churn 0 and churn 1. Each gives the
/// trivial result exactly (or a located error), and `results.json` encodes, which
/// `JSONEncoder` refuses to do for a NaN or an infinity.
@Suite struct DegenerateScenarioTests {
    func summary(_ scenario: Scenario) throws -> RunSummary {
        let summary = RunSummary(outcome: PortfolioSimulator(plan: try SimulationPlan(scenario: scenario)).run(threads: 2))
        _ = try JSONEncoder().encode(summary)
        return summary
    }

    @Test func zeroCustomersGiveZeroValueAndNoNaN() throws {
        let segment = try summary(singleSegmentScenario(customers: 0, paths: 20, monthlyChurn: 0.03)).segments[0]
        #expect(segment.customers == 0)
        #expect(segment.netPresentValue.mean == 0)
        #expect(segment.annualRecurringRevenueByMonth.allSatisfy { $0.value.mean == 0 })
    }

    @Test func zeroHorizonIsRejectedWithItsLine() {
        let yaml = """
            name: no time
            horizon_months: 0
            segments:
              - name: SMB
                customers: 10
                mrr: 100
                gross_margin: 0.8
                cac: 0
                churn: { monthly_rate: 0.03 }
            """
        let check = ScenarioLoader.check(yaml: yaml, file: "zero.yaml")
        #expect(check.scenario == nil)
        let problem = check.problems.first { $0.keyPath == "horizon_months" }
        #expect(problem?.line == 2, "\(check.problems)")
    }

    /// Churn 0: every customer stays; the NPV is the deterministic annuity
    /// 100 · 0.8 · Σ_{k<60} v^k − 300 per customer with v = 1.1^(−1/12), with no spread.
    @Test func churnZeroKeepsEveryCustomerForTheWholeHorizon() throws {
        let segment = try summary(singleSegmentScenario(customers: 50, paths: 20, monthlyChurn: 0)).segments[0]
        #expect(segment.survival.allSatisfy { $0.probability.mean == 1 })
        #expect(segment.expectedLifetimeMonths == nil)
        #expect(segment.restrictedMeanLifetimeMonths.mean == 60)
        let v = Foundation.pow(1.1, -1.0 / 12)
        let perCustomer = 100 * 0.8 * (0..<60).reduce(0.0) { $0 + Foundation.pow(v, Double($1)) } - 300
        #expect(abs(segment.profitPerCustomer.mean - perCustomer) < 1e-9 * abs(perCustomer))
        #expect(abs(segment.netPresentValue.mean - 50 * perCustomer) < 1e-9 * abs(50 * perCustomer))
        #expect(segment.netPresentValue.p5 == segment.netPresentValue.p95)
    }

    /// Churn 1: every customer pays its first month, 100 · 0.8, and leaves; survival is 0
    /// from month 1 and the lifetime is exactly one month.
    @Test func churnOneEndsEveryCustomerAfterOneMonth() throws {
        let segment = try summary(singleSegmentScenario(customers: 50, paths: 20, monthlyChurn: 1)).segments[0]
        #expect(segment.survival.allSatisfy { $0.probability.mean == 0 })
        #expect(segment.expectedLifetimeMonths?.mean == 1)
        #expect(segment.restrictedMeanLifetimeMonths.mean == 1)
        #expect(abs(segment.profitPerCustomer.mean - (80 - 300)) < 1e-9)
        #expect(segment.cacPaybackMonth.shareNeverPaidBack == 1)
        #expect(segment.annualRecurringRevenueByMonth.dropFirst().allSatisfy { $0.value.mean == 0 })
    }
}
