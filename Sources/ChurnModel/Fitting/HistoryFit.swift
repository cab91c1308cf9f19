import Foundation
import Yams

/// The library entry point of `churnsim fit`: customer-history CSV → fitted model → files.
public struct HistoryFit: Sendable {
    /// Path of the history CSV.
    public var historyFile: String
    /// Columns and how to read them.
    public var specification: HistorySpecification
    /// Model to fit.
    public var model: FitModel
    /// Confidence-interval type for survival curves.
    public var confidenceIntervalType: ConfidenceIntervalType
    /// Confidence level for every interval.
    public var confidenceLevel: Double
    /// Output folder; defaults to `Reports/fit-<file stem>-<model>`.
    public var outputDirectory: String?

    /// Describes a fit.
    public init(
        historyFile: String, specification: HistorySpecification, model: FitModel,
        confidenceIntervalType: ConfidenceIntervalType = .log, confidenceLevel: Double = 0.95, outputDirectory: String? = nil
    ) {
        self.historyFile = historyFile
        self.specification = specification
        self.model = model
        self.confidenceIntervalType = confidenceIntervalType
        self.confidenceLevel = confidenceLevel
        self.outputDirectory = outputDirectory
    }

    /// Loads the data, fits the model and writes `fit.json`, `fit.yaml`, tables and `summary.md` atomically.
    /// - Throws: ``DataError`` for bad input (nothing is written), or an estimation error.
    public func execute() throws -> (summary: FitSummary, directory: URL) {
        let history = try HistoryLoader.load(path: historyFile, specification: specification)
        let summary = try fit(history)
        let stem = URL(fileURLWithPath: historyFile).deletingPathExtension().lastPathComponent
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/fit-\(ScenarioRun.slug(stem))-\(model.rawValue)")
        let report = FitReport.model(summary: summary, historyFile: historyFile)
        try ReportDirectory.write(try FitReport.files(summary: summary, model: report), to: directory)
        return (summary, directory)
    }

    /// Fits the chosen model to loaded history.
    public func fit(_ history: LoadedHistory) throws -> FitSummary {
        switch model {
        case .km:
            let options = try KaplanMeierOptions(confidenceLevel: confidenceLevel, confidenceIntervalType: confidenceIntervalType)
            let fit = try KaplanMeierEstimator(options: options).fit(history.table)
            return FitSummary(kaplanMeier: fit, table: history.table, warnings: history.warnings)
        case .na:
            let options = try NelsonAalenOptions(confidenceLevel: confidenceLevel)
            let fit = try NelsonAalenEstimator(options: options).fit(history.table)
            return FitSummary(nelsonAalen: fit, table: history.table, warnings: history.warnings)
        }
    }
}
