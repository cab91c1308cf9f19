import Foundation
import Testing

/// End-to-end `churnsim score`: scores and row errors, exit 0; a missing model exits 2.
@Suite struct ScoreCommandTests {
    @Test func scoresAccountsAndListsRowsItCannotScore() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(FitCommandTests.history.utf8).write(to: directory.appendingPathComponent("history.csv"))
        let fit = try CLIHarness.run(
            ["fit", "history.csv", "--model", "cox", "--duration", "tenure_months", "--event", "churned",
             "--covariates", "plan,logins_trend", "--output", "fit"], in: directory)
        #expect(fit.status == 0, "\(fit.standardError)")
        // x1's note spans lines 2–3, so x2 (row 2, whose plan the fit never saw) starts on line 4.
        let customers = "id,tenure,mrr,plan,logins_trend,note\nx1,4,500,Basic,-0.3,\"two\nlines\"\nx2,8,900,Gold,0.1,\nx3,20,1200,Pro,0.2,\n"
        try Data(customers.utf8).write(to: directory.appendingPathComponent("customers.csv"))
        let result = try CLIHarness.run(
            ["score", "customers.csv", "--model", "fit/fit.yaml", "--tenure", "tenure", "--mrr", "mrr", "--id", "id",
             "--output", "score"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Scored 2 accounts (1 row(s) not scored)"))
        #expect(result.standardError.contains("row 2 (line 4): column 'plan'"))
        let csv = try String(contentsOf: directory.appendingPathComponent("score/scores.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 3)
        let missing = try CLIHarness.run(
            ["score", "customers.csv", "--model", "nope.yaml", "--tenure", "tenure", "--mrr", "mrr"], in: directory)
        #expect(missing.status == 2)
    }
}
