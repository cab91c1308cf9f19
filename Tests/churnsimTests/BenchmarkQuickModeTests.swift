import Foundation
import Testing

/// Keeps `Benchmarks/run.sh --quick` from rotting: the Monte Carlo and survival benchmarks against
/// their peers (NumPy; R survival and lifelines) run at small sizes and must agree.
///
/// Opt-in: the peers (R with survival, Python with numpy, pyyaml and lifelines) are not installed on CI,
/// so the test runs only with `CHURNSIM_BENCH_QUICK=1`, e.g.
/// `CHURNSIM_BENCH_QUICK=1 swift test --filter BenchmarkQuickModeTests`; otherwise Swift Testing
/// reports it as skipped. It hands the script the `churnsim` binary this test run built
/// (`CHURNSIM_BIN`), so the script does not start a second `swift build` on the same `.build` folder.
@Suite struct BenchmarkQuickModeTests {
    @Test(
        "Benchmarks/run.sh --quick exits 0 (peers agree)",
        .enabled(if: ProcessInfo.processInfo.environment["CHURNSIM_BENCH_QUICK"] == "1"),
        .timeLimit(.minutes(10)))
    func quickBenchmarkPasses() throws {
        let script = CLIHarness.packageRoot.appendingPathComponent("Benchmarks/run.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, "--quick"]
        process.currentDirectoryURL = CLIHarness.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["CHURNSIM_BIN"] = try CLIHarness.executable.path
        process.environment = environment
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-bench-quick-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "Benchmarks/run.sh --quick failed:\n\(output.suffix(4000))")
        #expect(output.contains("Survival agreement: OK"), "\(output.suffix(4000))")
        #expect(output.contains("Agreement: OK"), "\(output.suffix(4000))")
    }
}
