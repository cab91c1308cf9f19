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

    /// Row 1's note spans lines 2–4; row 2 (line 5) has the bad tenure.
    @Test func quotedLineBreaksBeforeTheBadCell() throws {
        let text = "tenure,churned,note\n3,1,\"first\nsecond\nthird\"\nmany,0,x\n4,1,y\n"
        let error = try loadError(text, spec)
        guard case .invalidValue(_, 2, 5, "tenure", "many", "a duration ≥ 0")? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(error?.description.hasSuffix("row 2 (line 5): column 'tenure': expected a duration ≥ 0, found 'many'") == true)
    }

    /// Blank lines (also ones holding only spaces) are skipped and are not rows: row 2 is on
    /// line 6 (lines 2 and 4–5 are blank). The bad cell is a missing event flag.
    @Test func blankLinesAreSkippedButCounted() throws {
        let text = "tenure,churned\n\n3,1\n  \n\n5,maybe\n6,0\n"
        let error = try loadError(text, spec)
        guard case .invalidValue(_, 2, 6, "churned", "maybe", _)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
    }

    /// CRLF line ends, one inside a quoted field: the row after it is on line 5.
    @Test func crlfLineEnds() throws {
        let text = "tenure,churned,note\r\n3,1,plain\r\n4,0,\"two\r\nlines\"\r\n-1,1,z\r\n"
        let error = try loadError(text, spec)
        guard case .invalidValue(_, 3, 5, "tenure", "-1", _)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
    }

    /// A header whose quoted name spans two lines shifts every row by one.
    @Test func headerOverTwoLines() throws {
        let text = "tenure,churned,\"free\ntext\"\n3,1,a\n4,x,b\n"
        let error = try loadError(text, spec)
        guard case .invalidValue(_, 2, 4, "churned", "x", _)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
    }

    /// A missing value (the `--missing error` path, which finds it among all used columns)
    /// names its line too.
    @Test func missingValueAfterAQuotedLineBreak() throws {
        let text = "tenure,churned,note\n3,1,\"a\nb\"\n\nNA,0,c\n"
        let error = try loadError(text, spec)
        guard case .invalidValue(_, 2, 5, "tenure", "NA", _)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
    }
}
