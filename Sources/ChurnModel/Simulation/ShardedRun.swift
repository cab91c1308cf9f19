import Foundation

/// Which part of a run one process simulates: shard `index` of `count` takes the paths
/// ⌊index·P/count⌋ ..< ⌊(index + 1)·P/count⌋.
public struct ShardSpecification: Sendable, Equatable {
    /// 0-based shard index.
    public let index: Int
    /// Number of shards.
    public let count: Int

    /// Creates a shard specification; `index` must be in `0 ..< count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `i/N`, or `N` alone with the index from the batch system: Kubernetes Indexed
    /// Jobs' `JOB_COMPLETION_INDEX`, else Slurm's `SLURM_ARRAY_TASK_ID` (less
    /// `SLURM_ARRAY_TASK_MIN` when set).
    public init?(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let parts = text.split(separator: "/").map(String.init)
        if parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) {
            self.init(index: index, count: count)
        } else if parts.count == 1, let count = Int(parts[0]) {
            if let index = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init) {
                self.init(index: index, count: count)
            } else if let task = environment["SLURM_ARRAY_TASK_ID"].flatMap(Int.init) {
                self.init(index: task - (environment["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0), count: count)
            } else {
                return nil
            }
        } else {
            return nil
        }
    }

    /// The shard's path range out of `paths`.
    public func range(ofPaths paths: Int) -> Range<Int> {
        (index * paths / count)..<((index + 1) * paths / count)
    }
}

/// The partial result of one shard, written as `partial.json` and combined by ``ShardMerge``.
///
/// It carries the scenario text itself, so a merge needs nothing but the partial files and
/// can check that every part ran the same scenario, seed and number of paths. Its size does
/// not grow with the shard's paths: it holds the shard's accumulators, not per-path totals.
struct PartialRun: Codable {
    /// The format this version of churnsim writes and merges: 4 keeps each quantile sketch in
    /// one store keyed by signed bucket (3 kept positive and negative stores and added the
    /// Customer Success comparison; 2 held the scopes' accumulators only, 1 per-path totals).
    static let currentFormat = 4

    /// Format version of this file.
    var format = currentFormat
    /// The scenario file as given, and its full text.
    var scenarioFile: String
    var scenarioText: String
    /// Total paths of the whole run, seed and churnsim version.
    var paths: Int
    var seed: UInt64
    var churnsimVersion: String
    /// This shard.
    var shardIndex: Int
    var shardCount: Int
    /// The shard's paths: `firstPath ..< firstPath + pathCount`.
    var firstPath: Int
    var pathCount: Int
    /// Accumulated paths of each segment, then of the portfolio, and per-segment distributions.
    var scopes: [ScopeAccumulator]
    var distributions: [CustomerDistributions]
    /// The shard's paths with CS against without; nil when the scenario has no `customer_success`.
    var customerSuccess: CustomerSuccessComparison?

    /// Just the format field, read before the rest so that an older or newer file gets a clear error.
    struct Header: Decodable {
        var format: Int
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
