import Foundation
import Testing
@testable import ChurnModel

/// `churnsim score`: probabilities equal the fitted model's conditional survival; rows the
/// model cannot score get their own error while the others are scored.
@Suite struct AccountScoringTests {
    func fitAndCustomers() throws -> (FitSummary, String, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-score-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let asOf = try #require(CalendarDate(iso: "2026-10-31"))
        let history = folder.appendingPathComponent("history.csv")
        try Data(SyntheticHistory(count: 1200, seed: 8, asOf: asOf).csv.utf8).write(to: history)
        let fit = HistoryFit(
            historyFile: history.path,
            specification: HistorySpecification(
                time: .duration(column: "tenure_months", event: "churned", entry: nil),
                covariates: ["sponsor_change", "login_trend", "segment"]),
            model: .cox, outputDirectory: folder.appendingPathComponent("fit").path)
        let (summary, _) = try fit.execute()
        let customers = """
            account,tenure,mrr,sponsor_change,login_trend,segment
            A1,5.5,400,yes,-0.2,SMB
            A2,30,2600,no,0.1,Mid-market
            A3,12,900,no,0.0,Startup
            A4,0,15000,maybe,0.3,Enterprise
            """
        let path = folder.appendingPathComponent("customers.csv")
        try Data(customers.utf8).write(to: path)
        return (summary, path.path, folder)
    }

    @Test func probabilitiesAreTheModelsConditionalChurn() throws {
        let (fit, path, folder) = try fitAndCustomers()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = ScoringSpecification(tenure: "tenure", mrr: "mrr", id: "account", termMonths: 12)
        let (scores, errors) = try AccountScoring.score(path: path, fit: fit, fitFile: "fit.yaml", specification: spec)
        #expect(scores.map(\.id).sorted() == ["A1", "A2"])
        #expect(errors.count == 2)  // A3: unseen segment level; A4: sponsor_change not yes/no
        #expect(errors.map(\.description).contains { $0.contains("row 3 (line 4): column 'segment'") })
        let a1 = try #require(scores.first { $0.id == "A1" })
        let model = try fit.survivalModel(
            covariates: ["sponsor_change": 1, "login_trend": -0.2, "segment=Mid-market": 0, "segment=SMB": 1],
            stratum: nil, file: "fit.yaml")
        // Annual contract, tenure 5.5: next renewal at month 12, the only one within 12 months.
        #expect(a1.monthsToRenewal == 6.5)
        let expected = 1 - model.survivalProbability(at: 12) / model.survivalProbability(at: 5.5)
        #expect(abs(a1.probabilityNotRenewing - expected) <= 1e-12)
        #expect(abs(a1.expectedARRLost12Months - 12 * 400 * expected) <= 1e-9)
        #expect(scores[0].probabilityNotRenewing >= scores[1].probabilityNotRenewing)
    }

    @Test func fitFileRecordsCovariateEncodings() throws {
        let (fit, _, folder) = try fitAndCustomers()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(fit.covariateEncodings == [
            FitCovariateEncoding(column: "sponsor_change", kind: "boolean"),
            FitCovariateEncoding(column: "login_trend", kind: "numeric"),
            FitCovariateEncoding(column: "segment", kind: "categorical", levels: ["Enterprise", "Mid-market", "SMB"], reference: "Enterprise"),
        ])
        let reread = try FittedModelFile.load(path: folder.appendingPathComponent("fit/fit.yaml").path)
        #expect(reread.covariateEncodings == fit.covariateEncodings)
    }
}
