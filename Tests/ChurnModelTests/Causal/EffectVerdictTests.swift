import Foundation
@testable import ChurnModel
import Testing

/// The verdict claims an effect only when every term is balanced after weighting.
@Suite struct EffectVerdictTests {
    /// Accounts with |x| > 1 mostly get a CSM: a propensity model linear in x cannot tell them
    /// apart (e is nearly flat), so after weighting the treated arm's x is still far more spread
    /// out (variance ratio well above 2) and no effect may be claimed.
    @Test func imbalancedVarianceRefusesToClaimAnEffect() throws {
        let n = 400
        let x = (0..<n).map { -2 + 4 * (Double($0) + 0.5) / Double(n) }
        // Every tenth account goes against the rule, so the arms overlap everywhere.
        let treated = x.indices.map { (abs(x[$0]) > 1) != ($0 % 10 == 0) }
        let durations = x.indices.map { 1 + Double(($0 * 37) % 24) }
        let events = x.indices.map { $0 % 3 != 0 }
        let table = try EventTable(
            durations: durations, events: events, covariates: Matrix(rows: n, columns: 1, columnMajor: x), covariateNames: ["x"])
        let effect = try CausalEffect(table: table, treated: treated, treatment: "csm", options: try CausalEffectOptions())
        let balance = try #require(effect.balance.first)
        #expect(try #require(balance.varianceRatioAfter) > 2)
        #expect(!effect.isBalanced)
        let verdict = EffectVerdict(effect)
        #expect(verdict.conclusion == .notBalanced)
        #expect(verdict.text.hasPrefix("No effect is claimed"))
        #expect(verdict.text.contains("x (SMD"))
    }

    /// With balance, the conclusion follows the weighted interval against 1.
    @Test func balancedConclusionFollowsTheInterval() throws {
        let effect = try CausalReference.syntheticEffect()
        let verdict = EffectVerdict(effect)
        #expect(effect.hazardRatio.ci95[1] < 1)
        #expect(verdict.conclusion == .lowersChurn)
        #expect(verdict.naiveDisagreement != nil)
    }
}
