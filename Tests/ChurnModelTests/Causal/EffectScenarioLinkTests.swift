import Foundation
import RealModule
import Testing
@testable import ChurnModel

/// `customer_success.effect: { from_effect: effect.json }`: a scenario draws the CSM's log hazard
/// ratio per path from `churnsim effect`'s weighted estimate and robust SE, and a plain `from_fit`
/// coefficient is flagged as unadjusted.
@Suite struct EffectScenarioLinkTests {
    /// Runs `churnsim effect`'s pipeline on the synthetic CS history into a fresh folder.
    static func effectFolder() throws -> (URL, CausalEffect) {
        let history = try #require(Bundle.module.url(forResource: "cs_confounded_history", withExtension: "csv", subdirectory: "Fixtures"))
        var specification = HistorySpecification(
            time: .duration(column: "tenure_months", event: "churned", entry: nil), covariates: ["segment", "health_score", "tickets"])
        specification.treatment = "csm"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cs-effect-\(UUID().uuidString)")
        let run = EffectRun(
            historyFile: history.path, specification: specification, options: try CausalEffectOptions(),
            outputDirectory: folder.appendingPathComponent("effect").path)
        let (effect, _, _, _) = try run.execute()
        return (folder, effect)
    }

    @Test func scenarioCarriesTheWeightedEstimateAndItsRobustError() throws {
        let (folder, effect) = try Self.effectFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try EstimatedCoverageEffectTests.load(
            EstimatedCoverageEffectTests.scenario(effect: "{ from_effect: effect/effect.json, reference_accounts_per_csm: 40 }"),
            in: folder)
        let coverage = try #require(scenario.customerSuccess?.effect)
        let estimate = try #require(coverage.estimate)
        #expect(estimate.source == .effect)
        #expect(estimate.kind == .assigned)
        #expect(estimate.covariate == "csm")
        #expect(estimate.coefficient == effect.hazardRatio.logEstimate)
        #expect(estimate.standardError == effect.hazardRatio.standardError)
        #expect(coverage.hazardRatio == Double.exp(effect.hazardRatio.logEstimate))
        #expect(coverage.isDrawnPerPath)
    }

    @Test(arguments: [
        ("{ from_effect: effect/effect.json, hazard_ratio: 0.8, reference_accounts_per_csm: 40 }", "no hazard_ratio"),
        ("{ from_effect: effect/missing.json, reference_accounts_per_csm: 40 }", "effect.json written by churnsim effect"),
        ("{ from_effect: effect/unbalanced.json, reference_accounts_per_csm: 40 }", "not balanced"),
    ])
    func badLinksAreLocatedErrors(effect: String, message: String) throws {
        let (folder, _) = try Self.effectFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try String(contentsOf: folder.appendingPathComponent("effect/effect.json"), encoding: .utf8)
        try json.replacingOccurrences(of: "\"lowers_churn\"", with: "\"not_balanced\"")
            .write(to: folder.appendingPathComponent("effect/unbalanced.json"), atomically: true, encoding: .utf8)
        #expect {
            _ = try EstimatedCoverageEffectTests.load(EstimatedCoverageEffectTests.scenario(effect: effect), in: folder)
        } throws: { error in
            String(describing: error).contains(message) && String(describing: error).contains("customer_success.effect")
        }
    }

    @Test func fromFitOnACSMFlagIsWarnedAsUnadjusted() throws {
        let folder = try EstimatedCoverageEffectTests.fitFolder(standardError: 0.05)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scenario.yaml").path
        let check = ScenarioLoader.check(
            yaml: EstimatedCoverageEffectTests.scenario(
                effect: "{ from_fit: fit.yaml, covariate: csm_assigned, reference_accounts_per_csm: 40 }"),
            file: file)
        #expect(check.scenario != nil)
        #expect(check.warnings.contains { $0.keyPath == "customer_success.effect.from_fit" && "\($0)".contains("unadjusted") })
    }
}
