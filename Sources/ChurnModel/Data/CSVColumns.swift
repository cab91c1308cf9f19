import Foundation

/// Selected columns of a delimited text file, read in one streaming pass.
///
/// Only the requested columns are kept, so memory grows with the columns used rather than
/// with the file. Quoted fields (with embedded delimiters, quotes and line breaks) and a
/// UTF-8 byte-order mark are handled by ``CSVRecordReader``; the delimiter (comma,
/// semicolon or tab) is detected from the header line unless forced with ``CSVDelimiter``.
public struct CSVColumns: Sendable {
    /// The file as named by the user.
    public let file: String
    /// Every column name of the header, in file order.
    public let header: [String]
    /// Cells of each requested column, in row order, whitespace-trimmed.
    public let cells: [String: [String]]
    /// Number of data rows.
    public let rowCount: Int

    /// Reads `columns` from the file at `path`.
    /// - Parameters:
    ///   - path: file path, used as given in messages.
    ///   - columns: column names to keep; each must be in the header.
    ///   - delimiter: field separator; ``CSVDelimiter/auto`` detects it from the header line.
    /// - Throws: ``DataError`` naming the file, and the row for a ragged row.
    public static func read(path: String, columns: [String], delimiter: CSVDelimiter = .auto) throws -> CSVColumns {
        let byte = try delimiter.byte ?? detectDelimiter(path: path)
        guard let reader = CSVRecordReader(path: path, delimiter: byte) else {
            throw DataError.unreadable(file: path, reason: "no such readable file")
        }
        do {
            guard let headerRecord = try reader.nextRecord() else { throw DataError.empty(file: path) }
            let header = headerRecord.fields
            var indices: [(String, Int)] = []
            for column in columns where !indices.contains(where: { $0.0 == column }) {
                guard let index = header.firstIndex(of: column) else {
                    throw DataError.missingColumn(file: path, column: column, available: header)
                }
                indices.append((column, index))
            }
            var kept = [[String]](repeating: [], count: indices.count)
            var row = 0
            var wanted = [Bool](repeating: false, count: header.count)
            for (_, index) in indices { wanted[index] = true }
            while let (fields, isBlank, line) = try reader.nextRecord(wanted: wanted) {
                if isBlank { continue }
                row += 1
                guard fields.count == header.count else {
                    throw DataError.raggedRow(file: path, row: row, line: line, fields: fields.count, expected: header.count)
                }
                for (slot, (_, index)) in indices.enumerated() { kept[slot].append(fields[index]) }
            }
            guard row > 0 else { throw DataError.empty(file: path) }
            var cells: [String: [String]] = [:]
            for (slot, (column, _)) in indices.enumerated() { cells[column] = kept[slot] }
            return CSVColumns(file: path, header: header, cells: cells, rowCount: row)
        } catch CSVRecordError.unterminatedQuote(let line) {
            throw DataError.unreadable(file: path, reason: "line \(line): a quoted field is never closed")
        }
    }

    /// The delimiter among `,`, `;` and tab that occurs most often in the first line.
    static func detectDelimiter(path: String) throws -> UInt8 {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataError.unreadable(file: path, reason: "no such readable file")
        }
        defer { try? handle.close() }
        let prefix = String(decoding: handle.readData(ofLength: 64 * 1024), as: UTF8.self)
        let firstLine = prefix.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]
        let counts = candidates.map { candidate in firstLine.utf8.filter { $0 == candidate }.count }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return UInt8(ascii: ",") }
        return candidates[best]
    }

    /// The cells of `column`; the column must have been requested.
    public func column(_ column: String) -> [String] { cells[column] ?? [] }
}
