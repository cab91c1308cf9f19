import Foundation

/// The library entry point of `churnsim run`: scenario file → simulation → report folder.
public struct ScenarioRun: Sendable {
    /// Path of the scenario file.
    public var scenarioFile: String
    /// Paths to simulate instead of the scenario's, if set.
    public var paths: Int?
    /// Seed instead of the scenario's, if set.
    public var seed: UInt64?
    /// Worker threads.
    public var threads: Int
    /// Report folder; defaults to `Reports/<scenario-name-slug>`.
    public var outputDirectory: String?

    /// Describes a run.
    public init(scenarioFile: String, paths: Int? = nil, seed: UInt64? = nil, threads: Int, outputDirectory: String? = nil) {
        self.scenarioFile = scenarioFile
        self.paths = paths
        self.seed = seed
        self.threads = threads
        self.outputDirectory = outputDirectory
    }

    /// Loads and validates the scenario, simulates it, and writes the report atomically.
    /// - Returns: the summary, the folder written and the scenario's plausibility warnings.
    /// - Throws: ``ScenarioError`` for a bad scenario (nothing is written), or a file-system error.
    public func execute() throws -> (summary: RunSummary, directory: URL, warnings: [ScenarioProblem]) {
        let check = try ScenarioLoader.check(contentsOf: scenarioFile)
        guard let scenario = check.scenario else { throw ScenarioError.invalid(problems: check.problems) }
        let plan = try SimulationPlan(scenario: scenario, paths: paths, seed: seed)
        let summary = RunSummary(outcome: PortfolioSimulator(plan: plan).run(threads: threads))
        let model = RunReport.model(summary: summary, scenario: scenario, scenarioFile: scenarioFile)
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/\(Self.slug(scenario.name))")
        try ReportDirectory.write(try RunReport.files(summary: summary, model: model), to: directory)
        return (summary, directory, check.warnings)
    }

    /// A file-name-safe form of a scenario name: lower case, runs of other characters as `-`.
    public static func slug(_ name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber, character.isASCII {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "scenario" : slug
    }
}
