import ArgumentParser
import ChurnModel
import Foundation

extension FitModel: ExpressibleByArgument {}
extension TieMethod: ExpressibleByArgument {}
extension HistorySpecification.MissingValuePolicy: ExpressibleByArgument {}

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

    @Option(help: "Duration column (time observed).")
    var duration: String?

    @Option(help: "Event column (1/0, true/false, yes/no: 1 = churned).")
    var event: String?

    @Option(help: "Late-entry time column (subject at risk on (entry, duration]).")
    var entry: String?

    @Option(name: .customLong("start-date"), help: "Start date column.")
    var startDate: String?

    @Option(name: .customLong("end-date"), help: "End date column; blank while active.")
    var endDate: String?

    @Option(name: .customLong("as-of"), help: "Date at which active customers are censored (YYYY-MM-DD).")
    var asOf: String?

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

    @Option(help: "Reference level of a categorical covariate, as COL=LEVEL (repeatable).")
    var reference: [String] = []

    @Option(help: ArgumentHelp(
        "Covariates to use as text levels even when they look numeric or have more than 50 levels (comma-separated).",
        valueName: "COLS"))
    var categorical: String?

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

    @Option(help: ArgumentHelp(
        "Rows with a missing cell in a used column: error (stop, naming row and column) or drop (skip them, with a warning).",
        valueName: "error|drop"))
    var missing: HistorySpecification.MissingValuePolicy?

    @Flag(name: .customLong("drop-missing"), help: "Same as --missing drop.")
    var dropMissing = false

    @Option(name: .customLong("date-format"), help: ArgumentHelp(
        "How dates are written: auto, iso (YYYY-MM-DD), dmy (DD/MM/YYYY) or mdy (MM/DD/YYYY); strftime forms such as %d/%m/%Y also work.",
        valueName: "auto|iso|dmy|mdy"))
    var dateFormat: DateFormat = .auto

    @OptionGroup var csv: CSVInputOptions

    @Option(name: .customLong("time-unit"), help: "Unit of --duration, for report axes and hazards (per month): months, days, weeks or years. Dates give months.")
    var timeUnit: TimeUnit?

    @Flag(help: "Print the wall time of each phase (read, fit, checks, report) to standard error.")
    var timings = false

    @Option(help: "Report folder (default: Reports/fit-<file>-<model>).")
    var output: String?

    func validate() throws {
        if model == .sbg {
            guard duration == nil, startDate == nil, covariates == nil else {
                throw ValidationError("--model sbg reads a CSV with columns period and active; it takes no time or covariate columns")
            }
            if periods < 1 { throw ValidationError("--periods must be at least 1") }
            if !(discountRate > 0) { throw ValidationError("--discount-rate must be positive") }
            return
        }
        for pair in reference where pair.split(separator: "=", maxSplits: 1).count != 2 {
            throw ValidationError("--reference takes COL=LEVEL, got '\(pair)'")
        }
        guard (duration == nil) != (startDate == nil) else {
            throw ValidationError("give either --duration with --event, or --start-date with --end-date and --as-of")
        }
        if duration != nil, event == nil { throw ValidationError("--duration needs --event") }
        if startDate != nil, endDate == nil || asOf == nil { throw ValidationError("--start-date needs --end-date and --as-of") }
        if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date as YYYY-MM-DD") }
        if dropMissing, missing == .error { throw ValidationError("--drop-missing contradicts --missing error") }
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

    /// The names of a comma-separated list, trimmed (none for nil).
    private static func list(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    }

    private func specification() -> HistorySpecification {
        let time: HistorySpecification.Time
        if let startDate, let endDate, let asOf, let date = CalendarDate(iso: asOf) {
            time = .dates(start: startDate, end: endDate, asOf: date)
        } else {
            time = .duration(column: duration ?? "", event: event ?? "", entry: entry)
        }
        let columns = Self.list(covariates)
        var levels: [String: String] = [:]
        for pair in reference {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { levels[parts[0]] = parts[1] }
        }
        return HistorySpecification(
            time: time, covariates: columns, strata: strata, weights: weights, cluster: cluster,
            referenceLevels: levels, categorical: Set(Self.list(categorical)), missingValues: dropMissing ? .dropRow : missing ?? .error,
            delimiter: csv.delimiter, dateFormat: dateFormat)
    }
}
