import Foundation
import Testing
@testable import ChurnModel

/// Builds an event table from a fixture written by `Benchmarks/reference/cox_reference.R`.
enum CoxData {
    /// R: `lung` complete cases for age, sex, ph.ecog (`Fixtures/lung_cox.csv`).
    static func lung(
        covariates: [String] = ["age", "sex", "ph.ecog"], strataColumn: String? = nil,
        weighted: Bool = false
    ) throws -> EventTable {
        let csv = try FixtureCSV("lung_cox", subdirectory: "Fixtures")
        return try table(
            csv, time: "time", event: "status", covariates: covariates,
            strataColumn: strataColumn, weights: weighted ? "weight" : nil)
    }

    /// R: `survival::heart` (`Fixtures/heart.csv`), (start, stop] rows clustered by id.
    static func heart() throws -> EventTable {
        let csv = try FixtureCSV("heart", subdirectory: "Fixtures")
        return try table(
            csv, time: "stop", event: "event", entry: "start",
            covariates: ["age", "year", "surgery", "transplant"], clusters: "id")
    }

    /// R: `carData::Rossi` with factors as 0/1 (`Fixtures/rossi.csv`).
    static func rossi() throws -> EventTable {
        let csv = try FixtureCSV("rossi", subdirectory: "Fixtures")
        return try table(
            csv, time: "week", event: "arrest",
            covariates: ["fin", "age", "race", "wexp", "mar", "paro", "prio"])
    }

    static func table(
        _ csv: FixtureCSV, time: String, event: String, entry: String? = nil,
        covariates: [String], strataColumn: String? = nil, weights: String? = nil,
        clusters: String? = nil
    ) throws -> EventTable {
        let columns = try covariates.map { try csv.requiredDoubles($0) }
        let n = csv.rows.count
        let matrix = Matrix(
            rows: n, columns: covariates.count, columnMajor: columns.flatMap { $0 })
        return try EventTable(
            durations: csv.requiredDoubles(time),
            events: csv.requiredDoubles(event).map { $0 == 1 },
            entryTimes: entry.map { try csv.requiredDoubles($0) },
            strata: strataColumn.map { try csv.strings($0) },
            weights: weights.map { try csv.requiredDoubles($0) },
            covariates: matrix, covariateNames: covariates,
            clusters: clusters.map { try csv.strings($0) })
    }
}

/// One case of `cox_coefficients.csv` and `cox_tests.csv`.
struct CoxReference {
    let coef, se, robustSE, z, p, hr, hrLower, hrUpper, mean: [Double?]
    let tests: [String: Double?]

    init(_ name: String) throws {
        let coefficients = try FixtureCSV("cox_coefficients")
        let rows = try coefficients.strings("case").indices.filter {
            coefficients.rows[$0][0] == name
        }
        func column(_ c: String) throws -> [Double?] {
            let all = try coefficients.doubles(c)
            return rows.map { all[$0] }
        }
        coef = try column("coef")
        se = try column("se")
        robustSE = try column("robust.se")
        z = try column("z")
        p = try column("p")
        hr = try column("hr")
        hrLower = try column("hr.lower")
        hrUpper = try column("hr.upper")
        mean = try column("mean")
        let testsCSV = try FixtureCSV("cox_tests")
        let row = try #require(testsCSV.rows.first { $0[0] == name }, "no case \(name)")
        var tests: [String: Double?] = [:]
        for (k, key) in testsCSV.header.enumerated() where key != "case" && key != "call" {
            tests[key] = row[k] == "NA" ? nil : Double(row[k])
        }
        self.tests = tests
    }

    func test(_ key: String) -> Double? { tests[key] ?? nil }
}

/// Expects |a − e| ≤ tolerance·max(|e|, floor).
func expectRelative(
    _ actual: Double?, _ expected: Double?, _ tolerance: Double, floor: Double = 1e-300,
    _ what: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let a = actual, let e = expected else {
        #expect(actual == nil && expected == nil, "\(what()): \(String(describing: actual)) vs R \(String(describing: expected))", sourceLocation: sourceLocation)
        return
    }
    #expect(Swift.abs(a - e) <= tolerance * Swift.max(Swift.abs(e), floor),
            "\(what()): \(a) vs R \(e)", sourceLocation: sourceLocation)
}
