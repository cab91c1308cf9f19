import Foundation

/// The library entry point of `churnsim sensitivity`: scenario → tornado analysis → report.
public struct SensitivityRun: Sendable {
    /// Path of the scenario file.
    public var scenarioFile: String
    /// Paths per run instead of the scenario's, if set.
    public var paths: Int?
    /// Worker threads.
    public var threads: Int
    /// Report folder; defaults to `Reports/<scenario-slug>-sensitivity`.
    public var outputDirectory: String?

    /// Describes a sensitivity analysis.
    public init(scenarioFile: String, paths: Int? = nil, threads: Int, outputDirectory: String? = nil) {
        self.scenarioFile = scenarioFile
        self.paths = paths
        self.threads = threads
        self.outputDirectory = outputDirectory
    }

    /// Loads the scenario, runs the analysis and writes the report atomically.
    /// - Throws: ``ScenarioError`` for a bad scenario (nothing is written).
    public func execute() throws -> (analysis: SensitivityAnalysis, report: ReportModel, directory: URL) {
        let loaded = try LoadedScenario(contentsOf: scenarioFile, paths: paths)
        let scenario = loaded.scenario
        let analysis = try SensitivityAnalysis(scenario: scenario, paths: paths, threads: threads)
        let model = SensitivityReport.model(
            analysis: analysis, scenario: scenario, scenarioFile: scenarioFile, paths: paths ?? scenario.paths,
            warnings: loaded.warnings.map(\.description))
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/\(ScenarioRun.slug(scenario.name))-sensitivity")
        try ReportDirectory.write(try ReportFiles.rendered(model), to: directory)
        return (analysis, model, directory)
    }
}
