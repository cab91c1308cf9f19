import Foundation
import Testing

/// End-to-end `churnsim assess`: assessment.json with the documented keys, and clear errors with
/// exit code 2 and no report.
@Suite struct AssessCommandTests {
    static let history = CLIHarness.packageRoot.appendingPathComponent("Scenarios/data/customer_history.csv").path

    func assess(_ extra: [String], in directory: URL) throws -> CLIResult {
        try CLIHarness.run(
            ["assess", Self.history, "--model", "weibull", "--duration", "tenure_months", "--event", "churned",
             "--covariates", "sponsor_change,login_trend", "--output", "out"] + extra, in: directory)
    }

    @Test func writesAssessmentJSONWithTheDocumentedKeys() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try assess(["--times", "3,6,12"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("out/assessment.json"))) as? [String: Any])
        let model = try #require((json["models"] as? [[String: Any]])?.first)
        let metrics = try #require(model["metrics"] as? [String: Any])
        #expect(metrics["uno_c"] is Double && metrics["harrell_c"] is Double && metrics["ibs"] is Double)
        for key in ["auc", "brier", "ipa"] {
            let points = try #require(metrics[key] as? [[String: Double]])
            #expect(points.map { $0["time"] } == [3, 6, 12], "\(key)")
            #expect(points.allSatisfy { $0["value"] != nil })
        }
        #expect((json["conventions"] as? [String])?.isEmpty == false)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path))
        #expect(names.isSuperset(of: ["assessment.json", "summary.md", "report.html", "report.xlsx"]))
    }

    /// `--compare`: every model on the same held-out rows; pooled Kaplan–Meier is the null itself.
    @Test func compareAssessesEveryModelOnTheSameRows() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try assess(["--times", "3,6,12", "--compare", "km,cox"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("out/assessment.json"))) as? [String: Any])
        let models = try #require(json["models"] as? [[String: Any]])
        #expect(models.compactMap { $0["model"] as? String } == ["weibull", "km", "cox"])
        #expect(Set(models.compactMap { $0["test_rows"] as? Int }).count == 1)
        let km = try #require(models[1]["metrics"] as? [String: Any])
        let ipa = try #require(km["ipa"] as? [[String: Double]])
        #expect(ipa.allSatisfy { abs($0["value"] ?? 1) < 1e-12 })
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/comparison.csv").path))
    }

    @Test(arguments: [
        (["--times", "3,600"], "outside the test rows' follow-up"),
        (["--times", "3,6", "--split", "kfold:5"], "random:Q"),
        (["--times", "x"], "--times takes positive numbers"),
        (["--times", "3", "--compare", "cox,forest"], "--compare takes model names"),
    ])
    func badRequestsAreClearErrorsWithNoReport(extra: [String], message: String) throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try assess(extra, in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }
}
