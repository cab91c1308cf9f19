import Foundation
import Testing
@testable import ChurnModel

/// `churnsim fit` through the library: the CSV path gives R's numbers.
@Suite struct HistoryFitTests {
    var lungPath: String {
        get throws {
            try #require(Bundle.module.url(forResource: "lung", withExtension: "csv", subdirectory: "Fixtures")).path
        }
    }

    /// R: `survfit(Surv(time, status) ~ sex, data = lung)` (survival 3.5.3), exported by
    /// Benchmarks/reference/survival_reference.R as lung_km_by_sex.csv.
    @Test func kaplanMeierFromCSVMatchesRSurvfitBySex() throws {
        let fit = HistoryFit(
            historyFile: try lungPath,
            specification: HistorySpecification(time: .duration(column: "time", event: "status", entry: nil), strata: "sex"),
            model: .km)
        let summary = try fit.fit(try HistoryLoader.load(path: try lungPath, specification: fit.specification))
        let reference = try FixtureCSV("lung_km_by_sex")
        let rows = try #require(summary.table)
        #expect(rows.count == reference.rows.count)
        let survival = try reference.requiredDoubles("surv")
        let standardErrors = try reference.doubles("std.err.surv")
        for (index, row) in rows.enumerated() {
            #expect(abs((row.survival ?? .nan) - survival[index]) <= 1e-10)
            #expect(abs((row.standardError ?? 0) - (standardErrors[index] ?? 0)) <= 1e-8)
        }
        #expect(summary.median?.map(\.estimate) == [270, 426])
        #expect(summary.n == 228 && summary.events == 165)
    }

    @Test func fitWritesJSONAndYAMLWithTheSameNumbers() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-fit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let fit = HistoryFit(
            historyFile: try lungPath,
            specification: HistorySpecification(time: .duration(column: "time", event: "status", entry: nil)),
            model: .na, outputDirectory: output.path)
        let (summary, directory) = try fit.execute()
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(names == ["fit.json", "fit.yaml", "summary.md", "table.csv"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("fit.json"))) as? [String: Any]
        #expect(json?["model"] as? String == "nelson_aalen")
        #expect(json?.keys.contains("log_likelihood") == true)
        let yaml = try String(contentsOf: directory.appendingPathComponent("fit.yaml"), encoding: .utf8)
        let last = try #require(summary.table?.last?.cumulativeHazard)
        #expect(yaml.contains("cumulative_hazard: \(last)"))
    }
}
