import ArgumentParser
import ChurnModel
import Foundation

extension HistorySpecification.MissingValuePolicy: ExpressibleByArgument {}

/// How a command reads customer history: its time columns (a duration and an event, or start
/// and end dates with an as-of date), text levels, missing cells, dates and separator — shared by
/// `fit` and `effect`.
struct HistoryColumnOptions: ParsableArguments {
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

    @Option(help: "Reference level of a categorical covariate, as COL=LEVEL (repeatable).")
    var reference: [String] = []

    @Option(help: ArgumentHelp(
        "Covariates to use as text levels even when they look numeric or have more than 50 levels (comma-separated).",
        valueName: "COLS"))
    var categorical: String?

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

    func validate() throws {
        for pair in reference where pair.split(separator: "=", maxSplits: 1).count != 2 {
            throw ValidationError("--reference takes COL=LEVEL, got '\(pair)'")
        }
        if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date as YYYY-MM-DD") }
        if dropMissing, missing == .error { throw ValidationError("--drop-missing contradicts --missing error") }
    }

    /// Checks that time comes from exactly one source: a duration with an event, or dates.
    func validateTimeColumns() throws {
        guard (duration == nil) != (startDate == nil) else {
            throw ValidationError("give either --duration with --event, or --start-date with --end-date and --as-of")
        }
        if duration != nil, event == nil { throw ValidationError("--duration needs --event") }
        if startDate != nil, endDate == nil || asOf == nil { throw ValidationError("--start-date needs --end-date and --as-of") }
    }

    /// The names of a comma-separated list, trimmed (none for nil).
    static func list(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
    }

    /// The positive finite numbers of a comma-separated list, or nil when any item is not one
    /// (or there are none).
    static func positiveNumbers(_ text: String) -> [Double]? {
        let values = list(text).map { Double($0) }
        guard !values.isEmpty, values.allSatisfy({ $0.map { $0 > 0 && $0.isFinite } ?? false }) else { return nil }
        return values.compactMap { $0 }
    }

    /// The specification of these columns with the given covariates, strata, weights and clusters.
    func specification(covariates: [String], strata: String?, weights: String?, cluster: String?) -> HistorySpecification {
        let time: HistorySpecification.Time
        if let startDate, let endDate, let asOf, let date = CalendarDate(iso: asOf) {
            time = .dates(start: startDate, end: endDate, asOf: date)
        } else {
            time = .duration(column: duration ?? "", event: event ?? "", entry: entry)
        }
        var levels: [String: String] = [:]
        for pair in reference {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { levels[parts[0]] = parts[1] }
        }
        return HistorySpecification(
            time: time, covariates: covariates, strata: strata, weights: weights, cluster: cluster,
            referenceLevels: levels, categorical: Set(Self.list(categorical)),
            missingValues: dropMissing ? .dropRow : missing ?? .error, delimiter: csv.delimiter, dateFormat: dateFormat)
    }
}
