import Foundation
import Testing

/// `churnsim run` with a book of current customers, through the built binary.
@Suite struct CustomerBookCommandTests {
    @Test func shippedBookScenarioRuns() throws {
        let folder = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = CLIHarness.packageRoot.appendingPathComponent("Scenarios/current-book.yaml").path
        let result = try CLIHarness.run(["run", scenario, "--paths", "20", "--output", "out"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let results = try String(contentsOf: folder.appendingPathComponent("out/results.json"), encoding: .utf8)
        #expect(results.contains("\"customers\" : 1499") || results.contains("\"customers\":1499"))
    }

    /// A cell that is not a number: exit 2, the file, row and line (its row's first line in
    /// the file, after A's two-line note and a blank line in the second case) and column
    /// named, no report.
    @Test(arguments: [
        ("id,note,tenure,mrr\nA,x,3,100\nB,x,7,lots\n", 3), ("id,note,tenure,mrr\nA,\"renewal\ncall\",3,100\n\nB,x,7,lots\n", 5),
    ])
    func badCellExitsWithTwoAndALocatedMessage(book: String, line: Int) throws {
        let folder = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(book.utf8).write(to: folder.appendingPathComponent("book.csv"))
        try Data("""
            name: bad book
            horizon_months: 12
            segments:
              - name: SMB
                customers: { file: book.csv, id: id, mrr: mrr, tenure: tenure }
                gross_margin: 0.8
                cac: 0
                churn: { monthly_rate: 0.02 }
            """.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        let result = try CLIHarness.run(["run", "plan.yaml", "--output", "out"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("plan.yaml:5:"))
        #expect(result.standardError.contains("book.csv: row 2 (line \(line)): column 'mrr': expected an MRR ≥ 0, found 'lots'"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
