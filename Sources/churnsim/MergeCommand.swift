import ArgumentParser
import ChurnModel
import Foundation

/// `churnsim merge PARTS…`: combine shard results into the report of the whole run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the partial results of `churnsim run --shard` into exactly the unsharded report.")

    @Argument(help: "partial.json files or the shard folders holding them, in any order.")
    var parts: [String]

    @Option(help: "Report folder (default: Reports/<scenario name>).")
    var output: String?

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the partial results to merge") }
    }

    func run() throws {
        let (summary, directory) = try ShardMerge.merge(parts: parts, outputDirectory: output)
        print("Merged \(parts.count) part(s): \(summary.run.paths) paths of '\(summary.run.scenario)' (seed \(summary.run.seed)).")
        print("Report written to \(directory.path)/")
    }
}
