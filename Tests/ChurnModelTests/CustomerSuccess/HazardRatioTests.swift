import Foundation
import Testing
@testable import ChurnModel

/// The engine's per-segment hazard ratio: identity at 1, closed form for constant churn.
@Suite struct HazardRatioTests {
    /// Hazard ratio 1 leaves every number bit-identical (fast path and general path).
    @Test(arguments: [1, 12])
    func ratioOneIsBitIdentical(term: Int) throws {
        let sbg = singleSegmentScenario(paths: 50, monthlyChurn: 0, term: term, churn: .shiftedBetaGeometric(alpha: 1, beta: 3))
        for scenario in [singleSegmentScenario(paths: 50, monthlyChurn: 0.04, term: term), sbg] {
            let plain = RunSummary(outcome: PortfolioSimulator(plan: try SimulationPlan(scenario: scenario)).run(threads: 2))
            let withOne = RunSummary(
                outcome: PortfolioSimulator(plan: try SimulationPlan(scenario: scenario, hazardRatios: [1])).run(threads: 2))
            #expect(plain == withOne)
        }
    }

    /// Constant monthly churn p with hazard ratio h: S(12) = (1 − p)^(12h), within the 99% CI.
    @Test(arguments: [(0.03, 0.75), (0.05, 0.5), (0.02, 1.4)])
    func survivalIsPowerOfRetention(p: Double, h: Double) throws {
        let scenario = singleSegmentScenario(monthlyChurn: p)
        let plan = try SimulationPlan(scenario: scenario, hazardRatios: [h])
        let summary = RunSummary(outcome: PortfolioSimulator(plan: plan).run(threads: 2)).segments[0]
        for point in summary.survival {
            let truth = pow(1 - p, Double(point.month) * h)
            #expect(within99(point.probability, of: truth), "month \(point.month): \(point.probability) vs \(truth)")
        }
    }

    /// The general path (a model hazard) scales the cumulative hazard: an sBG with ratio h
    /// has S(t) = (B(α, β + n)/B(α, β))^h after n terms; checked with α = 1 (S = (β/(β + n))^h).
    @Test func modelHazardIsScaled() throws {
        let scenario = singleSegmentScenario(monthlyChurn: 0, churn: .shiftedBetaGeometric(alpha: 1, beta: 3))
        let plan = try SimulationPlan(scenario: scenario, hazardRatios: [0.6])
        let summary = RunSummary(outcome: PortfolioSimulator(plan: plan).run(threads: 2)).segments[0]
        for point in summary.survival {
            let truth = pow(3 / (3 + Double(point.month)), 0.6)
            #expect(within99(point.probability, of: truth), "month \(point.month): \(point.probability) vs \(truth)")
        }
    }
}
