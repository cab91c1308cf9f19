import Foundation

/// A one-line progress bar on standard error, shown only when standard error is a terminal
/// and the work has taken more than a second; redrawn at most ten times a second, with
/// an estimate of the time left, and ended on a line of its own. Nothing
/// is printed when output is piped or redirected.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private var total = 0
    private let enabled = isatty(STDERR_FILENO) == 1

    /// Records that `done` of `total` units are finished.
    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1, total > 0, done < total else { return }
        lastDraw = now
        drawn = true
        self.total = total
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Self.line(done: done, of: total, elapsed: now.timeIntervalSince(start))).utf8))
    }

    /// Ends the bar, if it was drawn, on a line of its own: at 100% when the work `succeeded`
    /// (so what is printed next starts on a fresh line), cleared when it failed.
    func finish(succeeded: Bool) {
        lock.lock()
        defer { lock.unlock() }
        guard drawn else { return }
        drawn = false
        let end = succeeded ? Self.line(done: total, of: total, elapsed: Date().timeIntervalSince(start)) + "\n" : ""
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + end).utf8))
    }

    /// The bar's text: `█████░░░ 40%  400/1000 paths  ETA 12s`, or the elapsed time when done.
    static func line(done: Int, of total: Int, elapsed: TimeInterval) -> String {
        let width = 30
        let filled = min(width, width * done / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let time = done >= total
            ? "in " + duration(elapsed)
            : done > 0 ? "ETA " + duration(elapsed / Double(done) * Double(total - done)) : "ETA …"
        return "\(bar) \(100 * done / total)%  \(done)/\(total) paths  \(time)"
    }

    /// Seconds as `12s` or `3m05s`.
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded(.up))
        guard whole >= 60 else { return "\(whole)s" }
        let rest = whole % 60
        return "\(whole / 60)m\(rest < 10 ? "0" : "")\(rest)s"
    }
}
