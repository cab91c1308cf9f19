import Foundation
import Testing
@testable import ChurnModel

/// Simulating some of a plan's segments gives each of them exactly its totals in a run of the
/// whole portfolio: customers keep their substreams and the path's laws do not depend on
/// which segments are simulated.
@Suite struct SegmentSubsetTests {
    /// Every segment alone, on every path, against the whole portfolio: totals and customer
    /// distributions bit-identical. `scenario` has per-path churn draws, new logos and
    /// correlated downturns; the second run has a book and fitted parameters drawn per path.
    func expectSegmentsAloneMatchWholePortfolio(_ plan: SimulationPlan) {
        let segments = plan.segments.count
        let empty = Array(repeating: CustomerDistributions(horizonMonths: plan.horizonMonths), count: segments)
        let whole = PathSimulator(plan: plan)
        for segment in 0..<segments {
            let alone = PathSimulator(plan: plan, segments: [segment])
            var wholeDistributions = empty, aloneDistributions = empty
            for path in 0..<plan.paths {
                let all = whole.simulate(path: path, distributions: &wholeDistributions)
                #expect(alone.simulate(path: path, distributions: &aloneDistributions) == [all[segment]], "segment \(segment) path \(path)")
            }
            #expect(aloneDistributions[segment] == wholeDistributions[segment])
        }
    }

    @Test func customerSuccessScenarioSegmentsAlone() throws {
        let scenario = try customerSuccessScenario(paths: 30)
        let cs = try #require(scenario.customerSuccess)
        expectSegmentsAloneMatchWholePortfolio(try SimulationPlan(scenario: scenario, hazardRatios: cs.hazardRatios()))
    }

    @Test func bookWithParameterUncertaintySegmentsAlone() throws {
        let (folder, path) = try ParameterUncertaintyTests.folder(uncertainty: "true", paths: 30, customers: 40)
        defer { try? FileManager.default.removeItem(at: folder) }
        expectSegmentsAloneMatchWholePortfolio(try SimulationPlan(scenario: try ScenarioLoader.load(contentsOf: path)))
    }
}
