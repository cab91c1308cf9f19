import Foundation

/// Writes a report folder atomically: every file goes into a hidden temporary folder
/// beside the destination, which is renamed into place only when all files are written.
/// A reader never sees a partial report, and a failed run leaves none behind.
public enum ReportDirectory {
    /// Writes `files` (name → contents) as the folder `destination`, replacing any previous one.
    /// - Throws: the file-system error; the temporary folder is removed first.
    public static func write(_ files: [(name: String, contents: Data)], to destination: URL) throws {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = UUID().uuidString
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(token)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try file.contents.write(to: staging.appendingPathComponent(file.name))
            }
            if manager.fileExists(atPath: destination.path) {
                let retired = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(token)")
                try manager.moveItem(at: destination, to: retired)
                try manager.moveItem(at: staging, to: destination)
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: destination)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }
}
