import Testing
@testable import ChurnModel

/// The `customer_success` and `staffing` sections: parsing, located errors, the effect curve.
@Suite struct CustomerSuccessScenarioTests {
    static let valid = ScenarioValidationTests.valid + """

        customer_success:
          csm_cost_annual: 140000
          coverage: { SMB: tech_touch, Enterprise: 10 }
          effect: { hazard_ratio: 0.75, reference_accounts_per_csm: 25 }
        staffing: { accounts_per_csm: { from: 10, to: 200, steps: 20 } }
        """

    func problems(_ yaml: String) -> [ScenarioProblem] {
        ScenarioLoader.check(yaml: yaml, file: "plan.yaml").problems
    }

    @Test func validSectionIsRead() throws {
        let scenario = try ScenarioLoader.parse(yaml: Self.valid, file: "plan.yaml")
        let cs = try #require(scenario.customerSuccess)
        #expect(cs.csmCostAnnual == 140_000)
        #expect(cs.coverage == [.techTouch, .accountsPerCSM(10)])
        #expect(cs.effect == CoverageEffect(hazardRatio: 0.75, referenceAccountsPerCSM: 25))
        #expect(scenario.staffing?.grid == StaffingGrid(from: 10, to: 200, steps: 20))
        #expect(scenario.staffing?.grid?.ratios.count == 20)
        #expect(scenario.staffing?.grid?.ratios.first == 10 && scenario.staffing?.grid?.ratios.last == 200)
        #expect(scenario.staffing?.cap == StaffingCap.none)
        let capped = try ScenarioLoader.parse(
            yaml: Self.valid.replacingOccurrences(of: "steps: 20 } }", with: "steps: 20 }, budget_annual: 1_500_000, max_headcount: 9 }"),
            file: "plan.yaml")
        #expect(capped.staffing?.cap == StaffingCap(budgetAnnual: 1_500_000, maxHeadcount: 9))
    }

    /// Each bad key or value is reported with file, line and key path.
    @Test(arguments: [
        ("csm_cost_annual: 140000", "csm_cost: 140000", 22, "customer_success.csm_cost", "unknown key"),
        ("csm_cost_annual: 140000", "csm_cost_annual: -5", 22, "customer_success.csm_cost_annual", "expected"),
        ("Enterprise: 10 }", "Enterprise: 10, Mid: 4 }", 23, "customer_success.coverage.Mid", "unknown key"),
        ("Enterprise: 10 }", "Enterprise: lots }", 23, "customer_success.coverage.Enterprise", "tech_touch or"),
        ("SMB: tech_touch, ", "", 23, "customer_success.coverage.SMB", "missing required key"),
        ("hazard_ratio: 0.75", "hazard_ratio: 1.5", 24, "customer_success.effect.hazard_ratio", "(0, 1]"),
        ("hazard_ratio: 0.75", "hazard_ratios: 0.75", 24, "customer_success.effect.hazard_ratios", "did you mean"),
        ("to: 200", "to: 5", 25, "staffing.accounts_per_csm.to", "≥ from"),
        ("steps: 20", "step: 20", 25, "staffing.accounts_per_csm.step", "unknown key"),
        ("steps: 20 } }", "steps: 20 }, budget_annual: lots }", 25, "staffing.budget_annual", "whole CS team may cost"),
        ("steps: 20 } }", "steps: 20 }, max_headcount: -1 }", 25, "staffing.max_headcount", "an integer in"),
    ])
    func badKeysAreLocated(old: String, new: String, line: Int, keyPath: String, message: String) throws {
        let found = problems(Self.valid.replacingOccurrences(of: old, with: new))
        let problem = try #require(found.first { $0.keyPath == keyPath }, "\(found)")
        #expect(problem.line == line)
        #expect(problem.file == "plan.yaml")
        #expect(problem.description.contains(message), "\(problem)")
    }

    /// HR(ref) = HR_ref, HR(a) = HR_ref below ref (saturation), non-decreasing in a, → 1.
    @Test func effectCurveIsMonotoneAndBounded() {
        let effect = CoverageEffect(hazardRatio: 0.75, referenceAccountsPerCSM: 25)
        #expect(effect.hazardRatio(accountsPerCSM: 25) == 0.75)
        #expect(effect.hazardRatio(accountsPerCSM: 5) == 0.75)
        #expect(abs(effect.hazardRatio(accountsPerCSM: 75) - 0.875) < 1e-15)  // f(3·ref) = 1/2
        let loads = stride(from: 1.0, through: 10_000, by: 7).map { $0 }
        let ratios = loads.map { effect.hazardRatio(accountsPerCSM: $0) }
        #expect(zip(ratios, ratios.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(ratios.allSatisfy { $0 > 0 && $0 <= 1 })
        #expect(effect.hazardRatio(for: .techTouch) == 1)
    }

    @Test func headcountAndCost() {
        #expect(Coverage.accountsPerCSM(40).headcount(customers: 1500) == 38)
        #expect(Coverage.techTouch.headcount(customers: 1500) == 0)
        let cost = Coverage.accountsPerCSM(10).costNetPresentValue(
            customers: 95, csmCostAnnual: 120_000, months: 24, discount: MonthlyDiscount(annualRate: 0))
        #expect(cost == 10 * 120_000 * 2)
    }
}
