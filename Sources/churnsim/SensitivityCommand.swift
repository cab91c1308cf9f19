import ArgumentParser
import ChurnModel
import Foundation

/// `churnsim sensitivity SCENARIO`: tornado analysis of the uncertain inputs.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Tornado analysis: each uncertain input at its P10 and P90, the others at their medians, common random numbers.",
        discussion: "Runs the scenario 1 + 2 × (uncertain inputs) times; --paths sets the paths of each run.")

    @Argument(help: "Scenario file (YAML).")
    var scenario: String

    @OptionGroup var options: RepeatedRunOptions

    func run() throws {
        let (_, report, directory) = try SensitivityRun(
            scenarioFile: scenario, paths: options.paths, threads: options.threads, outputDirectory: options.output
        ).execute()
        for warning in report.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
        print(report.keyFigures.first ?? "")
        print("Report written to \(directory.path)/")
    }
}
