import Foundation

/// A one-line progress bar on standard error, shown only when standard error is a terminal
/// and the work has taken more than a second; redrawn at most ten times a second. Nothing
/// is printed when output is piped or redirected.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let enabled = isatty(STDERR_FILENO) == 1

    /// Records that `done` of `total` units are finished.
    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1, total > 0 else { return }
        lastDraw = now
        drawn = true
        let width = 30
        let filled = min(width, width * done / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(100 * done / total)%  \(done)/\(total) paths".utf8))
    }

    /// Clears the bar if it was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
