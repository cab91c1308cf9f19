import Foundation
@testable import ChurnModel
import Testing

/// A comma-separated fixture written by `Benchmarks/reference/survival_reference.R`:
/// a header line, no quoting, `NA` for missing values.
struct FixtureCSV {
    let header: [String]
    let rows: [[String]]

    /// Loads `name.csv` from the test bundle's `Fixtures/` (or a subdirectory of it).
    init(_ name: String, subdirectory: String = "Fixtures/reference") throws {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: subdirectory),
            "missing fixture \(subdirectory)/\(name).csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }
        header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        rows = lines.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    func strings(_ column: String) throws -> [String] {
        let index = try #require(header.firstIndex(of: column), "no column \(column)")
        return rows.map { $0[index] }
    }

    /// Numbers of a column, `nil` for `NA`.
    func doubles(_ column: String) throws -> [Double?] {
        try strings(column).map { $0 == "NA" ? nil : Double($0) }
    }

    /// Numbers of a column that has no `NA`.
    func requiredDoubles(_ column: String) throws -> [Double] {
        try doubles(column).map { try #require($0, "NA in column \(column)") }
    }
}

/// Expects two optional numbers to agree within `tolerance` (both `nil` counts as equal).
func expectClose(
    _ actual: Double?, _ expected: Double?, tolerance: Double, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    switch (actual, expected) {
    case (nil, nil):
        return
    case let (a?, e?):
        #expect(Swift.abs(a - e) <= tolerance, "\(what()): \(a) vs R \(e)", sourceLocation: sourceLocation)
    default:
        Issue.record("\(what()): \(String(describing: actual)) vs R \(String(describing: expected))", sourceLocation: sourceLocation)
    }
}

/// R's `lung` data as exported by the reference script (`status` recoded to 0/1, plus the
/// derived `weight` and `entry` columns).
enum LungData {
    static func table(
        weighted: Bool = false, lateEntry: Bool = false, bySex: Bool = false
    ) throws -> EventTable {
        let csv = try FixtureCSV("lung", subdirectory: "Fixtures")
        return try EventTable(
            durations: csv.requiredDoubles("time"),
            events: csv.requiredDoubles("status").map { $0 == 1 },
            entryTimes: lateEntry ? csv.requiredDoubles("entry") : nil,
            strata: bySex ? csv.strings("sex") : nil,
            weights: weighted ? csv.requiredDoubles("weight") : nil,
            ids: csv.strings("row"))
    }
}

/// R's `aml` data, stratified by maintenance group `x`.
enum AmlData {
    static func table() throws -> EventTable {
        let csv = try FixtureCSV("aml", subdirectory: "Fixtures")
        return try EventTable(
            durations: csv.requiredDoubles("time"),
            events: csv.requiredDoubles("status").map { $0 == 1 },
            strata: csv.strings("x"))
    }
}
