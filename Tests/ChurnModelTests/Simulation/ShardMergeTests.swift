import Foundation
import Testing
@testable import ChurnModel

/// Sharded runs merge into exactly the unsharded result, and bad merges are refused.
@Suite struct ShardMergeTests {
    static let scenario = """
        name: Shard check
        horizon_months: 36
        paths: 23
        seed: 4
        segments:
          - name: SMB
            customers: 120
            mrr: { lognormal: { median: 400, sigma: 0.5 } }
            gross_margin: 0.75
            cac: { triangular: [1000, 2000, 4000] }
            churn: { monthly_rate: { triangular: [0.02, 0.03, 0.05] } }
            expansion: { annual_rate: 0.05 }
            new_logos: { per_month: 3 }
          - name: Enterprise
            customers: 15
            mrr: 9000
            gross_margin: 0.8
            cac: 50000
            contract: { term_months: 12 }
            churn: { sbg: { alpha: 2, beta: 8 } }
        downturn: { annual_probability: 0.3, hazard_multiplier: 1.8, correlation: 0.5 }
        """

    func folder(scenario: String = Self.scenario) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(scenario.utf8).write(to: url.appendingPathComponent("plan.yaml"))
        return url
    }

    @Test(arguments: [1, 3, 8])
    func mergeEqualsSingleRun(shards: Int) throws {
        #expect(try mergedSummary(scenario: Self.scenario, shards: shards).customerSuccess == nil)
    }

    /// With a `customer_success` section the parts carry the CS comparison, and the merged
    /// report has the same CS section, bit for bit.
    @Test(arguments: [1, 3])
    func customerSuccessMergeEqualsSingleRun(shards: Int) throws {
        let impact = try #require(try mergedSummary(scenario: customerSuccessScenarioYAML, shards: shards).customerSuccess)
        #expect(impact.retainedNetPresentValue.mean > 0)
    }

    /// Runs `scenario` whole and in `shards` shards (alternating 1 and 2 threads), checks that
    /// the merge gives the same summary and the same `results.json`, and returns the summary.
    func mergedSummary(scenario: String, shards: Int) throws -> RunSummary {
        let root = try folder(scenario: scenario)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("plan.yaml").path
        let single = try ScenarioRun(scenarioFile: file, threads: 2, outputDirectory: root.appendingPathComponent("single").path).execute()
        var parts: [String] = []
        for index in (0..<shards).reversed() {
            let run = ScenarioRun(scenarioFile: file, threads: 1 + index % 2, outputDirectory: root.appendingPathComponent("p\(index)").path)
            parts.append(try run.executeShard(try #require(ShardSpecification(index: index, count: shards))).directory.path)
        }
        let merged = try ShardMerge.merge(parts: parts, outputDirectory: root.appendingPathComponent("merged").path)
        #expect(merged.summary == single.summary)
        let a = try Data(contentsOf: root.appendingPathComponent("single/results.json"))
        let b = try Data(contentsOf: root.appendingPathComponent("merged/results.json"))
        #expect(a == b)
        return merged.summary
    }

    @Test func missingRepeatedAndForeignPartsAreRefused() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("plan.yaml").path
        func shard(_ i: Int, of n: Int, seed: UInt64? = nil) throws -> String {
            let run = ScenarioRun(scenarioFile: file, seed: seed, threads: 1, outputDirectory: root.appendingPathComponent("s\(i)-\(n)-\(seed ?? 0)").path)
            return try run.executeShard(try #require(ShardSpecification(index: i, count: n))).directory.path
        }
        let (a, b, c) = (try shard(0, of: 3), try shard(1, of: 3), try shard(2, of: 3))
        #expect(throws: ShardMergeError.self) { try ShardMerge.merge(parts: [a, c], outputDirectory: root.path + "/x") }
        #expect(throws: ShardMergeError.self) { try ShardMerge.merge(parts: [a, b, b, c], outputDirectory: root.path + "/x") }
        let other = try shard(1, of: 3, seed: 99)
        #expect(throws: ShardMergeError.mismatch(file: other + "/partial.json", field: "seed")) {
            try ShardMerge.merge(parts: [a, other, c], outputDirectory: root.path + "/x")
        }
        #expect(!FileManager.default.fileExists(atPath: root.path + "/x"))
    }

    /// A part in another format (1 held per-path totals, 2 no CS comparison, 3 sketches in
    /// two stores) is refused by name, and nothing is written.
    @Test(arguments: [1, 2, 3])
    func partOfAnotherFormatIsRefused(format: Int) throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("plan.yaml").path
        let part = try ScenarioRun(scenarioFile: file, threads: 1, outputDirectory: root.appendingPathComponent("s").path)
            .executeShard(try #require(ShardSpecification(index: 0, count: 1))).directory.appendingPathComponent("partial.json")
        let text = try String(contentsOf: part, encoding: .utf8)
        #expect(text.contains("\"format\":\(PartialRun.currentFormat)"))
        try Data(text.replacingOccurrences(of: "\"format\":\(PartialRun.currentFormat)", with: "\"format\":\(format)").utf8).write(to: part)
        #expect(throws: ShardMergeError.unsupportedFormat(file: part.path, found: format, expected: PartialRun.currentFormat)) {
            try ShardMerge.merge(parts: [part.path], outputDirectory: root.path + "/x")
        }
        #expect(!FileManager.default.fileExists(atPath: root.path + "/x"))
    }

    @Test func shardIndexComesFromArgumentsOrBatchSystems() {
        #expect(ShardSpecification("2/5") == ShardSpecification(index: 2, count: 5))
        #expect(ShardSpecification("5/5") == nil)
        #expect(ShardSpecification("4", environment: ["JOB_COMPLETION_INDEX": "3"]) == ShardSpecification(index: 3, count: 4))
        #expect(ShardSpecification("4", environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1"])
                == ShardSpecification(index: 1, count: 4))
        #expect(ShardSpecification("4", environment: [:]) == nil)
        let shards = (0..<8).compactMap { ShardSpecification(index: $0, count: 8)?.range(ofPaths: 23) }
        #expect(shards.first?.lowerBound == 0 && shards.last?.upperBound == 23)
        #expect(zip(shards, shards.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }
}
