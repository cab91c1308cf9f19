import Foundation

/// Checks and reads the files a user names (scenarios, histories, fits, shard parts), so that
/// a missing file, a folder or an unreadable one gives a plain reason instead of a Foundation
/// error code or a trap inside `FileHandle`.
enum InputFile {
    /// Why the file at `path` cannot be read as a file, or nil when it can be opened.
    static func problem(at path: String) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return "no such file" }
        if isFolder.boolValue { return "is a folder, not a file" }
        guard FileManager.default.isReadableFile(atPath: path) else { return "permission denied" }
        return nil
    }

    /// The whole file at `path` as UTF-8 text.
    /// - Throws: ``InputFileError`` with the reason it cannot be read.
    static func text(at path: String) throws(InputFileError) -> String {
        guard let text = String(data: try data(at: path), encoding: .utf8) else {
            throw InputFileError(reason: "not UTF-8 text")
        }
        return text
    }

    /// The whole file at `path` as bytes.
    /// - Throws: ``InputFileError`` with the reason it cannot be read.
    static func data(at path: String) throws(InputFileError) -> Data {
        if let problem = problem(at: path) { throw InputFileError(reason: problem) }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputFileError(reading: error)
        }
    }

    /// A handle on the file at `path` for reading in chunks.
    /// - Throws: ``InputFileError`` with the reason it cannot be opened.
    static func handle(at path: String) throws(InputFileError) -> FileHandle {
        if let problem = problem(at: path) { throw InputFileError(reason: problem) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputFileError(reason: "cannot be opened") }
        return handle
    }
}

/// Why an input file cannot be read, in words for the user ("no such file", "is a folder, not a file").
struct InputFileError: Error, Sendable {
    /// The reason, without the file's name (the caller's error names the file).
    var reason: String

    /// An error with `reason`.
    init(reason: String) { self.reason = reason }

    /// A failed read, in the system's words ("read failed: Is a directory") rather than a
    /// Foundation error code.
    init(reading error: any Error) {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        let posix = [underlying, error as NSError].compactMap { $0 }.first { $0.domain == NSPOSIXErrorDomain }
        reason = "read failed: " + (posix.map { String(cString: strerror(Int32($0.code))) } ?? "\(error)")
    }
}

extension FileHandle {
    /// Up to `count` bytes from the current offset; empty at end of file.
    /// - Throws: ``InputFileError`` when the read fails (the non-throwing `readData(ofLength:)` traps instead).
    func chunk(upTo count: Int) throws(InputFileError) -> Data {
        do {
            return try read(upToCount: count) ?? Data()
        } catch {
            throw InputFileError(reading: error)
        }
    }
}
