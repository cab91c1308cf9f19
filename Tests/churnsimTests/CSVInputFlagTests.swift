import Foundation
import Testing

/// End-to-end CSV flags: `--delimiter` on `fit` and `score`, `--date-format`, `--missing`.
@Suite struct CSVInputFlagTests {
    /// `FitCommandTests.history` with semicolons, decimal commas and a header whose quoted name
    /// holds commas, so that detection would pick the comma.
    static let semicolonHistory = FitCommandTests.history
        .replacingOccurrences(of: ",", with: ";")
        .replacingOccurrences(of: ".", with: ",")
        .replacingOccurrences(of: "customer;", with: "\"customer, id, name, owner, region, team, notes\";")

    func inFolder(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        try body(directory)
    }

    @Test func delimiterFlagOverridesDetectionForFitAndScore() throws {
        try inFolder(["history.csv": Self.semicolonHistory, "customers.csv": "id;tenure;mrr;plan\nx1;4;500;Basic\nx2;8;900;Pro\n"]) {
            directory in
            let fit = ["fit", "history.csv", "--model", "cox", "--duration", "tenure_months", "--event", "churned",
                       "--covariates", "plan", "--output", "fit"]
            let detected = try CLIHarness.run(fit, in: directory)
            #expect(detected.status == 2)
            #expect(detected.standardError.contains("no column named 'tenure_months'"))
            let forced = try CLIHarness.run(fit + ["--delimiter", "semicolon"], in: directory)
            #expect(forced.status == 0, "\(forced.standardError)")
            let score = try CLIHarness.run(
                ["score", "customers.csv", "--model", "fit/fit.yaml", "--tenure", "tenure", "--mrr", "mrr", "--id", "id",
                 "--delimiter", ";", "--output", "score"], in: directory)
            #expect(score.status == 0, "\(score.standardError)")
            #expect(score.standardOutput.contains("Scored 2 accounts (0 row(s) not scored)"))
            let comma = try CLIHarness.run(
                ["score", "customers.csv", "--model", "fit/fit.yaml", "--tenure", "tenure", "--mrr", "mrr",
                 "--delimiter", "comma"], in: directory)
            #expect(comma.status == 2)
            let bad = try CLIHarness.run(fit + ["--delimiter", "pipe"], in: directory)
            #expect(bad.status == 2)
            #expect(bad.standardError.contains("--delimiter"))
        }
    }

    @Test func ambiguousDatesAskForDateFormatWhichSettlesThem() throws {
        let history = "id,start,end\na,01/02/2025,03/04/2025\nb,05/06/2025,\nc,07/08/2025,09/10/2025\n"
        try inFolder(["history.csv": history]) { directory in
            let fit = ["fit", "history.csv", "--model", "km", "--start-date", "start", "--end-date", "end",
                       "--as-of", "2025-12-31", "--output", "km"]
            let ambiguous = try CLIHarness.run(fit, in: directory)
            #expect(ambiguous.status == 2)
            #expect(ambiguous.standardError.contains("row 1 (line 2): column 'start'"))
            #expect(ambiguous.standardError.contains("give --date-format dmy or mdy"))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("km").path))
            let settled = try CLIHarness.run(fit + ["--date-format", "%d/%m/%Y"], in: directory)
            #expect(settled.status == 0, "\(settled.standardError)")
            #expect(settled.standardOutput.contains("to 3 rows (2 events)"))
        }
    }

    @Test func missingPolicyIsChosenByName() throws {
        let history = FitCommandTests.history.replacingOccurrences(of: "c3,7,1,Basic,yes,-0.2", with: "c3,7,1,Basic,yes,#N/A")
        try inFolder(["history.csv": history]) { directory in
            let fit = ["fit", "history.csv", "--model", "cox", "--duration", "tenure_months", "--event", "churned",
                       "--covariates", "logins_trend"]
            let stopped = try CLIHarness.run(fit + ["--missing", "error"], in: directory)
            #expect(stopped.status == 2)
            #expect(stopped.standardError.contains("row 3 (line 4): column 'logins_trend'"))
            let dropped = try CLIHarness.run(fit + ["--missing", "drop"], in: directory)
            #expect(dropped.status == 0, "\(dropped.standardError)")
            #expect(dropped.standardError.contains("dropped 1 row(s) with missing values: row 3 (line 4)"))
            let contradictory = try CLIHarness.run(fit + ["--missing", "error", "--drop-missing"], in: directory)
            #expect(contradictory.status == 2)
        }
    }
}
