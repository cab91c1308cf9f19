import Foundation
import Testing
@testable import ChurnModel

/// A fit written by `churnsim fit` reads back exactly and predicts as the in-memory fit does.
@Suite struct FittedModelFileTests {
    func lung(_ name: String = "lung_cox") throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures")).path
    }

    func written(_ model: FitModel, covariates: [String] = [], strata: String? = nil) throws -> (FitSummary, URL) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-model-\(UUID().uuidString)")
        let fit = HistoryFit(
            historyFile: try lung(),
            specification: HistorySpecification(
                time: .duration(column: "time", event: "status", entry: nil), covariates: covariates, strata: strata),
            model: model, outputDirectory: output.path)
        let (summary, directory) = try fit.execute()
        return (summary, directory)
    }

    @Test(arguments: ["fit.yaml", "fit.json"])
    func fitFilesReadBackBitForBit(file: String) throws {
        let (summary, directory) = try written(.cox, covariates: ["age", "ph.ecog"], strata: "sex")
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try FittedModelFile.load(path: directory.appendingPathComponent(file).path)
        #expect(loaded == summary)
    }

    /// The Cox model rebuilt from the file predicts like `CoxFit.survivalProbability`,
    /// which is checked against R's survfit.coxph in CoxPredictionTests.
    @Test func coxModelFromFileMatchesInMemoryPrediction() throws {
        let path = try lung()
        let table = try HistoryLoader.load(
            path: path,
            specification: HistorySpecification(
                time: .duration(column: "time", event: "status", entry: nil), covariates: ["age", "sex", "ph.ecog"])
        ).table
        let fit = try CoxProportionalHazards().fit(table)
        let model = try FitSummary(cox: fit).survivalModel(
            covariates: ["age": 60, "sex": 2, "ph.ecog": 1], stratum: nil, file: "fit.yaml")
        for t in [30.0, 180, 365, 700] {
            let expected = try fit.survivalProbability(at: t, covariates: [60, 2, 1])
            #expect(abs(model.survivalProbability(at: t) - expected) <= 1e-12 * max(expected, 1e-300), "t = \(t)")
        }
    }

    @Test func kaplanMeierModelFollowsTheCurveThenAConstantTail() throws {
        let (summary, directory) = try written(.km)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = try summary.survivalModel(covariates: [:], stratum: nil, file: "fit.yaml")
        let rows = try #require(summary.table)
        for row in rows where row.events > 0 {
            #expect(abs(model.survivalProbability(at: row.time) - (row.survival ?? 0)) <= 1e-12)
        }
        let last = try #require(rows.last(where: { $0.events > 0 }))
        let lastH = -log(try #require(last.survival))
        let tail = lastH / last.time
        #expect(abs(model.cumulativeHazard(at: last.time + 100) - (lastH + 100 * tail)) <= 1e-12)
    }

    @Test func weibullModelFromFileMatchesParametricFit() throws {
        let (summary, directory) = try written(.weibull, covariates: ["age", "sex"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = try summary.survivalModel(covariates: ["age": 65, "sex": 1], stratum: nil, file: "fit.yaml")
        let intercept = summary.coefficients[0].estimate, age = summary.coefficients[1].estimate
        let sex = summary.coefficients[2].estimate
        let scale = try #require(summary.scale)
        // Weibull AFT: S(t) = exp(−(t / exp(η))^(1/σ)), η = intercept + xᵀβ.
        let eta = intercept + 65 * age + sex
        for t in [100.0, 300, 600] {
            #expect(abs(model.survivalProbability(at: t) - exp(-pow(t / exp(eta), 1 / scale))) <= 1e-12)
        }
    }

    @Test func missingAndUnknownCovariatesAndStrataAreNamed() throws {
        let (summary, directory) = try written(.cox, covariates: ["age", "ph.ecog"], strata: "sex")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: FittedModelError.missingCovariates(file: "f", names: ["ph.ecog"])) {
            try summary.survivalModel(covariates: ["age": 1], stratum: "1", file: "f")
        }
        #expect(throws: FittedModelError.unknownCovariates(file: "f", names: ["plan"], known: ["age", "ph.ecog"])) {
            try summary.survivalModel(covariates: ["age": 1, "ph.ecog": 1, "plan": 1], stratum: "1", file: "f")
        }
        #expect(throws: FittedModelError.unknownStratum(file: "f", stratum: "999", known: ["1", "2"])) {
            try summary.survivalModel(covariates: ["age": 1, "ph.ecog": 1], stratum: "999", file: "f")
        }
        _ = try summary.survivalModel(covariates: ["age": 1, "ph.ecog": 1], stratum: "2", file: "f")
        #expect(throws: FittedModelError.self) { try FittedModelFile.load(path: "/no/such/fit.yaml") }
    }
}
