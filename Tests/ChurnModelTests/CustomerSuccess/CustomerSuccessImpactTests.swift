import Foundation
import Testing
@testable import ChurnModel

/// CS value with and without CS on common random numbers.
@Suite struct CustomerSuccessImpactTests {
    func impact(_ scenario: Scenario, cs: CustomerSuccess) throws -> CustomerSuccessImpact {
        try customerSuccessRun(scenario, cs: cs).1
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

    /// The impact folded path by path agrees with the former exact computation from every
    /// path's kept totals (with CS minus without, summed over segments): means and standard
    /// errors to rounding, P10/P50/P90 within the sketch's 1e-4, and the share of paths on
    /// which CS pays for itself exactly.
    @Test func foldedImpactMatchesExactPathByPath() throws {
        let scenario = try customerSuccessScenario(paths: 400)
        let cs = try #require(scenario.customerSuccess)
        let impact = try customerSuccessRun(scenario, cs: cs).1
        let with = keptPathTotals(try SimulationPlan(scenario: scenario, hazardRatios: cs.hazardRatios()))
        let without = keptPathTotals(try SimulationPlan(scenario: scenario))
        let horizon = scenario.horizonMonths
        func difference(_ value: (PathTotals) -> Double) -> [Double] {
            zip(with, without).map { $0.reduce(0) { $0 + value($1) } - $1.reduce(0) { $0 + value($1) } }
        }
        let cost = impact.costNetPresentValue
        #expect(cost == impact.segments.reduce(0) { $0 + $1.costNetPresentValue } && cost > 0)
        let retained = difference { $0.netPresentValue + $0.newBusinessValue }
        let net = retained.map { $0 - cost }
        #expect(agreesWithExact(impact.retainedLogos, difference { Double($0.activeCustomers[horizon]) }), "\(impact.retainedLogos)")
        #expect(agreesWithExact(impact.retainedArrAtHorizon, difference { $0.annualRecurringRevenue[horizon] }))
        #expect(agreesWithExact(impact.retainedNetPresentValue, retained), "\(impact.retainedNetPresentValue)")
        #expect(agreesWithExact(impact.netValue, net))
        let returnOnCost = try #require(impact.returnOnCost)
        #expect(agreesWithExact(returnOnCost, net.map { $0 / cost }, resolution: PathDistribution.ratio))
        let paidFor = net.filter { $0 > 0 }.count
        #expect(paidFor > 0 && paidFor < net.count)
        #expect(impact.probabilityPaysForItself == Double(paidFor) / Double(net.count))
    }

    /// Run and CS impact are bit-identical on 1 and 2 threads.
    @Test func threadCountDoesNotChangeTheImpact() throws {
        let scenario = try customerSuccessScenario(paths: 150)
        let cs = try #require(scenario.customerSuccess)
        let (summaryOne, one) = try customerSuccessRun(scenario, cs: cs, threads: 1)
        let (summaryTwo, two) = try customerSuccessRun(scenario, cs: cs, threads: 2)
        #expect(one == two)
        #expect(summaryOne == summaryTwo)
        #expect(one.retainedNetPresentValue.mean > 0)
    }
}
