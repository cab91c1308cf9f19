import Foundation
@testable import ChurnModel
import Testing

/// The `assess` pipeline: the split is reproducible, the flat Kaplan–Meier forecast assessed
/// against itself scores exactly the null, and a model with a real signal beats it.
@Suite struct AssessRunTests {
    static let history = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios/data/customer_history.csv").path

    static func run(_ model: FitModel, covariates: [String], seed: UInt64 = 1) throws -> ModelAssessment {
        try run([model], covariates: covariates, seed: seed)[0]
    }

    static func run(_ models: [FitModel], covariates: [String], seed: UInt64 = 1) throws -> [ModelAssessment] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assess-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let specification = HistorySpecification(
            time: .duration(column: "tenure_months", event: "churned", entry: nil), covariates: covariates)
        return try AssessRun(
            historyFile: history, specification: specification, models: models,
            split: HoldoutSplit(testShare: 0.3, seed: seed), times: [3, 6, 12, 24], outputDirectory: folder.path
        ).execute().assessments
    }

    @Test func theSplitIsReproducibleAndHoldsOutTheShare() {
        let split = HoldoutSplit(testShare: 0.3, seed: 7)
        let (train, test) = split.rows(count: 10_000)
        #expect(split.rows(count: 10_000).test == test)
        #expect(Set(train).isDisjoint(with: test) && train.count + test.count == 10_000)
        // Binomial share within 4 standard errors (0.0046 each).
        let share = Double(test.count) / 10_000
        let standardError = (0.3 * 0.7 / 10_000).squareRoot()
        #expect(abs(share - 0.3) < 4 * standardError)
        #expect(HoldoutSplit(testShare: 0.3, seed: 8).rows(count: 10_000).test != test)
    }

    /// Pooled Kaplan–Meier is the null model: every score ties (C = ½) and IPA is exactly 0.
    @Test func theNullModelScoresTheNull() throws {
        let assessment = try Self.run(.km, covariates: [])
        #expect(assessment.metrics.harrellC == 0.5)
        #expect(assessment.metrics.ipa.allSatisfy { abs($0.value) < 1e-12 })
        #expect(assessment.verdict.contains("no better than a flat Kaplan–Meier forecast at any time"))
    }

    /// The bundled history's covariates carry churn signal (its generating model, truth.yaml): a
    /// Cox model on them ranks held-out accounts far better than chance and beats the null.
    @Test func aModelWithSignalBeatsTheNull() throws {
        let assessment = try Self.run(.cox, covariates: ["sponsor_change", "login_trend", "seat_utilisation", "csm_assigned", "segment"])
        #expect(assessment.metrics.harrellC > 0.6 && assessment.metrics.unoC > 0.6)
        #expect(assessment.metrics.auc.allSatisfy { $0.value > 0.6 })
        #expect(assessment.metrics.ipa.allSatisfy { $0.value > 0 })
        #expect(assessment.testRows + assessment.trainRows == 4000)
    }

    /// Parametric families compare by AIC on the time scale: BIC − AIC = k (log n − 2) with k the
    /// family's parameter count (intercept, two slopes, and a scale except for the exponential),
    /// and the Akaike weights exp(−ΔAIC/2) sum to 1; Cox has none.
    @Test func parametricModelsCarryInformationCriteria() throws {
        let assessments = try Self.run([.weibull, .exponential, .lognormal, .cox], covariates: ["sponsor_change", "login_trend"])
        let n = Double(try #require(assessments.first).trainRows)
        for (assessment, k) in zip(assessments.prefix(3), [4.0, 3.0, 4.0]) {
            let criteria = try #require(assessment.informationCriteria)
            #expect(abs((criteria.bic - criteria.aic) - k * (Double.log(n) - 2)) < 1e-9, "\(assessment.model)")
        }
        #expect(assessments[3].informationCriteria == nil)
        let aics = assessments.prefix(3).compactMap { $0.informationCriteria?.aic }
        let best = aics.min()!
        let expected = aics.map { exp(-($0 - best) / 2) }
        let total = expected.reduce(0, +)
        for (assessment, weight) in zip(assessments.prefix(3), expected) {
            #expect(abs((assessment.informationCriteria?.akaikeWeight ?? -1) - weight / total) < 1e-12)
        }
    }
}
