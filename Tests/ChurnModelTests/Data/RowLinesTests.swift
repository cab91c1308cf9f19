import Foundation
import Testing
@testable import ChurnModel

/// Row-located errors name the line on which the row starts in the file, counted by hand in
/// each test's text (line 1 is the header), not `row + 1`.
@Suite struct RowLinesTests {
    let spec = HistorySpecification(time: .duration(column: "tenure", event: "churned", entry: nil))

    /// The error loading `text` as a history; nil (and an issue) when it loads.
    func loadError(_ text: String, _ spec: HistorySpecification) throws -> DataError? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try HistoryLoader.load(path: url.path, specification: spec)
            Issue.record("accepted")
            return nil
        } catch let error as DataError {
            return error
        }
    }

    @Test func withoutShiftsRowRStartsOnLineRPlusOne() {
        var lines = RowLines()
        for row in 1...5 { lines.record(row: row, line: row + 1) }
        #expect((1...5).map { lines.line(ofRow: $0) } == [2, 3, 4, 5, 6])
        #expect(lines == RowLines())  // nothing stored
    }

    @Test func eachShiftIsABreakpointLaterRowsCountFrom() {
        // Rows start on lines 2, 3, 5 (row 2 spans two lines), 6, 9 (two blank lines), 10.
        let starts = [2, 3, 5, 6, 9, 10]
        var lines = RowLines()
        for (index, line) in starts.enumerated() { lines.record(row: index + 1, line: line) }
        #expect((1...6).map { lines.line(ofRow: $0) } == starts)
    }

    /// Each case: a history, and the row, line, column and cell of its first bad cell.
    static let badHistories: [(text: String, row: Int, line: Int, column: String, cell: String)] = [
        // Row 1's note spans lines 2–4, so row 2 starts on line 5.
        ("tenure,churned,note\n3,1,\"first\nsecond\nthird\"\nmany,0,x\n4,1,y\n", 2, 5, "tenure", "many"),
        // Blank lines 2, 4 and 5 (one holding only spaces) are skipped and are not rows.
        ("tenure,churned\n\n3,1\n  \n\n5,maybe\n6,0\n", 2, 6, "churned", "maybe"),
        // CRLF line ends, one inside a quoted field.
        ("tenure,churned,note\r\n3,1,plain\r\n4,0,\"two\r\nlines\"\r\n-1,1,z\r\n", 3, 5, "tenure", "-1"),
        // A header whose quoted name spans two lines shifts every row by one.
        ("tenure,churned,\"free\ntext\"\n3,1,a\n4,x,b\n", 2, 4, "churned", "x"),
        // A missing value, found by the `--missing error` check over all used columns.
        ("tenure,churned,note\n3,1,\"a\nb\"\n\nNA,0,c\n", 2, 5, "tenure", "NA"),
    ]

    @Test(arguments: badHistories)
    func badCellNamesTheLineItsRowStartsOn(case bad: (text: String, row: Int, line: Int, column: String, cell: String)) throws {
        let error = try loadError(bad.text, spec)
        guard case .invalidValue(_, let row, let line, let column, let cell, _)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect((row, line, column, cell) == (bad.row, bad.line, bad.column, bad.cell))
        #expect(error?.description.contains("row \(bad.row) (line \(bad.line)): column '\(bad.column)'") == true)
    }
}
