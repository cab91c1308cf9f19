import ArgumentParser
import ChurnModel
import Foundation

extension FitModel: ExpressibleByArgument {}
extension TieMethod: ExpressibleByArgument {}

/// Confidence-interval types spelt as R's `conf.type`.
enum ConfTypeArgument: String, ExpressibleByArgument, CaseIterable {
    case plain, log, logLog = "log-log"

    var type: ConfidenceIntervalType {
        switch self {
        case .plain: .plain
        case .log: .log
        case .logLog: .logLog
        }
    }
}

/// `churnsim fit HISTORY.csv`: estimate a survival model from customer history.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a survival model to customer history and write fit.json, fit.yaml, tables and a report.",
        discussion: """
            Time comes from --duration and --event (any unit), or from --start-date and --end-date \
            (blank end = still active) with --as-of, giving months. Dates are YYYY-MM-DD or YYYY/MM/DD \
            (a time after the date is ignored); DD/MM/YYYY or MM/DD/YYYY are detected when the data \
            settles the order, else give --date-format. Cells that are empty, NA, N/A, #N/A, NaN, null \
            or None (any case) are missing.
            """)

    @Argument(help: "Customer history CSV (comma, semicolon or tab separated, with a header row).")
    var history: String

    @Option(help: "Model: \(FitModel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: FitModel

    @OptionGroup var columns: HistoryColumnOptions

    @Option(help: "Covariate columns, comma-separated (text columns become indicators COL=LEVEL).")
    var covariates: String?

    @Option(help: "Stratum column: one curve (KM/NA) or baseline hazard (Cox) per level.")
    var strata: String?

    @Option(help: "Cluster column for robust standard errors (Cox), e.g. a customer id.")
    var cluster: String?

    @Option(help: "Cox tie handling: efron or breslow.")
    var ties: TieMethod = .efron

    @Flag(help: "Robust (sandwich) standard errors for Cox; implied by --cluster.")
    var robust = false

    @Option(help: "Periods to project (sbg).")
    var periods: Int = 10

    @Option(name: .customLong("discount-rate"), help: "Discount rate per renewal period for the residual lifetime (sbg).")
    var discountRate: Double = 0.1

    @Option(help: "Case-weight column (positive numbers).")
    var weights: String?

    @Option(name: .customLong("conf-type"), help: "Survival CI type: plain, log or log-log (as R's conf.type).")
    var confType: ConfTypeArgument = .log

    @Option(name: .customLong("conf-level"), help: "Confidence level of every interval.")
    var confLevel: Double = 0.95

    @Option(name: .customLong("time-unit"), help: "Unit of --duration, for report axes and hazards (per month): months, days, weeks or years. Dates give months.")
    var timeUnit: TimeUnit?

    @Flag(help: "Print the wall time of each phase (read, fit, checks, report) to standard error.")
    var timings = false

    @Option(help: "Report folder (default: Reports/fit-<file>-<model>).")
    var output: String?

    func validate() throws {
        if model == .sbg {
            guard columns.duration == nil, columns.startDate == nil, covariates == nil else {
                throw ValidationError("--model sbg reads a CSV with columns period and active; it takes no time or covariate columns")
            }
            if periods < 1 { throw ValidationError("--periods must be at least 1") }
            if !(discountRate > 0) { throw ValidationError("--discount-rate must be positive") }
            return
        }
        try columns.validateTimeColumns()
        if !(confLevel > 0 && confLevel < 1) { throw ValidationError("--conf-level must be in (0, 1)") }
    }

    func run() throws {
        let fit = HistoryFit(
            historyFile: history, specification: specification(), model: model,
            confidenceIntervalType: confType.type, confidenceLevel: confLevel, coxTies: ties,
            robust: robust || cluster != nil, projectionPeriods: periods, discountRate: discountRate,
            timeUnit: timeUnit, outputDirectory: output)
        var phases = FitTimings()
        let (summary, directory) = try fit.execute(recording: &phases)
        if timings { FileHandle.standardError.write(Data("timings: \(phases)\n".utf8)) }
        for warning in summary.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        print("Fitted \(summary.model) to \(summary.n) rows (\(summary.events) events).")
        print("Report written to \(directory.path)/")
    }

    private func specification() -> HistorySpecification {
        columns.specification(
            covariates: HistoryColumnOptions.list(covariates), strata: strata, weights: weights, cluster: cluster)
    }
}
