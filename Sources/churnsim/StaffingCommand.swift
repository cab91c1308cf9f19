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

    @OptionGroup var options: RepeatedRunOptions

    func run() throws {
        let (sweep, directory) = try StaffingRun(
            scenarioFile: scenario, paths: options.paths, threads: options.threads, outputDirectory: options.output
        ).execute()
        for segment in sweep.segments {
            print("\(segment.name): best coverage \(segment.best.coverage.label) (\(segment.best.headcount) CSMs)")
        }
        print("Report written to \(directory.path)/")
    }
}
