import Foundation
import Testing
@testable import ChurnModel

/// The `covariance` of fit files: R's `vcov` of the same fit, written identically to
/// fit.json and fit.yaml.
@Suite struct FitCovarianceTests {
    /// The fit of `lung_cox.csv` (age, sex, ph.ecog) by `model`.
    func fit(_ model: FitModel, robust: Bool = false) throws -> FitSummary {
        let path = try #require(Bundle.module.url(forResource: "lung_cox", withExtension: "csv", subdirectory: "Fixtures")).path
        let fit = HistoryFit(
            historyFile: path,
            specification: HistorySpecification(
                time: .duration(column: "time", event: "status", entry: nil), covariates: ["age", "sex", "ph.ecog"]),
            model: model, robust: robust)
        return try fit.fit(try HistoryLoader.load(path: path, specification: fit.specification))
    }

    /// R 4.2.2, survival 3.5.3: `vcov(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung_cox,
    /// ties = "efron"[, robust = TRUE]))` and `vcov(survreg(…, dist = "weibull"))` (with
    /// Log(scale)), exported by Benchmarks/reference/covariance_reference.R as
    /// reference/lung_vcov.csv; 17 digits printed, compared to 1e-6 relative as the
    /// coefficients are.
    @Test(arguments: [("cox_efron", FitModel.cox, false), ("cox_efron_robust", .cox, true), ("weibull", .weibull, false)])
    func covarianceMatchesRVcov(reference: String, model: FitModel, robust: Bool) throws {
        let summary = try fit(model, robust: robust)
        let csv = try FixtureCSV("lung_vcov")
        let cases = try csv.strings("case"), rows = try csv.strings("row"), columns = try csv.strings("column")
        let values = try csv.requiredDoubles("value")
        let names = summary.coefficients.map(\.name)
        let covariance = try #require(summary.covariance)
        #expect(covariance.count == names.count && covariance.allSatisfy { $0.count == names.count })
        let entries = cases.indices.filter { cases[$0] == reference }
        #expect(entries.count == names.count * names.count)
        for entry in entries {
            let i = try #require(names.firstIndex(of: rows[entry])), j = try #require(names.firstIndex(of: columns[entry]))
            #expect(abs(covariance[i][j] - values[entry]) <= 1e-6 * abs(values[entry]), "\(rows[entry]), \(columns[entry])")
        }
        for (index, coefficient) in summary.coefficients.enumerated() {
            #expect(abs(covariance[index][index].squareRoot() / coefficient.standardError - 1) <= 1e-12)
        }
    }

    @Test func covarianceIsTheSameInJSONAndYAML() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-vcov-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let path = try #require(Bundle.module.url(forResource: "lung_cox", withExtension: "csv", subdirectory: "Fixtures")).path
        let (summary, directory) = try HistoryFit(
            historyFile: path,
            specification: HistorySpecification(
                time: .duration(column: "time", event: "status", entry: nil), covariates: ["age", "sex"]),
            model: .loglogistic, outputDirectory: output.path
        ).execute()
        let fromJSON = try FittedModelFile.load(path: directory.appendingPathComponent("fit.json").path)
        let fromYAML = try FittedModelFile.load(path: directory.appendingPathComponent("fit.yaml").path)
        #expect(fromJSON.covariance == summary.covariance)
        #expect(fromYAML.covariance == summary.covariance)
        #expect(summary.covariance?.count == 4, "(Intercept), age, sex, Log(scale)")
    }

    @Test func modelsWithoutCoefficientsWriteNoCovariance() throws {
        let summary = try fit(.km)
        #expect(summary.covariance == nil)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any]
        #expect(json?["covariance"] is NSNull, "the key is written as null")
    }
}
