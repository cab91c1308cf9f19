import ArgumentParser
import ChurnModel
import Foundation

/// `churnsim staffing SCENARIO`: sweep accounts per CSM and find the value-maximising ratio.
struct StaffingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staffing",
        abstract: "Sweep accounts per CSM for each segment with CSMs and report the value-maximising coverage.",
        discussion: "Uses the scenario's customer_success section and its staffing grid (default 10–200 in 20 steps).")

    @Argument(help: "Scenario file (YAML) with a customer_success section.")
    var scenario: String

    @Option(help: "Report folder (default: Reports/<scenario name>-staffing).")
    var output: String?

    @Option(help: "Monte Carlo paths per ratio, overriding the scenario's (one full run per segment and ratio).")
    var paths: Int?

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let paths, paths < 1 { throw ValidationError("--paths must be at least 1") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let (sweep, directory) = try StaffingRun(
            scenarioFile: scenario, paths: paths, threads: threads, outputDirectory: output
        ).execute()
        for segment in sweep.segments {
            print("\(segment.name): best coverage \(segment.best.coverage.label) (\(segment.best.headcount) CSMs)")
        }
        print("Report written to \(directory.path)/")
    }
}
