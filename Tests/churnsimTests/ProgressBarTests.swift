import Testing
@testable import churnsim

/// The progress bar's text: percentage, count and time left, and the elapsed time when done
/// (issue 23, point 5: the last line reads 100% on a line of its own).
@Suite struct ProgressBarTests {
    @Test func lineShowsShareCountAndTimeLeft() {
        let line = ProgressBar.line(done: 100, of: 400, elapsed: 10)
        #expect(line.hasSuffix(" 25%  100/400 paths  ETA 30s"))
        #expect(line.filter { $0 == "█" }.count == 7 && line.filter { $0 == "░" }.count == 23)
    }

    @Test func finishedLineIsFullWithTheElapsedTime() {
        let line = ProgressBar.line(done: 400, of: 400, elapsed: 125.2)
        #expect(line.hasSuffix(" 100%  400/400 paths  in 2m06s"))
        #expect(!line.contains("░"))
    }
}
