import Foundation
import Testing
@testable import ChurnModel

/// The small-scale twin of `scripts/large-csv-check.sh`: a file of several 1 MiB read chunks
/// whose last row is bad is rejected with that row's number, so the error is not lost at a
/// chunk boundary.
@Suite struct LargeFileErrorTests {
    /// 100,000 rows of ~33 bytes (about 3.2 MiB: three read chunks and a bit), then `lastRow`.
    func history(lastRow: String) throws -> String {
        var text = "id,tenure,churned,notes\n"
        text.reserveCapacity(3_400_000)
        for row in 1...100_000 { text += "c\(row),\(row % 60 + 1),\(row % 3 == 0 ? 1 : 0),\"call, no issues \(row % 97)\"\n" }
        text += lastRow + "\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        #expect(text.utf8.count > 3 << 20)
        return url.path
    }

    let spec = HistorySpecification(time: .duration(column: "tenure", event: "churned", entry: nil))

    @Test func badValueInTheLastRowIsReportedWithItsRowNumber() throws {
        let path = try history(lastRow: "bad,twelve,0,\"x\"")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: DataError.invalidValue(file: path, row: 100_001, line: 100_002, column: "tenure", value: "twelve", expected: "a duration ≥ 0")) {
            try HistoryLoader.load(path: path, specification: spec)
        }
    }

    @Test func raggedOrUnterminatedLastRowIsReportedWithItsLine() throws {
        let ragged = try history(lastRow: "bad,3")
        defer { try? FileManager.default.removeItem(atPath: ragged) }
        #expect(throws: DataError.raggedRow(file: ragged, row: 100_001, line: 100_002, fields: 2, expected: 4)) {
            try HistoryLoader.load(path: ragged, specification: spec)
        }
        let open = try history(lastRow: "bad,3,0,\"never closed")
        defer { try? FileManager.default.removeItem(atPath: open) }
        #expect(throws: DataError.unreadable(file: open, reason: "line 100002: a quoted field is never closed")) {
            try HistoryLoader.load(path: open, specification: spec)
        }
    }

    @Test func everyRowOfAMultiChunkFileIsReadIntact() throws {
        // Unquoted rows (split in place in the read buffer) with a quoted row every 1,000,
        // CRLF line ends, and no final line break: rows straddle every chunk boundary.
        var text = "id;tenure;note\r\n"
        for row in 1...150_000 {
            let note = row % 1_000 == 0 ? "\"a; \"\"quoted\"\" note\"" : " plain \(row % 7) "
            text += "c\(row);\(Double(row % 600) / 10);\(note)" + (row < 150_000 ? "\r\n" : "")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(text.utf8.count > 3 << 20)
        let csv = try CSVColumns.read(path: url.path, columns: ["id", "tenure", "note"])
        #expect(csv.rowCount == 150_000)
        let ids = csv.column("id"), tenures = csv.column("tenure"), notes = csv.column("note")
        for row in 1...150_000 {
            #expect(ids[row - 1] == "c\(row)")
            #expect(Double(tenures[row - 1]) == Double(row % 600) / 10)
            #expect(notes[row - 1] == (row % 1_000 == 0 ? "a; \"quoted\" note" : "plain \(row % 7)"))
        }
    }
}
