import Foundation
import Testing

/// End-to-end `churnsim fit`: files written, located errors with exit code 2.
@Suite struct FitCommandTests {
    static let history = """
        customer,tenure_months,churned,plan,sponsor_change,logins_trend
        c1,3,1,Basic,yes,-0.4
        c2,14,0,Pro,no,0.1
        c3,7,1,Basic,yes,-0.2
        c4,24,0,Enterprise,no,0.3
        c5,11,1,Pro,yes,0.0
        c6,30,0,Enterprise,no,0.2
        c7,5,1,Basic,no,-0.1
        c8,18,1,Pro,no,0.05
        c9,26,0,Pro,yes,0.15
        c10,9,1,Basic,no,-0.3
        """

    func withHistory(_ text: String, _ body: (URL) throws -> Void) throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(text.utf8).write(to: directory.appendingPathComponent("history.csv"))
        try body(directory)
    }

    @Test(arguments: ["km", "na", "cox", "weibull", "exponential", "lognormal", "loglogistic"])
    func fitWritesModelFiles(model: String) throws {
        try withHistory(Self.history) { directory in
            var arguments = ["fit", "history.csv", "--model", model, "--duration", "tenure_months", "--event", "churned"]
            if model != "km" && model != "na" { arguments += ["--covariates", "logins_trend"] }
            let result = try CLIHarness.run(arguments, in: directory)
            #expect(result.status == 0, "\(result.standardError)")
            let folder = directory.appendingPathComponent("Reports/fit-history-\(model)")
            let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
            #expect(names.isSuperset(of: ["fit.json", "fit.yaml", "summary.md"]))
            let text = try String(contentsOf: folder.appendingPathComponent("fit.json"), encoding: .utf8)
            #expect(!text.lowercased().contains("nan"))
        }
    }

    @Test(arguments: ["weibull", "cox"])
    func reportChecksTheFitAgainstKaplanMeierWithHazardsInTheGivenUnit(model: String) throws {
        try withHistory(Self.history) { directory in
            let result = try CLIHarness.run(
                ["fit", "history.csv", "--model", model, "--duration", "tenure_months", "--event", "churned",
                 "--covariates", "logins_trend", "--time-unit", "months"], in: directory)
            #expect(result.status == 0, "\(result.standardError)")
            let html = try String(
                contentsOf: directory.appendingPathComponent("Reports/fit-history-\(model)/report.html"), encoding: .utf8)
            #expect(html.contains("data-chart=\"fit-vs-kaplan-meier\""))
            #expect(html.contains("data-chart=\"hazard\""))
            #expect(html.contains("Churn hazard (per month)") && html.contains("Tenure (months)"))
            #expect(html.contains("the Kaplan–Meier 95% band"))
        }
    }

    @Test(arguments: [
        (["--duration", "tenure", "--event", "churned"], "no column named 'tenure'"),
        (["--duration", "tenure_months", "--event", "plan"], "row 1 (line 2): column 'plan': expected an event flag"),
        (["--duration", "tenure_months", "--event", "churned", "--covariates", "plan", "--reference", "plan=Gold"],
         "no such level"),
    ])
    func badHistoryExitsTwoWithLocatedMessage(arguments: [String], message: String) throws {
        try withHistory(Self.history) { directory in
            let result = try CLIHarness.run(["fit", "history.csv", "--model", "cox"] + arguments, in: directory)
            #expect(result.status == 2)
            #expect(result.standardError.contains(message), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Reports").path))
        }
    }

    @Test func missingTimeArgumentsAreUsageErrors() throws {
        try withHistory(Self.history) { directory in
            let result = try CLIHarness.run(["fit", "history.csv", "--model", "km"], in: directory)
            #expect(result.status == 2)
            #expect(result.standardError.contains("--duration"))
        }
    }
}

extension FitCommandTests {
    @Test func exampleWritesHistoryThatFitReads() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let example = try CLIHarness.run(["example", "--output", "sample", "--customers", "300"], in: directory)
        #expect(example.status == 0, "\(example.standardError)")
        let fit = try CLIHarness.run(
            ["fit", "sample/history.csv", "--model", "km", "--start-date", "start_date", "--end-date", "end_date",
             "--as-of", "2026-10-31", "--strata", "segment"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        #expect(fit.standardOutput.contains("300 rows"))
    }
}
