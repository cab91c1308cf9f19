import ChurnModel
import Foundation

/// The input readers under test. Each must turn any bytes into a value or a thrown error:
/// a trap (index out of range, overflow, failed precondition) or a hang is a bug.
enum FuzzTarget: String, CaseIterable {
    /// `ScenarioLoader.check`: YAML parsing, schema checks and plausibility warnings.
    case scenario
    /// `HistoryLoader` with duration and with date columns, and `CohortCountsLoader`.
    case csv

    /// Scratch file for the CSV readers, which read from a path.
    static let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("churnsim-fuzz-\(ProcessInfo.processInfo.processIdentifier).csv").path

    /// Feeds `data` to the target's readers, ignoring the errors they throw.
    func run(_ data: Data) {
        switch self {
        case .scenario:
            _ = ScenarioLoader.check(yaml: String(decoding: data, as: UTF8.self), file: "fuzz.yaml")
        case .csv:
            FileManager.default.createFile(atPath: Self.scratch, contents: data)
            for specification in Self.histories {
                _ = try? HistoryLoader.load(path: Self.scratch, specification: specification)
            }
            _ = try? CohortCountsLoader.load(path: Self.scratch)
        }
    }

    /// Column layouts of the seed histories (Scenarios/data and the malformed corpus).
    static let histories: [HistorySpecification] = {
        var layouts = [
            HistorySpecification(
                time: .duration(column: "tenure", event: "churned", entry: nil), covariates: ["plan", "logins"]),
            HistorySpecification(
                time: .duration(column: "tenure_months", event: "churned", entry: nil),
                covariates: ["sponsor_change", "login_trend", "seat_utilisation"], strata: "segment", missingValues: .dropRow),
        ]
        if let asOf = CalendarDate(iso: "2026-10-31") {
            layouts.append(HistorySpecification(time: .dates(start: "start_date", end: "end_date", asOf: asOf)))
        }
        return layouts
    }()
}
