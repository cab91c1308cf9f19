import Foundation
import Testing
@testable import ChurnModel

/// `mrr: { empirical: { file, column } }` resamples a CSV column with replacement.
@Suite struct EmpiricalRevenueTests {
    /// A scenario folder holding `book.csv` with the given `mrr` cells and a scenario whose
    /// MRR is that column; returns the scenario path.
    static func scenarioFolder(mrrCells: [String], paths: Int = 400) throws -> (folder: URL, scenario: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-empirical-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = (["customer_id,mrr"] + mrrCells.enumerated().map { "C\($0.offset),\($0.element)" }).joined(separator: "\n")
        try Data(csv.utf8).write(to: folder.appendingPathComponent("book.csv"))
        let yaml = """
            name: empirical
            horizon_months: 1
            paths: \(paths)
            seed: 5
            segments:
              - name: SMB
                customers: 50
                mrr: { empirical: { file: book.csv, column: mrr } }
                gross_margin: 1
                cac: 0
                churn: { monthly_rate: 0 }
            """
        let scenario = folder.appendingPathComponent("plan.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: scenario))
        return (folder, scenario)
    }

    /// Over one undiscounted month with margin 1 and no CAC, a customer's profit is its MRR,
    /// so the mean profit estimates the column mean (100 + 250 + 400 + 1000 + 5000)/5 = 1350,
    /// computed by hand.
    @Test func sampleMeanMatchesColumnMean() throws {
        let (folder, path) = try Self.scenarioFolder(mrrCells: ["100", "250", "400", "1000", "5000"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try ScenarioLoader.load(contentsOf: path)
        guard case .empirical(let values) = scenario.segments[0].monthlyRecurringRevenue else {
            Issue.record("not empirical")
            return
        }
        #expect(values.mean == 1350)
        let summary = try simulate(scenario)
        #expect(within99(summary.profitPerCustomer.estimate, of: 1350))
        // Only the column's values occur: P10 and P90 are among them.
        #expect([100.0, 250, 400, 1000, 5000].contains(summary.profitPerCustomer.p10.rounded()))
        #expect([100.0, 250, 400, 1000, 5000].contains(summary.profitPerCustomer.p90.rounded()))
    }

    /// Each value has probability 1/n: the share of draws at the maximum is 1/5.
    @Test func quantileGivesEachValueEqualWeight() {
        let values = EmpiricalDistribution(file: "f", column: "c", values: [5, 1, 4, 2, 3])
        #expect(values.sortedValues == [1, 2, 3, 4, 5])
        #expect(values.quantile(0) == 1 && values.quantile(0.199) == 1 && values.quantile(0.2) == 2)
        #expect(values.quantile(0.999_999) == 5 && values.quantile(1) == 5)
    }

    @Test func nonNumericCellIsLocatedByFileRowAndColumn() throws {
        let (folder, path) = try Self.scenarioFolder(mrrCells: ["100", "250", "n/a", "1000"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = try ScenarioLoader.check(contentsOf: path)
        #expect(check.scenario == nil)
        let problem = try #require(check.problems.first)
        #expect(problem.line == 8)
        #expect(problem.keyPath == "segments[0].mrr.empirical")
        guard case .invalidData(.invalidValue(let file, let row, let line, let column, let value, _)) = problem.kind else {
            Issue.record("kind \(problem.kind)")
            return
        }
        #expect(file.hasSuffix("book.csv") && row == 3 && line == 4 && column == "mrr" && value == "n/a")
        #expect(problem.description.contains("row 3 (line 4): column 'mrr'"))
    }

    @Test func missingColumnIsReported() throws {
        let (folder, path) = try Self.scenarioFolder(mrrCells: ["100"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "column: mrr", with: "column: revenue")
        let check = ScenarioLoader.check(yaml: yaml, file: path)
        guard case .invalidData(.missingColumn(_, "revenue", _)) = try #require(check.problems.first).kind else {
            Issue.record("problems \(check.problems)")
            return
        }
    }
}
