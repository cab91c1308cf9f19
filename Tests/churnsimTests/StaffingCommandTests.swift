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

    /// A CS team that pays for itself at light loads (a CSM costs 1,000 a year), no grid.
    static let cheapCSMs = RunCommandTests.scenario + """

        customer_success:
          csm_cost_annual: 1000
          coverage: { SMB: 25 }
          effect: { hazard_ratio: 0.7, reference_accounts_per_csm: 20 }
        """

    func staffing(_ scenario: String, _ arguments: [String]) throws -> (CLIResult, URL) {
        let directory = try CLIHarness.temporaryDirectory()
        try Data(scenario.utf8).write(to: directory.appendingPathComponent("plan.yaml"))
        let result = try CLIHarness.run(["staffing", "plan.yaml", "--paths", "20", "--output", "out"] + arguments, in: directory)
        return (result, directory)
    }

    func results(_ directory: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("out/results.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func segment(_ directory: URL) throws -> [String: Any] {
        try #require((try results(directory)["segments"] as? [[String: Any]])?.first)
    }

    /// `--ratios` replaces the grid (tech-touch only when listed); `--ratio-range` steps it.
    @Test(arguments: [
        (["--ratios", "10,30,tech-touch"], [nil, 10, 30] as [Double?]),
        (["--ratios", "30,10"], [10, 30]),
        (["--ratio-range", "10:50:20"], [nil, 10, 30, 50]),
    ])
    func flagsOverrideTheGrid(arguments: [String], loads: [Double?]) throws {
        let (result, directory) = try staffing(Self.withCS, arguments)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "\(result.standardError)")
        let points = try #require(try segment(directory)["points"] as? [[String: Any]])
        #expect(points.map { $0["accounts_per_csm"] as? Double } == loads)
        let csv = try String(contentsOf: directory.appendingPathComponent("out/staffing_smb.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + loads.count)
        #expect(csv.hasPrefix("coverage,net_value,net_value_p10,net_value_p90,best_on_share_of_paths,status"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/staffing_smb_team.csv").path))
        let shares = points.compactMap { $0["share_of_paths_best"] as? Double }
        #expect(shares.count == loads.count && abs(shares.reduce(0, +) - 1) < 1e-9)
    }

    /// Unconstrained the best ratio is 20 accounts (3 CSMs); at most 2 CSMs, by flag or by
    /// scenario field, it becomes 25, and lighter ratios are marked infeasible.
    @Test(arguments: [
        (Self.cheapCSMs, ["--max-headcount", "2"]),
        (Self.cheapCSMs + "\nstaffing: { max_headcount: 2 }", []),
        (Self.cheapCSMs, ["--budget", "2500"]),
    ])
    func capChangesTheBestRatio(scenario: String, arguments: [String]) throws {
        let (free, freeDirectory) = try staffing(Self.cheapCSMs, ["--ratio-range", "5:50:5"])
        defer { try? FileManager.default.removeItem(at: freeDirectory) }
        #expect(free.status == 0, "\(free.standardError)")
        #expect(try segment(freeDirectory)["best_accounts_per_csm"] as? Double == 20)
        let (capped, directory) = try staffing(scenario, ["--ratio-range", "5:50:5"] + arguments)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(capped.status == 0, "\(capped.standardError)")
        #expect(capped.standardOutput.contains("SMB: best coverage 25 (2 CSMs"), "\(capped.standardOutput)")
        #expect(try segment(directory)["best_accounts_per_csm"] as? Double == 25)
        let points = try #require(try segment(directory)["points"] as? [[String: Any]])
        for point in points {
            let load = point["accounts_per_csm"] as? Double ?? .infinity
            #expect(point["feasible"] as? Bool == (load >= 25), "\(point)")
        }
    }

    /// Bad grids are usage errors; a cap nothing fits is a clear error; both exit 2, no report.
    @Test(arguments: [
        (["--ratios", "10,abc"], "'abc' is not accounts per CSM ≥ 1 or tech-touch"),
        (["--ratio-range", "50:10:5"], "expected FROM:TO:STEP"),
        (["--ratios", "10", "--ratio-range", "10:50:10"], "give --ratios or --ratio-range, not both"),
        (["--ratios", "10,20", "--max-headcount", "0"], "SMB: no coverage tried keeps the CS team within at most 0 CSMs"),
    ])
    func badStaffingArgumentsExitTwo(arguments: [String], message: String) throws {
        let (result, directory) = try staffing(Self.withCS, arguments)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
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
