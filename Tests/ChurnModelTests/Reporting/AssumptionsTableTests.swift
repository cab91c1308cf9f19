import Foundation
import Testing
@testable import ChurnModel

/// The assumptions table echoes every scenario input exactly: shares as percentages with all
/// their digits, amounts unrounded (issue 23, point 1).
@Suite struct AssumptionsTableTests {
    func table(_ yaml: String) throws -> ReportTable {
        let check = ScenarioLoader.check(yaml: yaml, file: "scenario.yaml")
        let scenario = try #require(check.scenario, "\(check.problems)")
        return RunReport.assumptionsTable(scenario)
    }

    func example() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios/example.yaml")
        return try String(contentsOf: url, encoding: .utf8)
    }

    func cells(_ table: ReportTable, _ segment: String) throws -> [String: String] {
        let row = try #require(table.rows.first { $0.first == .text(segment) })
        return Dictionary(uniqueKeysWithValues: zip(table.columns, row.map(MarkdownRenderer.render)))
    }

    @Test func exampleScenarioReadsAsWritten() throws {
        let table = try table(example())
        let mid = try cells(table, "Mid-market")
        #expect(mid["churn"] == "triangular(10%, 15%, 22%) per year (drawn per path)")
        #expect(mid["revenue_dynamics"] == "expansion 8%/yr; contraction 2%/yr; uplift at renewal 3%")
        #expect(mid["cac"] == "triangular(12,000, 18,000, 30,000)")
        #expect(mid["gross_margin"] == "80%")
        #expect(mid["new_logos"] == "20/mo")
        let smb = try cells(table, "SMB")
        #expect(smb["churn"] == "6% a month to month 3, 2.8% a month after")
        #expect(smb["revenue_dynamics"] == "expansion 4%/yr; cost to serve 15/mo")
        let enterprise = try cells(table, "Enterprise")
        #expect(enterprise["churn"] == "sBG α 3.8, β 15.4 per term")
    }

    /// The downturn and CS team inputs, which no per-segment column holds, are echoed too.
    @Test func portfolioInputsReadAsWritten() throws {
        let check = ScenarioLoader.check(yaml: try example(), file: "scenario.yaml")
        let scenario = try #require(check.scenario, "\(check.problems)")
        let table = try #require(RunReport.portfolioAssumptionsTable(scenario))
        #expect(table.isAudit)
        let values = Dictionary(uniqueKeysWithValues: table.rows.map { (MarkdownRenderer.render($0[0]), MarkdownRenderer.render($0[1])) })
        #expect(values == [
            "downturn.annual_probability": "15%",
            "downturn.hazard_multiplier": "triangular(1.2, 1.5, 2.5)",
            "downturn.correlation": "0.6",
            "customer_success.csm_cost_annual": "140,000",
            "customer_success.coverage": "SMB: tech_touch, Mid-market: 40, Enterprise: 10",
            "customer_success.effect": "hazard_ratio 0.75, reference_accounts_per_csm 25",
        ])
    }

    /// A full correlation matrix is shown by rows; a scenario with neither section has no table.
    @Test func correlationMatrixAndAbsentSections() throws {
        var yaml = try example().replacingOccurrences(
            of: "correlation: 0.6 ", with: "correlation: [[1, 0.6, 0.25], [0.6, 1, 0.4], [0.25, 0.4, 1]] ")
        let scenario = try #require(ScenarioLoader.check(yaml: yaml, file: "scenario.yaml").scenario)
        let table = try #require(RunReport.portfolioAssumptionsTable(scenario))
        let row = try #require(table.rows.first { $0[0] == .text("downturn.correlation") })
        #expect(row[1] == .text("[1, 0.6, 0.25; 0.6, 1, 0.4; 0.25, 0.4, 1]"))
        let start = try #require(yaml.range(of: "downturn:"))
        let end = try #require(yaml.range(of: "staffing:"))
        yaml.removeSubrange(start.lowerBound..<end.lowerBound)
        let plain = try #require(ScenarioLoader.check(yaml: yaml, file: "scenario.yaml").scenario)
        #expect(RunReport.portfolioAssumptionsTable(plain) == nil)
    }

    /// Awkward values (more digits than one decimal of a percentage, fractions of a currency
    /// unit, values whose ×100 is inexact in binary) read back as exactly the scenario's numbers.
    @Test func awkwardValuesRoundTrip() throws {
        let edits = [
            ("gross_margin: 0.78", "gross_margin: 0.7825"), ("cac: 3000", "cac: 1234.56"),
            ("monthly_rate: 0.06 }", "monthly_rate: 0.0625 }"), ("monthly_rate: 0.028 }", "monthly_rate: 0.07 }"),
            ("cost_to_serve_monthly: 15 ", "cost_to_serve_monthly: 15.5 "), ("{ annual_rate: 0.04 }", "{ annual_rate: 0.0001 }"),
            ("[0.10, 0.15, 0.22]", "[0.105, 0.1499, 0.29]"), ("price_uplift_at_renewal: 0.03", "price_uplift_at_renewal: 0.035"),
        ]
        var yaml = try example()
        for (old, new) in edits {
            #expect(yaml.contains(old), "\(old)")
            yaml = yaml.replacingOccurrences(of: old, with: new)
        }
        let text = try table(yaml).rows.flatMap { $0.map(MarkdownRenderer.render) }.joined(separator: " ")
        let pattern = try NSRegularExpression(pattern: "-?[0-9][0-9,]*(\\.[0-9]+)?%?")
        let numbers = Set(pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match -> Double? in
            let token = String(text[Range(match.range, in: text)!]).replacingOccurrences(of: ",", with: "")
            guard token.hasSuffix("%") else { return Double(token) }
            return Decimal(string: String(token.dropLast())).flatMap { Double("\($0 / 100)") }  // exact: decimal text, one rounding
        })
        for value in [0.7825, 1234.56, 0.0625, 0.07, 15.5, 0.0001, 0.105, 0.1499, 0.29, 0.035, 2500, 0.5] {
            #expect(numbers.contains(value), "\(value) is not in the table: \(text)")
        }
    }

    @Test func exactFormatsAreShortestAndGrouped() {
        #expect(NumberFormatting.exactPercent(0.07) == "7%")
        #expect(NumberFormatting.exactPercent(0.0001) == "0.01%")
        #expect(NumberFormatting.exactPercent(1e-7) == "0.00001%")
        #expect(NumberFormatting.exactPercent(1.5) == "150%")
        #expect(NumberFormatting.exact(1234567.25) == "1,234,567.25")
        #expect(NumberFormatting.exact(-0.5) == "-0.5")
        #expect(NumberFormatting.exact(2e20) == "200,000,000,000,000,000,000")
    }
}
