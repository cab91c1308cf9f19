import Foundation
import Testing

/// Through the built binary: a bad cell's message names the line its row starts on in the
/// file (counted by hand in each text; line 1 is the header), exits 2 and writes no report.
@Suite struct ErrorLineTests {
    func inFolder(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        try body(directory)
    }

    static let fit = ["fit", "history.csv", "--model", "km", "--duration", "tenure", "--event", "churned", "--output", "km"]

    @Test(arguments: [
        // Row 1's note spans lines 2–3, so row 2 starts on line 4.
        ("tenure,churned,note\n3,1,\"call\nback\"\nsoon,0,x\n", "row 2 (line 4): column 'tenure': expected a duration ≥ 0, found 'soon'"),
        // Blank lines 2 and 4 are skipped: row 2 is on line 5.
        ("tenure,churned,note\n\n3,1,a\n\n4,maybe,b\n", "row 2 (line 5): column 'churned': expected an event flag"),
        // CRLF throughout, one inside a quoted field: row 3 starts on line 5.
        ("tenure,churned,note\r\n3,1,a\r\n4,0,\"two\r\nlines\"\r\n-1,1,z\r\n", "row 3 (line 5): column 'tenure': expected a duration ≥ 0, found '-1'"),
    ])
    func fitNamesTheLineOfTheBadRow(history: String, message: String) throws {
        try inFolder(["history.csv": history]) { directory in
            let result = try CLIHarness.run(Self.fit, in: directory)
            #expect(result.status == 2)
            #expect(result.standardError.contains("history.csv: \(message)"), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("km").path))
        }
    }

    /// A duration of 0, legal for Kaplan–Meier, is a located bad cell for a log-time model
    /// (it was a bare "row 2: duration 0.0 must be > 0" without file or line).
    @Test func parametricFitNamesTheLineOfAZeroDuration() throws {
        try inFolder(["history.csv": "tenure,churned,note\n3,1,\"call\nback\"\n0,1,x\n5,0,y\n"]) { directory in
            let weibull = ["fit", "history.csv", "--model", "weibull", "--duration", "tenure", "--event", "churned"]
            let result = try CLIHarness.run(weibull + ["--output", "weibull"], in: directory)
            #expect(result.status == 2)
            #expect(result.standardError.contains(
                "history.csv: row 2 (line 4): column 'tenure': expected a duration > 0 (a log-time model needs log T), found '0'"),
                "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("weibull").path))
            let km = try CLIHarness.run(Self.fit, in: directory)
            #expect(km.status == 0, "\(km.standardError)")
        }
    }
}
