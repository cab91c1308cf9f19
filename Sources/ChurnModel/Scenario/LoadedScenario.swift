/// A valid scenario as a command runs it: the scenario, its text, and every warning that
/// applies to that run (the scenario's own, with the path-count warning judged on the paths
/// actually simulated).
public struct LoadedScenario: Sendable {
    /// The validated scenario.
    public let scenario: Scenario
    /// The scenario file's text, as read.
    public let text: String
    /// Plausibility warnings, in line order; a `--paths` warning (no line) comes last.
    public let warnings: [ScenarioProblem]

    /// Reads and checks the scenario at `path`.
    /// - Parameter paths: the paths the command simulates instead of the scenario's, if any.
    /// - Throws: ``ScenarioError`` when the file is unreadable or invalid.
    public init(contentsOf path: String, paths: Int?) throws {
        let text: String
        do {
            text = try InputFile.text(at: path)
        } catch {
            throw ScenarioError.unreadable(file: path, reason: error.reason)
        }
        try self.init(text: text, file: path, paths: paths)
    }

    /// Checks scenario text (see ``init(contentsOf:paths:)``); `file` names it in messages.
    public init(text: String, file: String, paths: Int?) throws {
        let check = ScenarioLoader.check(yaml: text, file: file)
        guard let scenario = check.scenario else { throw ScenarioError.invalid(problems: check.problems) }
        self.scenario = scenario
        self.text = text
        guard let paths, paths != scenario.paths else {
            warnings = check.warnings
            return
        }
        var warnings = check.warnings.filter { $0.keyPath != "paths" }
        if paths < ScenarioLoader.fewestPlausiblePaths {
            warnings.append(ScenarioProblem(
                file: file, line: nil, column: nil, keyPath: "--paths \(paths)",
                kind: .implausibleValue(reason: ScenarioLoader.fewPathsReason)))
        }
        self.warnings = warnings
    }
}
