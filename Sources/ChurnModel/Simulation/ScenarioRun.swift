import Foundation

/// The library entry point of `churnsim run`: scenario file → simulation → report folder.
public struct ScenarioRun: Sendable {
    /// Path of the scenario file.
    public var scenarioFile: String
    /// Paths to simulate instead of the scenario's, if set.
    public var paths: Int?
    /// Seed instead of the scenario's, if set.
    public var seed: UInt64?
    /// Worker threads.
    public var threads: Int
    /// Report folder; defaults to `Reports/<scenario-name-slug>`.
    public var outputDirectory: String?
    /// Stop adding paths once the portfolio NPV's relative standard error is at most this
    /// (checked after each batch of 100 paths; the path count is then at most `paths`).
    public var targetRelativeStandardError: Double?
    /// Called with (paths finished, paths planned) while simulating.
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// Describes a run.
    public init(
        scenarioFile: String, paths: Int? = nil, seed: UInt64? = nil, threads: Int, outputDirectory: String? = nil,
        targetRelativeStandardError: Double? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) {
        self.scenarioFile = scenarioFile
        self.paths = paths
        self.seed = seed
        self.threads = threads
        self.outputDirectory = outputDirectory
        self.targetRelativeStandardError = targetRelativeStandardError
        self.progress = progress
    }

    /// Loads and validates the scenario, simulates it, and writes the report atomically.
    /// With a `customer_success` section every path is simulated with the scenario's CS
    /// coverage and again without CS (same random numbers), and the summary carries
    /// ``CustomerSuccessImpact``; memory does not grow with the number of paths either way.
    /// - Returns: the summary, the folder written and the scenario's plausibility warnings.
    /// - Throws: ``ScenarioError`` for a bad scenario (nothing is written), or a file-system error.
    public func execute() throws -> (summary: RunSummary, directory: URL, warnings: [ScenarioProblem]) {
        let loaded = try LoadedScenario(contentsOf: scenarioFile, paths: paths)
        let scenario = loaded.scenario
        let (plan, outcome, comparison) = try simulate(scenario, shard: nil)
        var summary = RunSummary(outcome: outcome)
        if let customerSuccess = scenario.customerSuccess, let comparison {
            summary.customerSuccess = CustomerSuccessImpact(customerSuccess: customerSuccess, plan: plan, comparison: comparison)
        }
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/\(Self.slug(scenario.name))")
        try Self.writeReport(summary, scenario: scenario, scenarioFile: scenarioFile, warnings: loaded.warnings, to: directory)
        return (summary, directory, loaded.warnings)
    }

    /// Simulates one shard's paths and writes its `partial.json` atomically, for
    /// ``ShardMerge`` to combine into exactly the unsharded result (the CS comparison included).
    /// - Returns: the folder written, the shard's paths and the scenario's warnings.
    public func executeShard(_ shard: ShardSpecification) throws -> (directory: URL, paths: Range<Int>, warnings: [ScenarioProblem]) {
        let loaded = try LoadedScenario(contentsOf: scenarioFile, paths: paths)
        let scenario = loaded.scenario
        let (plan, outcome, comparison) = try simulate(scenario, shard: shard)
        let partial = PartialRun(
            scenarioFile: scenarioFile, scenarioText: loaded.text, paths: plan.paths, seed: plan.seed,
            churnsimVersion: ChurnSimVersion.current, shardIndex: shard.index, shardCount: shard.count,
            firstPath: outcome.paths.lowerBound, pathCount: outcome.paths.count, scopes: outcome.scopes,
            distributions: outcome.distributions, customerSuccess: comparison)
        let name = "\(Self.slug(scenario.name))-shard-\(shard.index)-of-\(shard.count)"
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/\(name)")
        try ReportDirectory.write([("partial.json", try PartialRun.encoder().encode(partial))], to: directory)
        return (directory, outcome.paths, loaded.warnings)
    }

    /// Simulates the scenario with its CS coverage (the reported run) and, when it has a
    /// `customer_success` section, each path again without CS (every hazard ratio 1) on the
    /// same random numbers, folded into a ``CustomerSuccessComparison``.
    private func simulate(
        _ scenario: Scenario, shard: ShardSpecification?
    ) throws -> (SimulationPlan, SimulationOutcome, CustomerSuccessComparison?) {
        let plan = try SimulationPlan(
            scenario: scenario, paths: paths, seed: seed, hazardRatios: scenario.customerSuccess?.hazardRatios())
        guard let customerSuccess = scenario.customerSuccess else {
            return (plan, simulate(plan, shard: shard, comparing: [], in: NoComparison()).outcome, nil)
        }
        let baseline = try SimulationPlan(scenario: scenario, paths: paths, seed: seed)
        let (outcome, comparison) = simulate(
            plan, shard: shard, comparing: [baseline], in: CustomerSuccessComparison(customerSuccess: customerSuccess, plan: plan))
        return (plan, outcome, comparison)
    }

    /// A shard's paths; else all paths, or batches of 100 until the target relative standard
    /// error is met. The stopping point depends only on the numbers, so it is the same for any
    /// thread count. Each path is also simulated under `alternatives`, into `comparison`.
    private func simulate<Comparison: PathComparison>(
        _ plan: SimulationPlan, shard: ShardSpecification?, comparing alternatives: [SimulationPlan], in comparison: Comparison
    ) -> (outcome: SimulationOutcome, comparison: Comparison) {
        let simulator = PortfolioSimulator(plan: plan)
        let total = plan.paths
        func run(_ range: Range<Int>, progress: (@Sendable (Int) -> Void)? = nil) -> (outcome: SimulationOutcome, comparison: Comparison) {
            simulator.run(paths: range, threads: threads, comparing: alternatives, in: comparison, progress: progress)
        }
        if let shard { return run(shard.range(ofPaths: total)) }
        let report = progress
        guard let target = targetRelativeStandardError else {
            var perPath: (@Sendable (Int) -> Void)?
            if let report { perPath = { report($0, total) } }
            return run(0..<total, progress: perPath)
        }
        let batch = 100
        var (outcome, merged) = run(0..<min(batch, total))
        while outcome.paths.upperBound < total, (outcome.portfolioRelativeStandardError ?? .infinity) > target {
            let start = outcome.paths.upperBound
            report?(start, total)
            let next = run(start..<min(start + batch, total))
            outcome = outcome.appending(next.outcome)
            merged.merge(next.comparison)
        }
        return (outcome, merged)
    }

    /// Writes the report files of `summary` to `directory`, the scenario's `warnings` shown in it.
    static func writeReport(
        _ summary: RunSummary, scenario: Scenario, scenarioFile: String, warnings: [ScenarioProblem], to directory: URL
    ) throws {
        let model = RunReport.model(
            summary: summary, scenario: scenario, scenarioFile: scenarioFile, warnings: warnings.map(\.description))
        try ReportDirectory.write(try RunReport.files(summary: summary, model: model), to: directory)
    }

    /// A file-name-safe form of a scenario name: lower case, runs of other characters as `-`.
    public static func slug(_ name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber, character.isASCII {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "scenario" : slug
    }
}
