import Foundation
import Testing

/// `churnsim validate`: all problems and warnings at once, exit 2 only for problems.
@Suite struct ValidateCommandTests {
    @Test func reportsEveryProblemOfEveryFileAndExitsTwo() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = RunCommandTests.scenario
            .replacingOccurrences(of: "customers: 50", with: "customers: -50")
            .replacingOccurrences(of: "gross_margin: 0.75", with: "gross_margin: 7.5")
        try Data(bad.utf8).write(to: directory.appendingPathComponent("bad.yaml"))
        try Data(RunCommandTests.scenario.utf8).write(to: directory.appendingPathComponent("good.yaml"))
        let result = try CLIHarness.run(["validate", "good.yaml", "bad.yaml"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("good.yaml: valid"))
        #expect(result.standardOutput.contains("bad.yaml: 2 problem(s)"))
        #expect(result.standardError.contains("bad.yaml:7:16: segments[0].customers"))
        #expect(result.standardError.contains("bad.yaml:9:19: segments[0].gross_margin"))
        #expect(result.standardError.contains("warning: paths"))
    }

    @Test func bundledScenariosAreValid() throws {
        let folder = CLIHarness.packageRoot.appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        let result = try CLIHarness.run(["validate"] + files, in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        // The one warning: cs-from-history.yaml shows from_fit, whose CSM coefficient is unadjusted
        // (cs-from-effect.yaml is the adjusted version).
        let warnings = result.standardError.split(separator: "\n")
        #expect(warnings.count == 1, "\(result.standardError)")
        #expect(warnings.allSatisfy { $0.hasPrefix("cs-from-history.yaml:") && $0.contains("from_fit") && $0.contains("unadjusted") })
    }
}
