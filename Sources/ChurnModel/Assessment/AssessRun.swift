import Foundation

/// The library entry point of `churnsim assess`: customer history → a random train/test split →
/// each model fitted on the training rows → its predictions for the test rows assessed against
/// the flat Kaplan–Meier forecast, every model on the same split → `assessment.json`, tables and a
/// report, written atomically.
public struct AssessRun: Sendable {
    /// Path of the history CSV.
    public var historyFile: String
    /// Columns and how to read them (covariates and strata as for `fit`).
    public var specification: HistorySpecification
    /// The models to assess (any but `sbg`), the first the one asked for, the rest compared with it.
    public var models: [FitModel]
    /// The train/test split.
    public var split: HoldoutSplit
    /// Times at which the predictions are assessed, ascending, in the history's unit.
    public var times: [Double]
    /// Output folder; defaults to `Reports/assess-<file stem>-<first model>`.
    public var outputDirectory: String?

    /// Describes an assessment.
    public init(
        historyFile: String, specification: HistorySpecification, models: [FitModel], split: HoldoutSplit, times: [Double],
        outputDirectory: String? = nil
    ) {
        self.historyFile = historyFile
        self.specification = specification
        self.models = models.reduce(into: []) { unique, model in if !unique.contains(model) { unique.append(model) } }
        self.split = split
        self.times = times.sorted()
        self.outputDirectory = outputDirectory
    }

    /// How the metrics are computed, written into `assessment.json` and the report.
    static let conventions = [
        "censoring survival Ĝ: Kaplan–Meier of the training rows (events leave the risk set first), read at Tᵢ (scikit-survival's convention)",
        "risk score for Harrell's and Uno's C and AUC(t): predicted churn by the last time, 1 − Ŝ(t_K); Uno's τ is t_K",
        "integrated Brier score: trapezoid over the times, divided by t_K − t_1",
        "null model of IPA: the training rows' Kaplan–Meier curve (no strata) for every test row",
    ]

    /// Loads, splits, fits, predicts, assesses and writes the report.
    /// - Throws: ``DataError`` for bad input, ``AssessmentError`` when a metric is undefined (a time
    ///   outside the test follow-up), or the fit's error; nothing is written then.
    public func execute() throws -> (assessments: [ModelAssessment], directory: URL) {
        guard let first = models.first, !models.contains(.sbg) else {
            throw DataError.invalidTable(file: historyFile, reason: "assess needs customer rows and a model other than sbg (which reads cohort counts)")
        }
        var specification = specification
        specification.positiveDurations = models.contains { $0.parametricFamily != nil }
        let history = try HistoryLoader.load(path: historyFile, specification: specification)
        let (trainRows, testRows) = split.rows(count: history.table.count)
        guard trainRows.count >= 2, testRows.count >= 2 else {
            throw DataError.invalidTable(
                file: historyFile, reason: "the split leaves \(trainRows.count) training and \(testRows.count) test rows; both need at least 2")
        }
        let train = history.table.subset(rows: trainRows)
        let test = history.table.subset(rows: testRows)
        let pooled = try EventTable(durations: train.durations, events: train.events, entryTimes: train.entryTimes)
        let km = try KaplanMeierEstimator().fit(pooled)
        let null = times.map { km.survivalProbability(at: $0) ?? 1 }
        let trainHistory = LoadedHistory(
            table: train, covariates: history.covariates, droppedRows: [], warnings: [], treatment: nil, revenue: nil)
        let assessments = try models.map { model in
            let fit = try HistoryFit(historyFile: historyFile, specification: specification, model: model).fit(trainHistory)
            let usesCovariates = fit.model != "kaplan_meier" && fit.model != "nelson_aalen"
            let survival = try (0..<test.count).map { row in
                let covariates = usesCovariates
                    ? Dictionary(uniqueKeysWithValues: test.covariateNames.enumerated().map { ($1, test.covariates![row, $0]) }) : [:]
                let curve = try fit.survivalModel(covariates: covariates, stratum: test.strata?[row], file: historyFile)
                return times.map { curve.survivalProbability(at: $0) }
            }
            return try ModelAssessment(
                model: model.rawValue, train: train, test: test, survival: survival, null: null, times: times, fit: fit)
        }.withAkaikeWeights()
        let stem = URL(fileURLWithPath: historyFile).deletingPathExtension().lastPathComponent
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/assess-\(ScenarioRun.slug(stem))-\(first.rawValue)")
        let summary = AssessmentSummary(
            models: assessments, split: .init(kind: "random", testShare: split.testShare, seed: split.seed), times: times,
            conventions: Self.conventions)
        let report = AssessReport.model(summary: summary, historyFile: historyFile, generatedAt: Date())
        let files = try ReportFiles.rendered(report, after: [{ [(name: "assessment.json", contents: try ReportFiles.json(summary))] }])
        try ReportDirectory.write(files, to: directory)
        return (assessments, directory)
    }
}

/// What `churnsim assess` writes to `assessment.json` (snake_case keys).
public struct AssessmentSummary: Sendable, Equatable, Codable {
    /// The split.
    public struct Split: Sendable, Equatable, Codable {
        /// `random`.
        public let kind: String
        /// Share of rows held out.
        public let testShare: Double
        /// Seed of the split.
        public let seed: UInt64
    }

    /// One assessment per model.
    public let models: [ModelAssessment]
    /// The split.
    public let split: Split
    /// The times assessed.
    public let times: [Double]
    /// How every metric is computed.
    public let conventions: [String]
}
