import Foundation
import Testing

/// End-to-end `churnsim staffing`: a report with one table per CSM-covered segment; a scenario
/// without customer_success is bad input.
@Suite struct StaffingCommandTests {
    static let withCS = RunCommandTests.scenario + """

        customer_success:
          csm_cost_annual: 120000
          coverage: { SMB: 25 }
          effect: { hazard_ratio: 0.7, reference_accounts_per_csm: 20 }
        staffing: { accounts_per_csm: { from: 10, to: 50, steps: 5 } }
        """

    @Test func sweepWritesReportWithBestCoverage() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.withCS.utf8).write(to: directory.appendingPathComponent("plan.yaml"))
        let result = try CLIHarness.run(["staffing", "plan.yaml", "--paths", "10", "--output", "out"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("SMB: best coverage"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path)
        #expect(Set(files).isSuperset(of: ["report.html", "summary.md", "staffing_smb.csv"]))
        let csv = try String(contentsOf: directory.appendingPathComponent("out/staffing_smb.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 1 + 5)  // header, tech-touch, five ratios
    }

    @Test func scenarioWithoutCustomerSuccessExitsTwo() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(RunCommandTests.scenario.utf8).write(to: directory.appendingPathComponent("plan.yaml"))
        let result = try CLIHarness.run(["staffing", "plan.yaml"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("needs a customer_success section"))
    }
}

/// End-to-end `churnsim sensitivity`.
@Suite struct SensitivityCommandTests {
    @Test func tornadoReportNamesTheBiggestDriver() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = RunCommandTests.scenario.replacingOccurrences(
            of: "monthly_rate: 0.04", with: "monthly_rate: { triangular: [0.02, 0.04, 0.07] }")
        try Data(scenario.utf8).write(to: directory.appendingPathComponent("plan.yaml"))
        let result = try CLIHarness.run(["sensitivity", "plan.yaml", "--paths", "10", "--output", "out"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("The biggest driver of portfolio NPV is SMB churn rate (per month)"))
        let csv = try String(contentsOf: directory.appendingPathComponent("out/tornado.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 2)
    }
}
