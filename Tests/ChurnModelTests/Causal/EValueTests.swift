@testable import ChurnModel
import Testing

/// E-values against the published examples.
@Suite struct EValueTests {
    /// VanderWeele & Ding (2017, Ann Intern Med 167:268), their worked example: a risk ratio of
    /// 3.9 has an E-value of 7.26 (printed to 2 decimals).
    @Test func riskRatioOfThreePointNineNeedsSevenPointTwoSix() {
        #expect(abs(EValue.of(riskRatio: 3.9) - 7.26) < 0.005)
        #expect(abs(EValue.of(riskRatio: 1 / 3.9) - 7.26) < 0.005)
    }

    /// A protective hazard ratio 0.56 (0.46–0.69): as a rare outcome (HR ≈ RR) the E-values are
    /// 2.97 and 2.26; as a common one (VanderWeele 2017's conversion (1 − 0.5^√HR)/(1 − 0.5^√(1/HR)))
    /// 2.35 and 1.91 — the values the E-value tables and R's `EValue::evalues.HR` print.
    @Test func protectiveHazardRatioRareAndCommon() {
        let rare = EValue(hazardRatio: 0.56, lower: 0.46, upper: 0.69, commonOutcome: false)
        #expect(abs(rare.estimate - 2.97) < 0.005)
        #expect(abs(rare.ci - 2.26) < 0.005)
        let common = EValue(hazardRatio: 0.56, lower: 0.46, upper: 0.69, commonOutcome: true)
        #expect(abs(common.estimate - 2.35) < 0.005)
        #expect(abs(common.ci - 1.91) < 0.005)
    }

    /// An interval that includes 1 has a CI E-value of exactly 1.
    @Test func intervalThroughOneGivesOne() {
        #expect(EValue(hazardRatio: 0.9, lower: 0.7, upper: 1.1, commonOutcome: true).ci == 1)
        #expect(EValue(hazardRatio: 1.2, lower: 0.95, upper: 1.5, commonOutcome: false).ci == 1)
    }
}
