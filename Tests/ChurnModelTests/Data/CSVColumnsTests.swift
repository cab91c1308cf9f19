import Foundation
import Testing
@testable import ChurnModel

/// The streaming CSV reader: RFC 4180 quoting, delimiters, BOM, line ends, located errors.
@Suite struct CSVColumnsTests {
    func write(_ text: String, bytes prefix: [UInt8] = []) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-\(UUID().uuidString).csv")
        try Data(prefix + Array(text.utf8)).write(to: url)
        return url.path
    }

    @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
        let path = try write("id,note,value\r\n1,\"a, b\",2\r\n2,\"say \"\"hi\"\"\nnext line\",3\r\n3,plain,4\r\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let csv = try CSVColumns.read(path: path, columns: ["note", "value"])
        #expect(csv.rowCount == 3)
        #expect(csv.column("note") == ["a, b", "say \"hi\"\nnext line", "plain"])
        #expect(csv.column("value") == ["2", "3", "4"])
    }

    @Test(arguments: [";", "\t"])
    func delimiterIsDetectedFromHeader(delimiter: String) throws {
        let path = try write("a\(delimiter)b\n1\(delimiter)2,5\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let csv = try CSVColumns.read(path: path, columns: ["b"])
        #expect(csv.column("b") == ["2,5"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let path = try write("time,event\n3,1\n", bytes: [0xEF, 0xBB, 0xBF])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try CSVColumns.read(path: path, columns: ["time"]).column("time") == ["3"])
    }

    @Test func raggedRowNamesRowAndLine() throws {
        let path = try write("a,b\n1,2\n\"x\ny\",3\n4\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: DataError.raggedRow(file: path, row: 3, line: 5, fields: 1, expected: 2)) {
            try CSVColumns.read(path: path, columns: ["a"])
        }
    }

    @Test func missingColumnSuggestsNearest() throws {
        let path = try write("duration,churned\n1,0\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try CSVColumns.read(path: path, columns: ["durration"])
            Issue.record("accepted")
        } catch let error as DataError {
            #expect(error.description.contains("no column named 'durration'; did you mean 'duration'?"))
        }
    }

    @Test func unterminatedQuoteAndEmptyFilesAreErrors() throws {
        let open = try write("a,b\n1,\"never closed\n")
        let empty = try write("")
        defer { [open, empty].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        #expect(throws: DataError.unreadable(file: open, reason: "line 2: a quoted field is never closed")) {
            try CSVColumns.read(path: open, columns: ["a"])
        }
        #expect(throws: DataError.empty(file: empty)) { try CSVColumns.read(path: empty, columns: []) }
        #expect(throws: DataError.self) { try CSVColumns.read(path: "/no/such/file.csv", columns: []) }
    }

    /// A chunk boundary (1 MiB) inside a quoted field must not change the parse.
    @Test func recordsSpanningChunksParseWhole() throws {
        let long = String(repeating: "x", count: (1 << 20) - 5)
        let path = try write("a,b\n\"\(long),y\",2\n3,4\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let csv = try CSVColumns.read(path: path, columns: ["a", "b"])
        #expect(csv.column("a") == ["\(long),y", "3"])
        #expect(csv.column("b") == ["2", "4"])
    }
}

extension CSVColumnsTests {
    @Test func unquotedFieldsAreTrimmedQuotedOnesKeptExactly() throws {
        let path = try write("a , b\n  1\t, \"  two  \" \n\n3,4\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let csv = try CSVColumns.read(path: path, columns: ["a", "b"])
        #expect(csv.header == ["a", "b"])
        #expect(csv.column("a") == ["1", "3"])
        #expect(csv.column("b") == ["  two  ", "4"])
    }

    @Test func shortRowIsRaggedEvenWhenItsFieldIsNotRead() throws {
        let path = try write("a,b,c\n1,2,3\nx\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: DataError.raggedRow(file: path, row: 2, line: 3, fields: 1, expected: 3)) {
            try CSVColumns.read(path: path, columns: ["c"])
        }
    }
}
