import ArgumentParser
import ChurnModel
import Foundation

/// `churnsim run SCENARIO`: simulate a scenario and write its report.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario file and write its report (results.json, summary.md, CSV tables).")

    @Argument(help: "Scenario file (YAML).")
    var scenario: String

    @Option(name: .long, help: "Report folder (default: Reports/<scenario name>).")
    var output: String?

    @Option(name: .long, help: "Monte Carlo paths, overriding the scenario's.")
    var paths: Int?

    @Option(name: .long, help: "Random seed, overriding the scenario's.")
    var seed: UInt64?

    @Option(
        name: .customLong("threads"),
        help: ArgumentHelp("Worker threads (default: all cores). Results do not depend on it.", valueName: "threads"))
    var threadCount: Int?

    /// The worker threads asked for, or every core.
    var threads: Int { threadCount ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(
        name: .customLong("target-rse"),
        help: "Stop once the portfolio NPV's relative standard error reaches this (e.g. 0.001); --paths is then the maximum.")
    var targetRelativeStandardError: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Simulate one shard: i/N, or N with the index from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID.",
            discussion: "Writes partial.json; combine the parts with `churnsim merge`."))
    var shard: String?

    func validate() throws {
        if let paths, paths < 1 { throw ValidationError("--paths must be at least 1") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let target = targetRelativeStandardError, !(target > 0) { throw ValidationError("--target-rse must be positive") }
        if targetRelativeStandardError != nil, shard != nil { throw ValidationError("--target-rse cannot be combined with --shard") }
        if let shard, ShardSpecification(shard) == nil {
            throw ValidationError(
                "--shard takes i/N with 0 ≤ i < N, or N with JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID set; got '\(shard)'")
        }
    }

    func run() throws {
        let bar = ProgressBar()
        var succeeded = false
        defer { if !succeeded { bar.finish(succeeded: false) } }
        let run = ScenarioRun(
            scenarioFile: scenario, paths: paths, seed: seed, threads: threads, outputDirectory: output,
            targetRelativeStandardError: targetRelativeStandardError, progress: { bar.update($0, of: $1) })
        if let shard, let specification = ShardSpecification(shard) {
            let (directory, range, warnings) = try run.executeShard(specification)
            succeeded = true
            bar.finish(succeeded: true)
            for warning in warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
            print("Simulated paths \(range.lowerBound)..<\(range.upperBound) (shard \(specification.index) of \(specification.count)).")
            print("Partial result written to \(directory.path)/partial.json")
            return
        }
        let (summary, directory, warnings) = try run.execute()
        succeeded = true
        bar.finish(succeeded: true)
        for warning in warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
        print("Simulated \(summary.run.paths) paths of '\(summary.run.scenario)' (seed \(summary.run.seed)).")
        print("Report written to \(directory.path)/")
    }
}
