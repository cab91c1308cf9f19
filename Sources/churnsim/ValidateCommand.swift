import ArgumentParser
import ChurnModel
import Foundation

/// `churnsim validate SCENARIO…`: check scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files: every problem and warning at once, each with file, line and key path.",
        discussion: "Exit code 0 when every file is valid (warnings allowed), 2 when any has a problem.")

    @Argument(help: "Scenario files (YAML).")
    var scenarios: [String]

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        var invalid = false
        for file in scenarios {
            let check = try ScenarioLoader.check(contentsOf: file)
            for line in (check.problems + check.warnings).sorted(by: { ($0.line ?? 0) < ($1.line ?? 0) }) {
                FileHandle.standardError.write(Data("\(line)\n".utf8))
            }
            if let scenario = check.scenario {
                let customers = scenario.segments.reduce(0) { $0 + $1.customers }
                print("\(file): valid — \(scenario.segments.count) segment(s), \(customers) customers, "
                    + "\(scenario.horizonMonths) months, \(scenario.paths) paths"
                    + (check.warnings.isEmpty ? "" : ", \(check.warnings.count) warning(s)"))
            } else {
                print("\(file): \(check.problems.count) problem(s)")
                invalid = true
            }
        }
        if invalid { throw ExitCode(2) }
    }
}
