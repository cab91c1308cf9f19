import Foundation
import Testing

/// Every input path a command takes (history, book, scenario, fitted model, shard part) that is
/// a folder or missing gives a located message and exit code 2, never a trap or a Foundation
/// error code, and leaves no report behind (issue 23, point 2).
@Suite struct UnreadableInputTests {
    /// Arguments naming `folder` (an existing folder) where a file is expected, and the words
    /// the message must hold.
    static let folderCases: [([String], String)] = [
        (["fit", "folder", "--model", "km", "--duration", "t", "--event", "e"], "folder: cannot read: is a folder, not a file"),
        (["fit", "folder", "--model", "cox", "--duration", "t", "--event", "e", "--covariates", "x"],
         "folder: cannot read: is a folder, not a file"),
        (["score", "folder", "--model", "fit.yaml", "--tenure", "t", "--mrr", "m"], "folder: cannot read: is a folder, not a file"),
        (["score", "book.csv", "--model", "folder", "--tenure", "t", "--mrr", "m"],
         "folder: cannot read the fitted model: is a folder, not a file"),
        (["run", "folder"], "folder: cannot read scenario: is a folder, not a file"),
        (["validate", "folder"], "folder: cannot read scenario: is a folder, not a file"),
        (["staffing", "folder"], "folder: cannot read scenario: is a folder, not a file"),
        (["sensitivity", "folder"], "folder: cannot read scenario: is a folder, not a file"),
        (["merge", "folder"], "partial.json: cannot read the shard's partial result: no such file"),
        (["fit", "missing.csv", "--model", "km", "--duration", "t", "--event", "e"], "missing.csv: cannot read: no such file"),
        (["run", "missing.yaml"], "missing.yaml: cannot read scenario: no such file"),
    ]

    @Test(arguments: folderCases)
    func unreadablePathExitsTwoWithPlainReason(arguments: [String], message: String) throws {
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("folder"), withIntermediateDirectories: false)
        try Data("t,m\n1,100\n".utf8).write(to: directory.appendingPathComponent("book.csv"))
        try FileManager.default.copyItem(
            at: CLIHarness.packageRoot.appendingPathComponent("Reports/examples/fit-cox/fit.yaml"),
            to: directory.appendingPathComponent("fit.yaml"))
        let result = try CLIHarness.run(arguments, in: directory)
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!result.standardError.contains("NSCocoaErrorDomain") && !result.standardError.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Reports").path))
    }
}
