import Foundation

/// The library entry point of `churnsim score`: current customers + fitted model → ranked
/// accounts at risk, written as `scores.csv`, a report and row errors.
public struct ScoreRun: Sendable {
    /// Path of the customers CSV.
    public var customersFile: String
    /// Path of the fit (`fit.yaml` or `fit.json`).
    public var fitFile: String
    /// Columns and contract term.
    public var specification: ScoringSpecification
    /// Report folder; defaults to `Reports/score-<file stem>`.
    public var outputDirectory: String?

    /// Describes a scoring run.
    public init(customersFile: String, fitFile: String, specification: ScoringSpecification, outputDirectory: String? = nil) {
        self.customersFile = customersFile
        self.fitFile = fitFile
        self.specification = specification
        self.outputDirectory = outputDirectory
    }

    /// Scores every account and writes the report atomically (rows that cannot be scored are
    /// listed in `row_errors.csv` and the report, the others are scored).
    /// - Throws: ``FittedModelError`` or ``DataError`` when the fit or the file is unusable.
    public func execute() throws -> (scores: [AccountScore], rowErrors: [DataError], directory: URL) {
        let fit = try FittedModelFile.load(path: fitFile)
        let (scores, errors) = try AccountScoring.score(path: customersFile, fit: fit, fitFile: fitFile, specification: specification)
        let stem = URL(fileURLWithPath: customersFile).deletingPathExtension().lastPathComponent
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/score-\(ScenarioRun.slug(stem))")
        let model = ScoreReport.model(
            scores: scores, rowErrors: errors, customersFile: customersFile, fitFile: fitFile, model: fit.model)
        try ReportDirectory.write(try ReportFiles.rendered(model), to: directory)
        return (scores, errors, directory)
    }
}
