import Foundation
import Testing

/// End-to-end runs of the built binary: exit codes, messages and the files written.
@Suite struct RunCommandTests {
    static let scenario = """
        name: CLI check
        horizon_months: 24
        paths: 20
        seed: 9
        segments:
          - name: SMB
            customers: 50
            mrr: 400
            gross_margin: 0.75
            cac: 2000
            churn: { monthly_rate: 0.04 }
        """

    func withScenario(_ text: String, _ body: (URL) throws -> Void) throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(text.utf8).write(to: directory.appendingPathComponent("plan.yaml"))
        try body(directory)
    }

    @Test func runWritesTheReportFiles() throws {
        try withScenario(Self.scenario) { directory in
            let result = try CLIHarness.run(["run", "plan.yaml", "--output", "out"], in: directory)
            #expect(result.status == 0, "\(result.standardError)")
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path)
            #expect(Set(files) == ["results.json", "report.html", "report.xlsx", "summary.md", "segments.csv", "arr_by_month.csv", "arr_by_year.csv", "assumptions.csv", "unit_economics.csv", "revenue_retention.csv", "renewal_probability.csv"])
            let json = try Data(contentsOf: directory.appendingPathComponent("out/results.json"))
            let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let portfolio = try #require(object["portfolio"] as? [String: Any])
            #expect(portfolio["cac_payback_month"] != nil)
            #expect(portfolio["annual_recurring_revenue_by_month"] != nil)
        }
    }

    @Test func defaultOutputIsReportsSlugAndOverridesApply() throws {
        try withScenario(Self.scenario) { directory in
            let result = try CLIHarness.run(["run", "plan.yaml", "--paths", "3", "--seed", "5"], in: directory)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("Reports/cli-check"))
            let json = try Data(contentsOf: directory.appendingPathComponent("Reports/cli-check/results.json"))
            let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let run = try #require(object["run"] as? [String: Any])
            #expect(run["paths"] as? Int == 3)
            #expect(run["seed"] as? Int == 5)
        }
    }

    @Test(arguments: [
        ("customers: 50", "customers: -50", "plan.yaml:7:16", "segments[0].customers"),
        ("monthly_rate: 0.04", "monthly_rate: 4", "plan.yaml:11:28", "segments[0].churn.monthly_rate"),
        ("gross_margin: 0.75", "gross_margn: 0.75", "plan.yaml:9:5", "did you mean 'gross_margin'"),
        ("horizon_months: 24\n", "", "plan.yaml:1:", "horizon_months: missing required key"),
        ("mrr: 400", "mrr: [400", "plan.yaml:", "invalid YAML"),
    ])
    func badScenarioExitsTwoWithLocatedMessageAndNoReport(
        old: String, new: String, location: String, message: String
    ) throws {
        try withScenario(Self.scenario.replacingOccurrences(of: old, with: new)) { directory in
            let result = try CLIHarness.run(["run", "plan.yaml"], in: directory)
            #expect(result.status == 2)
            #expect(result.standardError.contains(location), "\(result.standardError)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Reports").path))
        }
    }

    @Test func missingFileAndBadArgumentsExitTwo() throws {
        try withScenario(Self.scenario) { directory in
            let missing = try CLIHarness.run(["run", "nope.yaml"], in: directory)
            #expect(missing.status == 2)
            #expect(missing.standardError.contains("nope.yaml"))
            let badPaths = try CLIHarness.run(["run", "plan.yaml", "--paths", "0"], in: directory)
            #expect(badPaths.status == 2)
        }
    }

    @Test func bundledExampleScenarioIsValid() throws {
        let example = CLIHarness.packageRoot.appendingPathComponent("Scenarios/example.yaml").path
        try withScenario(Self.scenario) { directory in
            let result = try CLIHarness.run(["run", example, "--paths", "2", "--output", "out"], in: directory)
            #expect(result.status == 0, "\(result.standardError)")
        }
    }
}

extension RunCommandTests {
    /// Percentiles beyond the horizon and infinite lifetimes are explicit `null`s, not missing keys.
    @Test func undefinedValuesAreExplicitNulls() throws {
        let noChurn = Self.scenario.replacingOccurrences(of: "monthly_rate: 0.04", with: "monthly_rate: 0")
            .replacingOccurrences(of: "cac: 2000", with: "cac: 2000000")
        try withScenario(noChurn) { directory in
            let result = try CLIHarness.run(["run", "plan.yaml", "--output", "out"], in: directory)
            #expect(result.status == 0, "\(result.standardError)")
            let text = try String(contentsOf: directory.appendingPathComponent("out/results.json"), encoding: .utf8)
            #expect(text.contains("\"expected_lifetime_months\" : null"))
            #expect(text.contains("\"p50\" : null"))
            #expect(!text.lowercased().contains("nan"))
        }
    }
}

extension RunCommandTests {
    /// Ctrl-C during a run: exit code 130 and no report folder, not even a hidden partial one.
    @Test func interruptedRunExits130AndLeavesNoReport() throws {
        let big = Self.scenario.replacingOccurrences(of: "paths: 20", with: "paths: 100000")
            .replacingOccurrences(of: "customers: 50", with: "customers: 5000")
        try withScenario(big) { directory in
            let process = Process()
            process.executableURL = try CLIHarness.executable
            process.arguments = ["run", "plan.yaml", "--output", "out/report"]
            process.currentDirectoryURL = directory
            process.standardError = Pipe()
            process.standardOutput = Pipe()
            try process.run()
            Thread.sleep(forTimeInterval: 1.0)
            process.interrupt()
            process.waitUntilExit()
            #expect(process.terminationStatus == 130)
            let out = directory.appendingPathComponent("out")
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }
}
