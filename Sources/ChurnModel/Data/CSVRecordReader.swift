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

    /// Opens `path` for reading.
    /// - Throws: ``InputFileError`` when it is missing, a folder or unreadable.
    init(path: String, delimiter: UInt8) throws(InputFileError) {
        self.handle = try InputFile.handle(at: path)
        self.delimiter = delimiter
    }

    deinit { try? handle.close() }

    /// The next record's fields as text, whether the line was blank, and the line it started
    /// on, or nil at end of file; fields not marked in `wanted` (all are, when nil) are empty.
    /// - Throws: ``CSVRecordError/unterminatedQuote(line:)`` when a quoted field never closes.
    func nextRecord(wanted: [Bool]? = nil) throws -> (fields: [String], isBlank: Bool, line: Int)? {
        var fields: [String] = []
        guard let record = try nextRecord(wanted: wanted, visit: { index, bytes in
            while fields.count < index { fields.append("") }
            fields.append(String(decoding: bytes, as: UTF8.self))
        }) else { return nil }
        while fields.count < record.fields { fields.append("") }
        return (fields, record.isBlank, record.line)
    }

    /// Reads the next record and hands each wanted field's bytes to `visit` with the field's
    /// index; returns the number of fields, whether the line was blank (then nothing is
    /// visited), and the line the record started on, or nil at end of file.
    ///
    /// Unquoted fields are trimmed of spaces and tabs; quoted fields keep their content
    /// exactly. The bytes are valid only during the call. A line without quotes is split in
    /// place in the read buffer, so most fields cost no copy; a line with quotes goes through
    /// the byte-by-byte state machine.
    /// - Throws: ``CSVRecordError/unterminatedQuote(line:)`` when a quoted field never
    ///   closes, and whatever `visit` throws.
    func nextRecord(
        wanted: [Bool]?, visit: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> (fields: Int, isBlank: Bool, line: Int)? {
        guard try fill() else { return nil }
        if let record = try unquotedLine(wanted: wanted, visit: visit) { return record }
        let startLine = line
        let (fields, isBlank) = try quotedRecord(wanted: wanted)
        if !isBlank {
            for (index, field) in fields.enumerated() where Self.isWanted(index, wanted) {
                try field.withUnsafeBufferPointer { try visit(index, $0) }
            }
        }
        return (fields.count, isBlank, startLine)
    }

    /// The fields of a record holding quotes (unwanted ones empty), byte by byte.
    private func quotedRecord(wanted: [Bool]?) throws -> (fields: [[UInt8]], isBlank: Bool) {
        guard var byte = try nextByte() else { return ([[]], true) }
        let startLine = line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        func finish() {
            guard Self.isWanted(fields.count, wanted) else { fields.append([]); return }
            var slice = field[...]
            if !wasQuoted {
                while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
                while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            }
            fields.append(Array(slice))
        }
        while true {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if try peekByte() == UInt8(ascii: "\"") {
                        _ = try nextByte()
                        field.append(byte)
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else if wasQuoted && (byte == 0x20 || byte == 0x09) {
                // Spaces between a closing quote and the delimiter are not part of the field.
            } else if byte == UInt8(ascii: "\"") && field.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                quoted = true
                wasQuoted = true
                field.removeAll()
            } else if byte == delimiter {
                finish()
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
            } else if byte == UInt8(ascii: "\n") {
                line += 1
                break
            } else if try !endsLine(byte) {
                field.append(byte)
            }
            guard let next = try nextByte() else {
                if quoted { throw CSVRecordError.unterminatedQuote(line: startLine) }
                break
            }
            byte = next
        }
        let isBlank = fields.isEmpty && !wasQuoted && field.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        finish()
        return (fields, isBlank)
    }

    private static func isWanted(_ index: Int, _ wanted: [Bool]?) -> Bool {
        guard let wanted else { return true }
        return index < wanted.count && wanted[index]
    }

    /// The record starting at `position` when its line holds no quote character, split on the
    /// delimiter straight from the buffer (which is first extended to hold the whole line);
    /// nil, with nothing consumed, when the line has a quote.
    private func unquotedLine(
        wanted: [Bool]?, visit: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> (fields: Int, isBlank: Bool, line: Int)? {
        var searched = 0  // bytes after `position` known to hold no line break
        var end: Int
        while true {
            if let newline = Self.index(of: UInt8(ascii: "\n"), in: buffer, from: position + searched) {
                end = newline
                break
            }
            searched = buffer.count - position
            end = buffer.count
            guard try appendChunk() else { break }
        }
        guard Self.index(of: UInt8(ascii: "\""), in: buffer, from: position, to: end) == nil else { return nil }
        let startLine = line
        let (start, delimiter) = (position, delimiter)
        let (fieldCount, isBlank) = try buffer.withUnsafeBufferPointer { bytes in
            var contentEnd = end
            if contentEnd > start, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            if (start..<contentEnd).allSatisfy({ bytes[$0] == 0x20 || bytes[$0] == 0x09 }) { return (1, true) }
            // Cut out the fields up to the last wanted one, then only count the rest.
            let lastWanted = wanted.map { $0.lastIndex(of: true) ?? -1 } ?? Int.max
            var fieldStart = start
            var index = 0
            while index <= lastWanted {
                var stop = fieldStart
                while stop < contentEnd, bytes[stop] != delimiter { stop += 1 }
                if Self.isWanted(index, wanted) {
                    var first = fieldStart, last = stop
                    while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
                    while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
                    try visit(index, UnsafeBufferPointer(rebasing: bytes[first..<last]))
                }
                index += 1
                fieldStart = stop + 1
                if stop == contentEnd { return (index, false) }
            }
            var delimiters = 0  // a branch-free loop
            for k in fieldStart..<contentEnd { delimiters &+= bytes[k] == delimiter ? 1 : 0 }
            return (index + delimiters + 1, false)
        }
        if end < buffer.count { line += 1 }
        position = Swift.min(end + 1, buffer.count)
        return (fieldCount, isBlank, startLine)
    }

    /// The first index ≥ `from` (and < `to`, default the end) holding `byte`, by `memchr`.
    private static func index(of byte: UInt8, in bytes: [UInt8], from: Int, to: Int? = nil) -> Int? {
        let end = to ?? bytes.count
        guard from < end else { return nil }
        return bytes.withUnsafeBufferPointer { pointer in
            guard let base = pointer.baseAddress, let found = memchr(base + from, Int32(byte), end - from) else {
                return nil
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Whether `byte` is a carriage return ending the line (before a line feed or at end of file).
    private func endsLine(_ byte: UInt8) throws(InputFileError) -> Bool {
        guard byte == UInt8(ascii: "\r") else { return false }
        let next = try peekByte()
        return next == UInt8(ascii: "\n") || next == nil
    }

    /// Appends the next chunk to the unread rest of the buffer; false at end of file.
    private func appendChunk() throws(InputFileError) -> Bool {
        guard !atEnd else { return false }
        let chunk = try handle.chunk(upTo: 1 << 20)
        if chunk.isEmpty { atEnd = true; return false }
        buffer = Array(buffer[position...]) + chunk
        position = 0
        return true
    }

    private func nextByte() throws(InputFileError) -> UInt8? {
        guard try fill() else { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    private func peekByte() throws(InputFileError) -> UInt8? {
        try fill() ? buffer[position] : nil
    }

    /// Ensures a byte is available at `position`, reading the next chunk if needed.
    private func fill() throws(InputFileError) -> Bool {
        if position < buffer.count { return true }
        guard !atEnd else { return false }
        let chunk = try handle.chunk(upTo: 1 << 20)
        if chunk.isEmpty { atEnd = true; return false }
        buffer = [UInt8](chunk)
        position = 0
        if !startedFile {
            startedFile = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            if position < buffer.count { return true }
            return try fill()
        }
        return true
    }
}

/// A malformed CSV record.
enum CSVRecordError: Error {
    /// A quoted field opened on `line` is never closed.
    case unterminatedQuote(line: Int)
}
