import ArgumentParser
import ChurnModel
import Foundation

/// `churnsim assess HISTORY.csv --model M --split random:Q --times T1,T2`: how well a model fitted
/// on part of the history predicts the churn of the rest.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Fit a model on part of the history and measure how well it predicts churn on the rest.",
        discussion: """
            Holds out a random share of the rows, fits the model on the others, and scores the held-out rows: \
            Harrell's and Uno's C, cumulative/dynamic AUC(t), the IPCW Brier score, the integrated Brier score and \
            IPA against a flat Kaplan-Meier forecast, in scikit-survival's conventions (stated in the report). \
            Writes assessment.json, summary.md, report.html, report.xlsx and CSV tables.
            """)

    @Argument(help: "Customer history CSV (comma, semicolon or tab separated, with a header row).")
    var history: String

    @Option(help: "Model: \(FitModel.allCases.filter { $0 != .sbg }.map(\.rawValue).joined(separator: ", ")).")
    var model: FitModel

    @OptionGroup var columns: HistoryColumnOptions

    @Option(help: ArgumentHelp("Other models to assess on the same split, comma-separated.", valueName: "M1,M2,..."))
    var compare: String?

    @Option(help: "Covariate columns, comma-separated (text columns become indicators COL=LEVEL).")
    var covariates: String?

    @Option(help: "Stratum column (KM curves or Cox baselines per level).")
    var strata: String?

    @Option(help: ArgumentHelp("How to split: random:Q holds out a share Q of the rows (e.g. random:0.3).", valueName: "random:Q"))
    var split: String = "random:0.3"

    @Option(help: "Seed of the random split.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Times at which predictions are assessed, comma-separated, in the history's unit.", valueName: "T1,T2,..."))
    var times: String

    @Option(help: "Report folder (default: Reports/assess-<file>-<model>).")
    var output: String?

    func validate() throws {
        try columns.validateTimeColumns()
        guard let models = parsedModels else {
            throw ValidationError("--compare takes model names separated by commas: \(FitModel.allCases.filter { $0 != .sbg }.map(\.rawValue).joined(separator: ", "))")
        }
        if models.contains(.sbg) { throw ValidationError("assess needs customer rows; the sbg model reads cohort counts") }
        if testShare == nil {
            throw ValidationError("--split takes random:Q with Q in (0, 1), e.g. random:0.3 (k-fold and cutoff splits are not available yet)")
        }
        if parsedTimes == nil { throw ValidationError("--times takes positive numbers separated by commas, got '\(times)'") }
    }

    private var testShare: Double? {
        let parts = split.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0] == "random", let share = Double(parts[1]), share > 0, share < 1 else { return nil }
        return share
    }

    private var parsedTimes: [Double]? { HistoryColumnOptions.positiveNumbers(times) }

    /// `--model` then the `--compare` models; nil when a name is unknown.
    private var parsedModels: [FitModel]? {
        let others = HistoryColumnOptions.list(compare).map { FitModel(rawValue: $0) }
        guard others.allSatisfy({ $0 != nil }) else { return nil }
        return [model] + others.compactMap { $0 }
    }

    func run() throws {
        let specification = columns.specification(
            covariates: HistoryColumnOptions.list(covariates), strata: strata, weights: nil, cluster: nil)
        let run = AssessRun(
            historyFile: history, specification: specification, models: parsedModels ?? [model],
            split: HoldoutSplit(testShare: testShare ?? 0.3, seed: seed), times: parsedTimes ?? [], outputDirectory: output)
        let (assessments, directory) = try run.execute()
        for assessment in assessments { print(assessment.verdict.prefix(1).uppercased() + assessment.verdict.dropFirst() + ".") }
        print("Report written to \(directory.path)/")
    }
}
