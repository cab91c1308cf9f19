import ArgumentParser
import Foundation

/// Options of the commands that run a scenario many times (`staffing`, `sensitivity`).
struct RepeatedRunOptions: ParsableArguments {
    @Option(help: "Report folder (default: Reports/<scenario name>-<command>).")
    var output: String?

    @Option(help: "Monte Carlo paths per run, overriding the scenario's.")
    var paths: Int?

    @Option(name: .customLong("threads"), help: ArgumentHelp("Worker threads (default: all cores).", valueName: "threads"))
    var threadCount: Int?

    /// The worker threads asked for, or every core.
    var threads: Int { threadCount ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let paths, paths < 1 { throw ValidationError("--paths must be at least 1") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }
}
