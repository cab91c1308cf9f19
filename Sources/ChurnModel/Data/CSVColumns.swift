import Foundation

/// Selected columns of a delimited text file, read in one streaming pass.
///
/// Only the requested columns are kept, so memory grows with the columns used rather than
/// with the file; a column read as numbers or dates costs 8 bytes a cell (see
/// ``CSVColumn``). Quoted fields (with embedded delimiters, quotes and line breaks) and a
/// UTF-8 byte-order mark are handled by ``CSVRecordReader``; the delimiter (comma,
/// semicolon or tab) is detected from the header line unless forced with ``CSVDelimiter``.
public struct CSVColumns: Sendable {
    /// The file as named by the user.
    public let file: String
    /// Every column name of the header, in file order.
    public let header: [String]
    /// Number of data rows.
    public let rowCount: Int
    /// The line on which each data row starts, for messages.
    public let rowLines: RowLines
    /// The field separator the file was read with.
    let delimiter: UInt8
    /// The kept columns by name; a loader removes each once it has taken what it needs.
    var columns: [String: CSVColumn]

    /// Reads `columns` from the file at `path`, every cell as text.
    /// - Parameters:
    ///   - path: file path, used as given in messages.
    ///   - columns: column names to keep; each must be in the header.
    ///   - delimiter: field separator; ``CSVDelimiter/auto`` detects it from the header line.
    /// - Throws: ``DataError`` naming the file, and the row for a ragged row.
    public static func read(path: String, columns: [String], delimiter: CSVDelimiter = .auto) throws -> CSVColumns {
        try read(path: path, columns: columns.map { ($0, .text) }, delimiter: delimiter.byte ?? detectDelimiter(path: path))
    }

    /// Reads `columns` from the file at `path`, each kept as its ``CSVColumn/Kind`` says.
    /// - Throws: ``DataError`` naming the file, and the row for a ragged row.
    static func read(path: String, columns: [(String, CSVColumn.Kind)], delimiter: CSVDelimiter) throws -> CSVColumns {
        try read(path: path, columns: columns, delimiter: delimiter.byte ?? detectDelimiter(path: path))
    }

    private static func read(path: String, columns: [(String, CSVColumn.Kind)], delimiter byte: UInt8) throws -> CSVColumns {
        do {
            let reader = try CSVRecordReader(path: path, delimiter: byte)
            guard let headerRecord = try reader.nextRecord() else { throw DataError.empty(file: path) }
            let header = headerRecord.fields
            var names: [String] = []
            var slots = [Int](repeating: -1, count: header.count)  // builder index per field
            var builders: [CSVColumnBuilder] = []
            let expectedRows = estimatedRows(path: path, fields: header.count)
            for (column, kind) in columns where !names.contains(column) {
                guard let index = header.firstIndex(of: column) else {
                    throw DataError.missingColumn(file: path, column: column, available: header)
                }
                slots[index] = builders.count
                names.append(column)
                builders.append(CSVColumnBuilder(kind: kind, expectedRows: expectedRows))
            }
            let wanted = slots.map { $0 >= 0 }
            var row = 0
            var rowLines = RowLines()
            try builders.withUnsafeMutableBufferPointer { builders in
                while let (fields, isBlank, line) = try reader.nextRecord(wanted: wanted, visit: { index, bytes in
                    builders[slots[index]].append(bytes)
                }) {
                    if isBlank { continue }
                    row += 1
                    rowLines.record(row: row, line: line)
                    guard fields == header.count else {
                        throw DataError.raggedRow(file: path, row: row, line: line, fields: fields, expected: header.count)
                    }
                }
            }
            guard row > 0 else { throw DataError.empty(file: path) }
            let kept = Dictionary(uniqueKeysWithValues: zip(names, builders.map { $0.column() }))
            return CSVColumns(file: path, header: header, rowCount: row, rowLines: rowLines, delimiter: byte, columns: kept)
        } catch CSVRecordError.unterminatedQuote(let line) {
            throw DataError.unreadable(file: path, reason: "line \(line): a quoted field is never closed")
        } catch let error as InputFileError {
            throw DataError.unreadable(file: path, reason: error.reason)
        }
    }

    /// About how many data rows the file holds, from its size and the length of its first
    /// lines (64 KiB), and at most one per `fields` bytes (a row holds `fields - 1`
    /// delimiters and a line end); 0 when unknown. Used only to reserve column storage.
    static func estimatedRows(path: String, fields: Int) -> Int {
        guard let handle = try? InputFile.handle(at: path) else { return 0 }
        defer { try? handle.close() }
        guard let prefix = try? handle.chunk(upTo: 64 * 1024) else { return 0 }
        let lines = prefix.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard lines > 1, let size = try? handle.seekToEnd() else { return 0 }
        return min(Int(Double(size) / Double(prefix.count) * Double(lines) * 1.02) + 16, Int(size) / max(fields, 1))
    }

    /// The delimiter among `,`, `;` and tab that occurs most often in the first line.
    static func detectDelimiter(path: String) throws -> UInt8 {
        let prefix: String
        do {
            let handle = try InputFile.handle(at: path)
            defer { try? handle.close() }
            prefix = String(decoding: try handle.chunk(upTo: 64 * 1024), as: UTF8.self)
        } catch {
            throw DataError.unreadable(file: path, reason: error.reason)
        }
        let firstLine = prefix.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]
        let counts = candidates.map { candidate in firstLine.utf8.filter { $0 == candidate }.count }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return UInt8(ascii: ",") }
        return candidates[best]
    }

    /// The cells of `column` as text: as kept for a text column; read again from the file
    /// for a numeric or date one, whose spelling is not kept (the rare path: a numeric-looking
    /// column used as labels, or a message quoting a cell).
    /// - Throws: ``DataError`` when the file can no longer be read as before.
    func texts(_ column: String) throws -> [String] {
        switch columns[column] {
        case .text(let cells): return cells
        case .numbers, .dates, nil:
            let again = try Self.read(path: file, columns: [(column, .text)], delimiter: delimiter)
            guard again.rowCount == rowCount, case .text(let cells)? = again.columns[column] else {
                throw DataError.unreadable(file: file, reason: "the file changed while it was being read")
            }
            return cells
        }
    }

    /// The text of data row `row` (0-based) of `column`, read again from the file up to that
    /// row, keeping nothing else: a message quoting a cell whose spelling was not kept costs
    /// no memory, however large the file.
    /// - Throws: ``DataError`` when the file can no longer be read as before.
    func rereadCell(_ column: String, row: Int) throws -> String {
        guard let index = header.firstIndex(of: column), let reader = try? CSVRecordReader(path: file, delimiter: delimiter) else {
            throw DataError.unreadable(file: file, reason: "no longer readable")
        }
        var wanted = [Bool](repeating: false, count: header.count)
        wanted[index] = true
        _ = try reader.nextRecord(wanted: wanted)  // the header
        var current = 0
        var found: String?
        while found == nil, let record = try reader.nextRecord(wanted: wanted, visit: { _, bytes in
            if current == row { found = String(decoding: bytes, as: UTF8.self) }
        }) {
            if !record.isBlank { current += 1 }
        }
        guard let found else { throw DataError.unreadable(file: file, reason: "the file changed while it was being read") }
        return found
    }

    /// The cells of `column` as text; the column must have been requested. Numeric columns
    /// are read again from the file.
    public func column(_ column: String) -> [String] { (try? texts(column)) ?? [] }
}
