import Foundation
import Testing
@testable import ChurnModel

/// Tornado analysis: inputs found, ordered by swing, monotone on common random numbers, and
/// the base run equal to a run with every uncertain input at its median.
@Suite struct SensitivityAnalysisTests {
    func scenario() -> Scenario {
        var scenario = singleSegmentScenario(
            customers: 300, paths: 60, monthlyChurn: 0, churn: .rate(.triangular(minimum: 0.01, mode: 0.03, maximum: 0.06), per: .month),
            revenue: RevenueDynamics(
                expansionAnnual: .triangular(minimum: 0, mode: 0.02, maximum: 0.04), contractionAnnual: .fixed(0),
                priceUpliftAtRenewal: .fixed(0), costToServeMonthly: .fixed(5)))
        scenario.downturn = Downturn(annualProbability: 0.2, hazardMultiplier: .triangular(minimum: 1, mode: 1.5, maximum: 3), correlation: [[1]])
        return scenario
    }

    @Test func uncertainInputsAreTheDistributionsDrawnPerPath() {
        let names = SensitivityAnalysis.uncertainInputs(of: scenario()).map(\.name)
        #expect(names == ["only churn rate (per month)", "only expansion (per year)", "Downturn hazard multiplier"])
    }

    /// Lower churn, more expansion and milder downturns each give a higher NPV on every path
    /// (same random numbers), so the P10/P90 order is exact; the largest swing comes first.
    @Test func swingsAreMonotoneAndSorted() throws {
        let analysis = try SensitivityAnalysis(scenario: scenario(), paths: nil, threads: 2)
        let byName = Dictionary(uniqueKeysWithValues: analysis.inputs.map { ($0.name, $0) })
        let churn = try #require(byName["only churn rate (per month)"])
        let expansion = try #require(byName["only expansion (per year)"])
        let downturn = try #require(byName["Downturn hazard multiplier"])
        #expect(churn.netPresentValueAtLow > analysis.baseNetPresentValue)
        #expect(analysis.baseNetPresentValue > churn.netPresentValueAtHigh)
        #expect(expansion.netPresentValueAtHigh > expansion.netPresentValueAtLow)
        #expect(downturn.netPresentValueAtLow > downturn.netPresentValueAtHigh)
        #expect(zip(analysis.inputs, analysis.inputs.dropFirst()).allSatisfy { $0.swing >= $1.swing })
        #expect(abs(churn.low - ValueDistribution.Sampler(.triangular(minimum: 0.01, mode: 0.03, maximum: 0.06)).value(fromUniform: 0.1)) < 1e-15)
    }

    @Test func baseEqualsARunWithMedians() throws {
        let analysis = try SensitivityAnalysis(scenario: scenario(), paths: nil, threads: 1)
        var medians = scenario()
        for knob in SensitivityAnalysis.uncertainInputs(of: medians) { knob.set(&medians, .fixed(knob.quantile(0.5))) }
        let summary = RunSummary(outcome: PortfolioSimulator(plan: try SimulationPlan(scenario: medians)).run(threads: 2))
        #expect(summary.portfolio.netPresentValue.mean == analysis.baseNetPresentValue)
    }
}
