import Foundation
import Testing
@testable import ChurnModel

/// Warnings reach the reports, not only the terminal, and a `--paths` override is judged
/// like the scenario's own path count (issue 23, point 9).
@Suite struct ReportWarningsTests {
    /// ShardMergeTests' scenario with its path count replaced by `paths`.
    static func scenario(paths: Int) -> String {
        ShardMergeTests.scenario.replacingOccurrences(of: "paths: 23", with: "paths: \(paths)")
    }

    @Test func pathsOverrideIsJudgedOnThePathsSimulated() throws {
        let own = try LoadedScenario(text: Self.scenario(paths: 50), file: "plan.yaml", paths: nil)
        #expect(own.warnings.map(\.keyPath) == ["paths"])
        #expect(own.warnings[0].description.contains("warning: paths: fewer than 100 paths make percentiles across paths rough"))
        let raised = try LoadedScenario(text: Self.scenario(paths: 50), file: "plan.yaml", paths: 500)
        #expect(raised.warnings.isEmpty)
        let lowered = try LoadedScenario(text: Self.scenario(paths: 5000), file: "plan.yaml", paths: 5)
        #expect(lowered.warnings.map(\.description) == ["plan.yaml: warning: --paths 5: fewer than 100 paths make percentiles across paths rough"])
    }

    @Test func runReportShowsEveryWarningFirst() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-warn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("plan.yaml").path
        try Data(Self.scenario(paths: 5000).utf8).write(to: URL(fileURLWithPath: file))
        let output = root.appendingPathComponent("report")
        let (_, _, warnings) = try ScenarioRun(scenarioFile: file, paths: 5, threads: 1, outputDirectory: output.path).execute()
        let message = try #require(warnings.first).description
        #expect(message.hasSuffix("--paths 5: fewer than 100 paths make percentiles across paths rough"))
        let summary = try String(contentsOf: output.appendingPathComponent("summary.md"), encoding: .utf8)
        let section = try #require(summary.range(of: "## Warnings\n\n- \(message)\n"))
        #expect(section.lowerBound < (summary.range(of: "- Median CAC payback")?.lowerBound ?? summary.startIndex))
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        let warningsHTML = try #require(html.range(of: "<section id=\"warnings\" class=\"warnings\">"))
        #expect(html.contains("<li>\(HTMLEscaping.escape(message))</li>"))
        #expect(warningsHTML.lowerBound < (html.range(of: "id=\"key-figures\"")?.lowerBound ?? html.startIndex))

        let quiet = root.appendingPathComponent("quiet")
        _ = try ScenarioRun(scenarioFile: file, paths: 200, threads: 1, outputDirectory: quiet.path).execute()
        let plain = try String(contentsOf: quiet.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(!plain.contains("## Warnings"))
    }
}
