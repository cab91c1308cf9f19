import Foundation

/// Writes a report folder atomically: every file goes into a hidden temporary folder
/// beside the destination, which is renamed into place only when all files are written.
/// A reader never sees a partial report, and a failed run leaves none behind.
///
/// Writes in progress are registered, so that an interrupted process (Ctrl-C) can call
/// ``abandonWritesInProgress()`` to remove the temporary folders and put back a previous
/// report that was being replaced.
public enum ReportDirectory {
    private static let registry = WritesInProgress()

    /// Writes `files` (name → contents) as the folder `destination`, replacing any previous one.
    /// - Throws: the file-system error; the temporary folder is removed first.
    public static func write(_ files: [(name: String, contents: Data)], to destination: URL) throws {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = UUID().uuidString
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(token)")
        let retired = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(token)")
        registry.begin(token, staging: staging, retired: retired, destination: destination)
        defer { registry.end(token) }
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try file.contents.write(to: staging.appendingPathComponent(file.name))
            }
            if manager.fileExists(atPath: destination.path) {
                try manager.moveItem(at: destination, to: retired)
                try manager.moveItem(at: staging, to: destination)
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: destination)
            }
        } catch {
            try? manager.removeItem(at: staging)
            if !manager.fileExists(atPath: destination.path) { try? manager.moveItem(at: retired, to: destination) }
            throw error
        }
    }

    /// Undoes every write in progress: removes its temporary folder and restores the report
    /// it was replacing. For an interrupt handler, just before the process exits.
    public static func abandonWritesInProgress() {
        let manager = FileManager.default
        for write in registry.drain() {
            try? manager.removeItem(at: write.staging)
            if !manager.fileExists(atPath: write.destination.path), manager.fileExists(atPath: write.retired.path) {
                try? manager.moveItem(at: write.retired, to: write.destination)
            }
        }
    }
}

/// The writes under way, by token, under a lock.
private final class WritesInProgress: @unchecked Sendable {
    struct Write {
        let staging: URL
        let retired: URL
        let destination: URL
    }

    private let lock = NSLock()
    private var writes: [String: Write] = [:]

    func begin(_ token: String, staging: URL, retired: URL, destination: URL) {
        lock.lock()
        defer { lock.unlock() }
        writes[token] = Write(staging: staging, retired: retired, destination: destination)
    }

    func end(_ token: String) {
        lock.lock()
        defer { lock.unlock() }
        writes[token] = nil
    }

    /// Every registered write, removing them from the registry.
    func drain() -> [Write] {
        lock.lock()
        defer { lock.unlock() }
        let all = Array(writes.values)
        writes = [:]
        return all
    }
}
