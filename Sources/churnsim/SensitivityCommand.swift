import ArgumentParser
import ChurnModel
import Foundation

/// `churnsim sensitivity SCENARIO`: tornado analysis of the uncertain inputs.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Tornado analysis: each uncertain input at its P10 and P90, the others at their medians, common random numbers.")

    @Argument(help: "Scenario file (YAML).")
    var scenario: String

    @Option(help: "Report folder (default: Reports/<scenario name>-sensitivity).")
    var output: String?

    @Option(help: "Monte Carlo paths per run, overriding the scenario's (1 + 2 runs per uncertain input).")
    var paths: Int?

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let paths, paths < 1 { throw ValidationError("--paths must be at least 1") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let (_, report, directory) = try SensitivityRun(
            scenarioFile: scenario, paths: paths, threads: threads, outputDirectory: output
        ).execute()
        print(report.keyFigures.first ?? "")
        print("Report written to \(directory.path)/")
    }
}
