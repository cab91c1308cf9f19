import Foundation
import Testing
@testable import ChurnModel

/// A book of current customers: churn conditional on the tenure already survived.
@Suite struct CustomerBookTests {
    /// A temporary folder with `book.csv` (`rows` after the header) and `plan.yaml` whose
    /// segment reads it with `customers` and churns by `churn`; returns the scenario path.
    static func folder(header: String, rows: [String], customers: String, churn: String) throws -> (URL, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-book-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(([header] + rows).joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("book.csv"))
        let yaml = """
            name: book
            horizon_months: 36
            paths: 300
            seed: 11
            segments:
              - name: SMB
                customers: \(customers)
                gross_margin: 0.8
                cac: 0
                churn: \(churn)
            """
        let path = folder.appendingPathComponent("plan.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    /// Constant monthly churn m is memoryless: whatever the tenure, P(still active after t
    /// more months) = (1 − m)^t, the unconditional survival.
    @Test func constantHazardIsMemoryless() throws {
        let rows = (0..<400).map { "C\($0),SMB,\($0 % 37),\(100 + $0)" }
        let (folder, path) = try Self.folder(
            header: "customer_id,segment,tenure_months,mrr", rows: rows,
            customers: "{ file: book.csv, segment_column: segment, id: customer_id, mrr: mrr, tenure: tenure_months }",
            churn: "{ monthly_rate: 0.03 }")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try ScenarioLoader.load(contentsOf: path)
        #expect(scenario.segments[0].customers == 400)
        let summary = try simulate(scenario)
        for point in summary.survival {
            #expect(within99(point.probability, of: Double.pow(0.97, Double(point.month))), "month \(point.month)")
        }
        // Book customers' CAC is sunk: profit per customer is the NPV of gross profit only.
        #expect(summary.cacPaybackMonth.p90 == 1)
    }

    /// On annual contracts a customer at tenure 5 first faces a renewal in 7 months, then
    /// every 12: P(active after 12 months) = 1 − q, after 24 = (1 − q)², q = 1 − 0.98¹².
    @Test func contractRenewalFollowsFromTenure() throws {
        let rows = (0..<400).map { "C\($0),5,100" }
        let (folder, path) = try Self.folder(
            header: "customer_id,tenure_months,mrr", rows: rows,
            customers: "{ file: book.csv, mrr: mrr, tenure: tenure_months }", churn: "{ monthly_rate: 0.02 }")
        defer { try? FileManager.default.removeItem(at: folder) }
        var scenario = try ScenarioLoader.load(contentsOf: path)
        scenario.segments[0].contractTermMonths = 12
        let summary = try simulate(scenario)
        let renew = Double.pow(0.98, 12)
        #expect(within99(summary.survival[0].probability, of: renew))
        #expect(within99(summary.survival[1].probability, of: renew * renew))
        let arr = summary.annualRecurringRevenueByMonth
        #expect(arr[6].value.mean == 12 * 100 * 400, "nobody leaves before the renewal in month 7")
        #expect(arr[7].value.mean < arr[6].value.mean)
    }

    /// A Weibull fit with a covariate: a customer at tenure t with covariates x stays u more
    /// months with probability S_x(t + u)/S_x(t); the book mixes both covariate values and
    /// two tenures, so the expected share is the average of the customers' conditional
    /// survivals, each from `FitSummary.survivalModel(covariates:)` (the fitted model at
    /// fixed covariates, a code path separate from the book's).
    @Test func weibullSurvivalBeyondTenureIsConditional() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-bookfit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let asOf = try #require(CalendarDate(iso: "2026-10-31"))
        let history = folder.appendingPathComponent("history.csv")
        try Data(SyntheticHistory(count: 1500, seed: 2, asOf: asOf).csv.utf8).write(to: history)
        let (fit, _) = try HistoryFit(
            historyFile: history.path,
            specification: HistorySpecification(
                time: .duration(column: "tenure_months", event: "churned", entry: nil), covariates: ["sponsor_change"]),
            model: .weibull, outputDirectory: folder.appendingPathComponent("fit").path
        ).execute()
        let profiles = (0..<400).map { (tenure: $0 % 2 == 0 ? 3.0 : 20.0, sponsor: $0 % 3 == 0 ? "yes" : "no") }
        try Data((["id,tenure,mrr,sponsor"] + profiles.enumerated().map { "C\($0.offset),\($0.element.tenure),100,\($0.element.sponsor)" })
            .joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("book.csv"))
        var scenario = singleSegmentScenario(
            customers: 400, horizon: 36, monthlyChurn: 0,
            churn: .fitted(FittedChurnModel(file: "fit/fit.yaml", covariates: [:], stratum: nil, monthsPerUnit: 1)))
        scenario.baseDirectory = folder.path
        scenario.segments[0].book = CustomerBook(
            file: folder.appendingPathComponent("book.csv").path, ids: profiles.indices.map { "C\($0)" },
            monthlyRecurringRevenue: Array(repeating: 100, count: 400), tenureMonths: profiles.map(\.tenure),
            covariateCells: ["sponsor_change": profiles.map(\.sponsor)], covariateColumns: ["sponsor_change": "sponsor"],
            rows: Array(1...400))
        let models = try [0.0, 1.0].map { try fit.survivalModel(covariates: ["sponsor_change": $0], stratum: nil, file: "fit") }
        let simulated = try simulate(scenario)
        for point in simulated.survival {
            let u = Double(point.month)
            let expected = profiles.map { models[$0.sponsor == "yes" ? 1 : 0].conditionalSurvival(at: u, given: $0.tenure) }
                .reduce(0, +) / 400
            #expect(within99(point.probability, of: expected), "month \(point.month)")
        }
    }

    /// C2's bad tenure is row 2, on line 3; or on line 5 when C1's note spans two lines and a
    /// blank line follows.
    @Test(arguments: [(["C1,x,4,100", "C2,x,-3,100"], 3), (["C1,\"renewal\ncall\",4,100", "", "C2,x,-3,100"], 5)])
    func badTenureCellIsLocated(rows: [String], line: Int) throws {
        let (folder, path) = try Self.folder(
            header: "customer_id,note,tenure_months,mrr", rows: rows,
            customers: "{ file: book.csv, mrr: mrr, tenure: tenure_months }", churn: "{ monthly_rate: 0.02 }")
        defer { try? FileManager.default.removeItem(at: folder) }
        let problem = try #require(try ScenarioLoader.check(contentsOf: path).problems.first)
        #expect(problem.kind == .invalidData(.invalidValue(
            file: folder.appendingPathComponent("book.csv").path, row: 2, line: line, column: "tenure_months", value: "-3",
            expected: "a tenure in months ≥ 0")))
        #expect(problem.description.contains("row 2 (line \(line)): column 'tenure_months'"))
        #expect(problem.keyPath == "segments[0].customers")
        #expect(problem.line == 7)
    }

    @Test func unknownLevelInTheBookIsLocated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-booklevel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fit = FitSummary(
            model: "cox", n: 10, events: 5,
            coefficients: [FitCoefficient(name: "sponsor_change", estimate: 0.5, standardError: 0.1, z: 5, p: 0, ciLower: 0.3, ciUpper: 0.7)],
            baseline: [FitBaselineRow(stratum: nil, time: 1, cumulativeHazard: 0.1)])
        var withEncodings = fit
        withEncodings.covariateEncodings = [FitCovariateEncoding(column: "sponsor_change", kind: "boolean")]
        try JSONEncoder().encode(withEncodings).write(to: folder.appendingPathComponent("fit.json"))
        var scenario = singleSegmentScenario(
            customers: 2, monthlyChurn: 0,
            churn: .fitted(FittedChurnModel(file: "fit.json", covariates: [:], stratum: nil, monthsPerUnit: 1)))
        scenario.baseDirectory = folder.path
        scenario.segments[0].book = CustomerBook(
            file: "book.csv", ids: ["a", "b"], monthlyRecurringRevenue: [1, 2], tenureMonths: [0, 1],
            covariateCells: ["sponsor_change": ["yes", "maybe"]], covariateColumns: ["sponsor_change": "sponsor"], rows: [1, 2])
        #expect(throws: DataError.invalidValue(
            file: "book.csv", row: 2, line: 3, column: "sponsor", value: "maybe", expected: "true/false or yes/no")) {
            _ = try SimulationPlan(scenario: scenario)
        }
        var shifted = RowLines()  // row 1 spans lines 2–5, so row 2 starts on line 6
        shifted.record(row: 1, line: 2)
        shifted.record(row: 2, line: 6)
        scenario.segments[0].book?.rowLines = shifted
        #expect(throws: DataError.invalidValue(
            file: "book.csv", row: 2, line: 6, column: "sponsor", value: "maybe", expected: "true/false or yes/no")) {
            _ = try SimulationPlan(scenario: scenario)
        }
    }
}
