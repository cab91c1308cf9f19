import Foundation

/// A streaming RFC 4180 reader over bytes: quoted fields with embedded delimiters, doubled
/// quotes and line breaks; LF or CRLF line ends; a UTF-8 byte-order mark is skipped.
///
/// Hand-written rather than taken from CSV.swift 2.5.2, whose reader fails at end of file on
/// Linux (`InputStream.hasBytesAvailable` stays true, so the last read throws
/// `cannotReadFile`) and decodes one scalar at a time through `AnyIterator`. This one reads
/// 1 MiB chunks, so memory does not grow with the file, and knows each record's line.
final class CSVRecordReader {
    private let handle: FileHandle
    private let delimiter: UInt8
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var startedFile = false
    /// 1-based line on which the next record starts.
    private(set) var line = 1

    /// Opens `path` for reading; nil when it cannot be opened.
    init?(path: String, delimiter: UInt8) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
        self.delimiter = delimiter
    }

    deinit { try? handle.close() }

    /// The next record's fields and the line it started on, or nil at end of file.
    /// - Throws: ``CSVRecordError/unterminatedQuote(line:)`` when a quoted field never closes.
    func nextRecord() throws -> (fields: [String], line: Int)? {
        guard var byte = nextByte() else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        while true {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if peekByte() == UInt8(ascii: "\"") {
                        _ = nextByte()
                        field.append(byte)
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && field.allSatisfy({ $0 == UInt8(ascii: " ") }) {
                quoted = true
                field.removeAll()
            } else if byte == delimiter {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == UInt8(ascii: "\n") {
                line += 1
                break
            } else if byte != UInt8(ascii: "\r") || (peekByte() != UInt8(ascii: "\n") && peekByte() != nil) {
                field.append(byte)
            }
            guard let next = nextByte() else {
                if quoted { throw CSVRecordError.unterminatedQuote(line: startLine) }
                break
            }
            byte = next
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return (fields, startLine)
    }

    private func nextByte() -> UInt8? {
        guard fill() else { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    private func peekByte() -> UInt8? {
        fill() ? buffer[position] : nil
    }

    /// Ensures a byte is available at `position`, reading the next chunk if needed.
    private func fill() -> Bool {
        if position < buffer.count { return true }
        guard !atEnd else { return false }
        let chunk = handle.readData(ofLength: 1 << 20)
        if chunk.isEmpty { atEnd = true; return false }
        buffer = [UInt8](chunk)
        position = 0
        if !startedFile {
            startedFile = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            return position < buffer.count || fill()
        }
        return true
    }
}

/// A malformed CSV record.
enum CSVRecordError: Error {
    /// A quoted field opened on `line` is never closed.
    case unterminatedQuote(line: Int)
}
