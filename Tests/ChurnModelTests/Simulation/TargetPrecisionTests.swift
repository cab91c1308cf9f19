import Foundation
import Testing
@testable import ChurnModel

/// `--target-rse`: paths are added in batches of 100 until the portfolio NPV's relative
/// standard error reaches the target; the result equals a plain run of that many paths.
@Suite struct TargetPrecisionTests {
    @Test func stopsAtTargetWithTheSameNumbersAsAPlainRun() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-rse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("plan.yaml").path
        try Data(ShardMergeTests.scenario.replacingOccurrences(of: "paths: 23", with: "paths: 5000").utf8)
            .write(to: URL(fileURLWithPath: file))
        let target = 0.01
        let adaptive = try ScenarioRun(
            scenarioFile: file, threads: 2, outputDirectory: root.appendingPathComponent("a").path,
            targetRelativeStandardError: target
        ).execute().summary
        let paths = adaptive.run.paths
        #expect(paths % 100 == 0 && paths < 5000)
        let npv = adaptive.portfolio.netPresentValue
        #expect(try #require(npv.standardError) / abs(npv.mean) <= target)
        let plain = try ScenarioRun(
            scenarioFile: file, paths: paths, threads: 1, outputDirectory: root.appendingPathComponent("b").path
        ).execute().summary
        #expect(plain == adaptive)
        let fewer = try ScenarioRun(
            scenarioFile: file, paths: paths - 100, threads: 1, outputDirectory: root.appendingPathComponent("c").path
        ).execute().summary.portfolio.netPresentValue
        #expect(try #require(fewer.standardError) / abs(fewer.mean) > target)
    }
}
