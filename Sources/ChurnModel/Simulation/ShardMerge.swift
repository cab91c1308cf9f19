import Foundation

/// Why shard results cannot be merged.
public enum ShardMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A part file is missing, a folder or not readable.
    case cannotOpen(file: String, reason: String)
    /// A part file could be read but not decoded.
    case unreadable(file: String, reason: String)
    /// The parts come from different runs (scenario, seed, paths or shard count differ).
    case mismatch(file: String, field: String)
    /// Some paths are missing or simulated twice.
    case incomplete(reason: String)
    /// A part was written in another partial-result format (by another churnsim version).
    case unsupportedFormat(file: String, found: Int, expected: Int)

    /// A message naming the file and what is wrong.
    public var description: String {
        switch self {
        case .cannotOpen(let file, let reason): "\(file): cannot read the shard's partial result: \(reason)"
        case .unreadable(let file, let reason): "\(file): not a churnsim partial result: \(reason)"
        case .mismatch(let file, let field): "\(file): its \(field) differs from the first part's; parts must come from one run"
        case .incomplete(let reason): "the parts do not cover the run: \(reason)"
        case .unsupportedFormat(let file, let found, let expected):
            "\(file): partial-result format \(found), but this churnsim merges format \(expected) only; rerun the shards with this version"
        }
    }
}

/// The library entry point of `churnsim merge`: shard results → exactly the result and
/// report of one unsharded run (the shards' accumulators hold exact sums and integer counts
/// and merge into exactly the unsharded state, so every number is bit-identical).
public enum ShardMerge {
    /// Merges the `partial.json` files (or folders holding one) and writes the report.
    /// - Parameters:
    ///   - parts: partial files or shard folders, in any order.
    ///   - outputDirectory: report folder (default `Reports/<scenario-slug>`).
    /// - Throws: ``ShardMergeError`` when parts are unreadable, from different runs or incomplete.
    public static func merge(parts: [String], outputDirectory: String?) throws -> (summary: RunSummary, directory: URL) {
        let loaded = try parts.map { part -> (String, PartialRun) in
            let isFolder = (try? URL(fileURLWithPath: part).resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            let file = isFolder ? (part as NSString).appendingPathComponent("partial.json") : part
            let data: Data
            do throws(InputFileError) {
                data = try InputFile.data(at: file)
            } catch {
                throw ShardMergeError.cannotOpen(file: file, reason: error.reason)
            }
            let header: PartialRun.Header
            do {
                header = try PartialRun.decoder().decode(PartialRun.Header.self, from: data)
            } catch {
                throw ShardMergeError.unreadable(file: file, reason: "\(error)")
            }
            guard header.format == PartialRun.currentFormat else {
                throw ShardMergeError.unsupportedFormat(file: file, found: header.format, expected: PartialRun.currentFormat)
            }
            do {
                return (file, try PartialRun.decoder().decode(PartialRun.self, from: data))
            } catch {
                throw ShardMergeError.unreadable(file: file, reason: "\(error)")
            }
        }.sorted { $0.1.firstPath < $1.1.firstPath }
        guard let (_, first) = loaded.first else { throw ShardMergeError.incomplete(reason: "no parts given") }
        for (file, part) in loaded {
            for (field, same) in [("scenario", part.scenarioText == first.scenarioText), ("seed", part.seed == first.seed),
                                  ("paths", part.paths == first.paths), ("shard count", part.shardCount == first.shardCount),
                                  ("churnsim version", part.churnsimVersion == first.churnsimVersion)] where !same {
                throw ShardMergeError.mismatch(file: file, field: field)
            }
        }
        var next = 0
        for (file, part) in loaded {
            guard part.firstPath == next else {
                throw ShardMergeError.incomplete(
                    reason: part.firstPath < next ? "\(file) repeats paths from \(part.firstPath)" : "paths \(next)..<\(part.firstPath) are missing")
            }
            next += part.pathCount
        }
        guard next == first.paths else { throw ShardMergeError.incomplete(reason: "paths \(next)..<\(first.paths) are missing") }

        let checked = try LoadedScenario(text: first.scenarioText, file: first.scenarioFile, paths: first.paths)
        let scenario = checked.scenario
        let plan = try SimulationPlan(scenario: scenario, paths: first.paths, seed: first.seed)
        if let (file, _) = loaded.first(where: { ($0.1.customerSuccess == nil) != (scenario.customerSuccess == nil) }) {
            throw ShardMergeError.mismatch(file: file, field: "customer_success comparison")
        }
        var scopes = loaded[0].1.scopes
        var distributions = loaded[0].1.distributions
        var comparison = loaded[0].1.customerSuccess
        for (file, part) in loaded.dropFirst() {
            guard part.scopes.count == scopes.count, part.distributions.count == distributions.count,
                  part.scopes.allSatisfy({ $0.paths == part.pathCount }) else {
                throw ShardMergeError.mismatch(file: file, field: "segments")
            }
            for index in scopes.indices { scopes[index].merge(part.scopes[index]) }
            for index in distributions.indices { distributions[index].merge(part.distributions[index]) }
            if let other = part.customerSuccess { comparison?.merge(other) }
        }
        let outcome = SimulationOutcome(
            plan: plan, paths: 0..<first.paths, scopes: scopes, distributions: distributions)
        var summary = RunSummary(outcome: outcome)
        if let customerSuccess = scenario.customerSuccess, let comparison {
            summary.customerSuccess = CustomerSuccessImpact(customerSuccess: customerSuccess, plan: plan, comparison: comparison)
        }
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/\(ScenarioRun.slug(scenario.name))")
        try ScenarioRun.writeReport(
            summary, scenario: scenario, scenarioFile: first.scenarioFile, warnings: checked.warnings, to: directory)
        return (summary, directory)
    }
}
