import Foundation
import Testing

/// End-to-end `churnsim effect`: the report files and effect.json, and located errors with exit
/// code 2 and no report for each kind of bad input.
@Suite struct EffectCommandTests {
    func withHistory(_ text: String, _ body: (URL) throws -> Void) throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(text.utf8).write(to: directory.appendingPathComponent("history.csv"))
        try body(directory)
    }

    static let fixture = CLIHarness.packageRoot.appendingPathComponent("Tests/ChurnModelTests/Fixtures/cs_confounded_history.csv").path

    @Test func writesEffectJSONWithTheDocumentedKeysAndTheReport() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLIHarness.run(
            ["effect", Self.fixture, "--treatment", "csm", "--confounders", "segment,health_score,tickets",
             "--duration", "tenure_months", "--event", "churned", "--output", "out"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Customer Success lowers churn"))
        #expect(result.standardOutput.contains("naive hazard ratio"))
        let folder = directory.appendingPathComponent("out")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(names.isSuperset(of: ["effect.json", "summary.md", "report.html", "report.xlsx", "balance.csv", "differences.csv"]))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("effect.json"))) as? [String: Any])
        let hazardRatio = try #require(json["hazard_ratio"] as? [String: Any])
        let estimate = try #require(hazardRatio["estimate"] as? Double)
        let interval = try #require(hazardRatio["ci95"] as? [Double])
        #expect(interval.count == 2 && interval[0] < estimate && estimate < interval[1])
        #expect((json["naive_hazard_ratio"] as? [String: Any])?["estimate"] is Double)
        let balance = try #require(json["balance"] as? [[String: Any]])
        #expect(balance.count == 4)
        for row in balance {
            #expect(row["covariate"] is String && row["smd_before"] is Double && row["smd_after"] is Double)
            #expect(row.keys.contains("variance_ratio_after"), "every balance row has the key (null for a binary term)")
        }
        #expect(balance.contains { $0["variance_ratio_after"] is Double })
        let ess = try #require(json["effective_sample_size"] as? [String: Double])
        #expect(ess["treated"] != nil && ess["control"] != nil)
        let eValue = try #require(json["e_value"] as? [String: Any])
        #expect(eValue["estimate"] is Double && eValue["ci"] is Double)
        #expect((json["verdict"] as? String)?.contains("lowers churn") == true)
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
    }

    /// The bundled history: every Enterprise account has a CSM, so Enterprise is left out with a
    /// warning (in the report and on standard error), and the weighted HR is far from the naive one.
    @Test func bundledHistoryNamesTheSegmentWithoutControls() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = CLIHarness.packageRoot.appendingPathComponent("Scenarios/data/customer_history.csv").path
        let result = try CLIHarness.run(
            ["effect", history, "--treatment", "csm_assigned", "--confounders",
             "segment,sponsor_change,login_trend,seat_utilisation,support_tickets",
             "--duration", "tenure_months", "--event", "churned", "--output", "out"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("every account with segment = Enterprise is treated"))
        let summary = try String(contentsOf: directory.appendingPathComponent("out/summary.md"), encoding: .utf8)
        #expect(summary.contains("## Warnings") && summary.contains("segment = Enterprise"))
    }

    /// The value of retention for the accounts CS covers (ATT): extra months (the RMST difference)
    /// × the covered accounts' mean MRR, against 140,000 / 40 per covered account over 12 months —
    /// checked against the mean MRR of the analysed treated rows computed here from the CSV.
    @Test func valueOfRetentionIsExtraMonthsTimesMeanMRRLessCost() throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = CLIHarness.packageRoot.appendingPathComponent("Scenarios/data/customer_history.csv")
        let result = try CLIHarness.run(
            ["effect", history.path, "--treatment", "csm_assigned", "--confounders",
             "segment,sponsor_change,login_trend,seat_utilisation,support_tickets", "--duration", "tenure_months",
             "--event", "churned", "--estimand", "att", "--time-unit", "months", "--mrr", "mrr", "--csm-cost", "140000",
             "--accounts-per-csm", "40",
             "--output", "out"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("out/effect.json"))) as? [String: Any])
        let money = try #require(json["money"] as? [String: Any])
        let rmst = try #require(json["restricted_mean_survival"] as? [String: Any])
        let lines = try String(contentsOf: history, encoding: .utf8).split(separator: "\n").dropFirst()
        let treatedMRR = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .filter { $0[11] == "yes" && $0[1] != "Enterprise" }.map { Double($0[6])! }
        let meanMRR = treatedMRR.reduce(0, +) / Double(treatedMRR.count)
        let extra = try #require(rmst["difference"] as? Double)
        #expect(abs(try #require(money["mean_monthly_revenue"] as? Double) - meanMRR) < 1e-9 * meanMRR)
        #expect(abs(try #require(money["retained_revenue_per_covered_account"] as? Double) - extra * meanMRR) < 1e-9 * meanMRR)
        #expect(try #require(money["csm_cost_per_covered_account"] as? Double) == 3500)
        #expect(abs(try #require(money["net_value_per_covered_account"] as? Double) - (extra * meanMRR - 3500)) < 1e-9 * meanMRR)
    }

    static let small = """
        id,tenure,churned,csm,x,segment
        a1,3,1,1,0.5,SMB
        a2,5,0,0,-0.2,SMB
        a3,7,1,2,0.1,Mid
        a4,2,1,0,0.7,Mid
        """

    @Test(arguments: [
        // (history, treatment, confounders, what the message must say)
        (small, "csm", "x", "row 3"),
        (small, "csm", "x,csm", "also listed in --confounders"),
        ("""
            id,tenure,churned,csm,x
            a1,3,1,1,0.9
            a2,5,0,1,0.8
            a3,7,1,0,-0.3
            a4,2,1,0,-0.7
            a5,4,0,1,0.4
            a6,6,1,0,-0.1
            """, "csm", "x", "separates the arms"),
        ("""
            id,tenure,churned,csm,x
            a1,3,1,0,0.9
            a2,5,0,0,0.8
            a3,7,1,0,-0.3
            """, "csm", "x", "no treated accounts"),
    ])
    func badInputIsALocatedErrorWithNoReport(history: String, treatment: String, confounders: String, message: String) throws {
        try withHistory(history) { directory in
            let result = try CLIHarness.run(
                ["effect", "history.csv", "--treatment", treatment, "--confounders", confounders,
                 "--duration", "tenure", "--event", "churned", "--output", "out"], in: directory)
            #expect(result.status == 2)
            #expect(result.standardError.contains(message), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
        }
    }
}
