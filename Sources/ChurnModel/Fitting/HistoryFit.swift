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
    /// Cox options (ties, robust variance); also supplies nothing to other models.
    public var coxTies: TieMethod
    /// Whether Cox standard errors are robust (sandwich, by cluster when given).
    public var robust: Bool
    /// Periods to project for the shifted-beta-geometric model.
    public var projectionPeriods: Int
    /// Discount rate per renewal period for the shifted-beta-geometric residual lifetime.
    public var discountRate: Double
    /// Unit of a duration column, for the report's axes and hazard units; dates give months.
    public var timeUnit: TimeUnit?
    /// Output folder; defaults to `Reports/fit-<file stem>-<model>`.
    public var outputDirectory: String?

    /// Describes a fit.
    public init(
        historyFile: String, specification: HistorySpecification, model: FitModel,
        confidenceIntervalType: ConfidenceIntervalType = .log, confidenceLevel: Double = 0.95,
        coxTies: TieMethod = .efron, robust: Bool = false, projectionPeriods: Int = 10, discountRate: Double = 0.1,
        timeUnit: TimeUnit? = nil, outputDirectory: String? = nil
    ) {
        self.historyFile = historyFile
        self.specification = specification
        self.model = model
        self.confidenceIntervalType = confidenceIntervalType
        self.confidenceLevel = confidenceLevel
        self.coxTies = coxTies
        self.robust = robust
        self.projectionPeriods = projectionPeriods
        self.discountRate = discountRate
        self.timeUnit = timeUnit
        self.outputDirectory = outputDirectory
    }

    /// Loads the data, fits the model and writes `fit.json`, `fit.yaml`, tables and `summary.md` atomically.
    /// - Throws: ``DataError`` for bad input (nothing is written), or an estimation error.
    public func execute() throws -> (summary: FitSummary, directory: URL) {
        var timings = FitTimings()
        return try execute(recording: &timings)
    }

    /// ``execute()``, recording the wall time of each phase (`read`, which includes taking the
    /// report's sample of customers, `fit`, `checks` for the Cox proportional-hazards test,
    /// `report`) in `timings`.
    public func execute(recording timings: inout FitTimings) throws -> (summary: FitSummary, directory: URL) {
        let summary: FitSummary
        var history: SampledHistory?
        if model == .sbg {
            let counts = try timings.measure("read") { try CohortCountsLoader.load(path: historyFile, delimiter: specification.delimiter) }
            summary = try timings.measure("fit") {
                let fit = try ShiftedBetaGeometricFit(activeCounts: counts, confidenceLevel: confidenceLevel)
                return try FitSummary(shiftedBetaGeometric: fit, periods: projectionPeriods, discountRate: discountRate)
            }
        } else {
            var specification = specification
            specification.positiveDurations = model.parametricFamily != nil
            let loaded = try timings.measure("read") { [specification] in
                try HistoryLoader.load(path: historyFile, specification: specification)
            }
            // What the report needs, taken now: the fit frees the covariate matrix.
            history = timings.measure("read") { SampledHistory(loaded.table) }
            summary = try fit(consume loaded, recording: &timings)
        }
        let stem = URL(fileURLWithPath: historyFile).deletingPathExtension().lastPathComponent
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/fit-\(ScenarioRun.slug(stem))-\(model.rawValue)")
        try timings.measure("report") {
            let report = try FitReport.model(
                summary: summary, historyFile: historyFile, sampledHistory: history, timeUnit: reportTimeUnit,
                confidenceLevel: confidenceLevel)
            try ReportDirectory.write(try FitReport.files(summary: summary, model: report), to: directory)
        }
        return (summary, directory)
    }

    /// The unit of the fitted durations: months for dates, else the one given.
    private var reportTimeUnit: TimeUnit? {
        if case .dates = specification.time { return .months }
        return timeUnit
    }

    /// Fits the chosen model (any but `sbg`, which reads cohort counts) to loaded history,
    /// recording how its covariates were encoded.
    public func fit(_ history: LoadedHistory) throws -> FitSummary {
        var timings = FitTimings()
        return try fit(history, recording: &timings)
    }

    /// Fits `history`, taking it over so a Cox fit can free the covariate matrix once its
    /// design is built.
    private func fit(_ history: consuming LoadedHistory, recording timings: inout FitTimings) throws -> FitSummary {
        let encodings = history.covariates
        var summary = try estimate(history, recording: &timings)
        summary.covariateEncodings = encodings.isEmpty ? nil : encodings.map(FitCovariateEncoding.init)
        return summary
    }

    private func estimate(_ history: consuming LoadedHistory, recording timings: inout FitTimings) throws -> FitSummary {
        switch model {
        case .cox:
            let (table, warnings) = (history.table, history.warnings)
            _ = consume history
            return try coxSummary(table, warnings: warnings, recording: &timings)
        case .exponential, .weibull, .lognormal, .loglogistic:
            let options = try ParametricOptions(confidenceLevel: confidenceLevel)
            let family = model.parametricFamily ?? .weibull
            let fit = try timings.measure("fit") {
                try ParametricRegression(options: options).fit(history.table, family: family)
            }
            return FitSummary(parametric: fit, warnings: history.warnings)
        case .sbg:
            throw DataError.invalidTable(
                file: historyFile, reason: "the sbg model reads cohort counts (columns period, active), not customer rows")
        case .km:
            let options = try KaplanMeierOptions(confidenceLevel: confidenceLevel, confidenceIntervalType: confidenceIntervalType)
            let fit = try timings.measure("fit") { try KaplanMeierEstimator(options: options).fit(history.table) }
            return FitSummary(kaplanMeier: fit, table: history.table, warnings: history.warnings)
        case .na:
            let options = try NelsonAalenOptions(confidenceLevel: confidenceLevel)
            let fit = try timings.measure("fit") { try NelsonAalenEstimator(options: options).fit(history.table) }
            return FitSummary(nelsonAalen: fit, table: history.table, warnings: history.warnings)
        }
    }

    /// The Cox fit of `table` (taken over: its covariates are freed once the fit's design is
    /// built) with its proportional-hazards test, which reads the fit's design before the fit
    /// frees that too.
    private func coxSummary(
        _ table: consuming EventTable, warnings: [String], recording timings: inout FitTimings
    ) throws -> FitSummary {
        let engine = try CoxProportionalHazards(
            options: CoxOptions(ties: coxTies, confidenceLevel: confidenceLevel, robust: robust))
        let partial = try timings.measure("fit", handingOver: consume table) { try engine.estimate($0) }
        var warnings = warnings
        var proportionality: CoxProportionalityTest?
        do {
            proportionality = try timings.measure("checks") { try partial.proportionalityTest() }
        } catch {
            warnings.append("proportional-hazards test not available: \(error)")
        }
        let fit = timings.measure("fit", handingOver: consume partial) { $0.completed() }
        return FitSummary(cox: fit, proportionality: proportionality, warnings: warnings)
    }
}
