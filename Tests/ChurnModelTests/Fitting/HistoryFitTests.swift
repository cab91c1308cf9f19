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
        #expect(names == ["fit.json", "fit.yaml", "report.html", "report.xlsx", "summary.md", "table.csv"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("fit.json"))) as? [String: Any]
        #expect(json?["model"] as? String == "nelson_aalen")
        #expect(json?.keys.contains("log_likelihood") == true)
        let yaml = try String(contentsOf: directory.appendingPathComponent("fit.yaml"), encoding: .utf8)
        let last = try #require(summary.table?.last?.cumulativeHazard)
        #expect(yaml.contains("cumulative_hazard: \(last)"))
    }
}

extension HistoryFitTests {
    /// R: `coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung)` (survival 3.5.3, Efron),
    /// exported by Benchmarks/reference/cox_reference.R as reference/cox_coefficients.csv.
    @Test func coxFromCSVMatchesRCoxph() throws {
        let path = try #require(Bundle.module.url(forResource: "lung_cox", withExtension: "csv", subdirectory: "Fixtures")).path
        let fit = HistoryFit(
            historyFile: path,
            specification: HistorySpecification(
                time: .duration(column: "time", event: "status", entry: nil), covariates: ["age", "sex", "ph.ecog"]),
            model: .cox)
        let summary = try fit.fit(try HistoryLoader.load(path: path, specification: fit.specification))
        let reference = try FixtureCSV("cox_coefficients")
        let cases = try reference.strings("case")
        let coef = try reference.requiredDoubles("coef"), se = try reference.requiredDoubles("se")
        let rows = cases.indices.filter { cases[$0] == "lung_efron" }
        #expect(summary.coefficients.map(\.name) == ["age", "sex", "ph.ecog"])
        for (coefficient, row) in zip(summary.coefficients, rows) {
            #expect(abs(coefficient.estimate / coef[row] - 1) <= 1e-6)
            #expect(abs(coefficient.standardError / se[row] - 1) <= 1e-6)
        }
        #expect(summary.model == "cox" && summary.ties == "efron")
        #expect(summary.tests.map(\.name) == ["likelihood_ratio", "wald", "score"])
        #expect(summary.baseline?.isEmpty == false)
        // R: cox.zph(fit) (transform "km"), exported by cox_zph_reference.R as cox_zph_tests.csv.
        let zph = try FixtureCSV("cox_zph_tests")
        let zphCases = try zph.strings("case"), transforms = try zph.strings("transform")
        let chisq = try zph.requiredDoubles("chisq")
        let zphRows = zphCases.indices.filter { zphCases[$0] == "lung_efron" && transforms[$0] == "km" }
        let tests = try #require(summary.proportionalHazards)
        #expect(tests.map(\.name) == ["age", "sex", "ph.ecog", "GLOBAL"])
        for (test, row) in zip(tests, zphRows) { #expect(abs(test.statistic / chisq[row] - 1) <= 1e-6) }
    }

    /// Fader & Hardie (2007), Table 1 regular cohort: α̂ = 0.704, β̂ = 1.182 (three decimals printed).
    @Test func shiftedBetaGeometricFromCohortCSV() throws {
        let path = try #require(Bundle.module.url(forResource: "sbg_regular", withExtension: "csv", subdirectory: "Fixtures")).path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-sbg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let fit = HistoryFit(
            historyFile: path, specification: HistorySpecification(time: .duration(column: "", event: "", entry: nil)),
            model: .sbg, projectionPeriods: 12, outputDirectory: output.path)
        let (summary, _) = try fit.execute()
        #expect(summary.coefficients.map(\.name) == ["alpha", "beta"])
        #expect(abs(summary.coefficients[0].estimate - 0.704) < 0.0005)
        #expect(abs(summary.coefficients[1].estimate - 1.182) < 0.0005)
        let projection = try #require(summary.projection)
        #expect(projection.count == 12)
        #expect(projection[0].observedSurvival == 0.631)
        #expect(projection[11].observedSurvival == nil)
        let (a, b) = (summary.coefficients[0].estimate, summary.coefficients[1].estimate)
        #expect(abs(projection[2].retention - (b + 2) / (a + b + 2)) < 1e-14)
    }

    @Test func risingCohortCountsAreRejectedNamingThePeriod() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-\(UUID().uuidString).csv")
        try Data("period,active\n0,100\n1,80\n2,85\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fit = HistoryFit(
            historyFile: url.path, specification: HistorySpecification(time: .duration(column: "", event: "", entry: nil)),
            model: .sbg, outputDirectory: url.path + ".out")
        #expect(throws: ShiftedBetaGeometricError.self) { try fit.execute() }
        #expect(!FileManager.default.fileExists(atPath: url.path + ".out"))
    }
}
