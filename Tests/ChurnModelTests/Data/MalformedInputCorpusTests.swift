import Foundation
import Testing
@testable import ChurnModel

/// Every file of the malformed-input corpus (Fixtures/Malformed, made by
/// scripts/make-malformed-corpus.py from truncations, deletions, wrong values and random byte
/// flips of valid inputs) must be rejected with an error: never accepted, never a crash or hang.
@Suite struct MalformedInputCorpusTests {
    func corpus(_ kind: String) throws -> [URL] {
        let folder = try #require(Bundle.module.url(forResource: kind, withExtension: nil, subdirectory: "Fixtures/Malformed"))
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func corpusHoldsAtLeastTwoHundredInputs() throws {
        #expect(try corpus("scenarios").count + corpus("csv").count >= 200)
    }

    @Test func everyMalformedScenarioIsRejectedWithALocatedProblem() throws {
        for file in try corpus("scenarios") {
            do {
                let check = try ScenarioLoader.check(contentsOf: file.path)
                #expect(check.scenario == nil, "\(file.lastPathComponent) was accepted")
                #expect(check.problems.allSatisfy { $0.file == file.path }, "\(file.lastPathComponent)")
            } catch let error as ScenarioError {
                guard case .unreadable = error else { Issue.record("\(file.lastPathComponent): \(error)"); continue }
            }
        }
    }

    @Test func everyMalformedHistoryIsRejected() throws {
        let specification = HistorySpecification(
            time: .duration(column: "tenure", event: "churned", entry: nil), covariates: ["plan", "logins"])
        for file in try corpus("csv") {
            let fit = HistoryFit(historyFile: file.path, specification: specification, model: .cox)
            #expect(throws: (any Error).self, "\(file.lastPathComponent) was accepted") {
                try fit.fit(try HistoryLoader.load(path: file.path, specification: specification))
            }
        }
    }
}
