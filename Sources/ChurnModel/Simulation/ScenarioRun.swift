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
    /// With a `customer_success` section the scenario is simulated with its CS coverage and
    /// again without CS on the same paths, and the summary carries ``CustomerSuccessImpact``.
    /// - Returns: the summary, the folder written and the scenario's plausibility warnings.
    /// - Throws: ``ScenarioError`` for a bad scenario (nothing is written), or a file-system error.
    public func execute() throws -> (summary: RunSummary, directory: URL, warnings: [ScenarioProblem]) {
        let (scenario, _, warnings) = try loadScenario()
        let ratios = scenario.customerSuccess?.hazardRatios()
        let plan = try SimulationPlan(scenario: scenario, paths: paths, seed: seed, hazardRatios: ratios)
        let outcome = simulate(plan, keepingPathTotals: scenario.customerSuccess != nil)
        var summary = RunSummary(outcome: outcome)
        if let customerSuccess = scenario.customerSuccess {
            // The counterfactual without CS, on the same paths and so the same random numbers.
            let baseline = try SimulationPlan(scenario: scenario, paths: paths, seed: seed)
            let withoutCS = PortfolioSimulator(plan: baseline).run(paths: outcome.paths, threads: threads, keepingPathTotals: true)
            summary.customerSuccess = CustomerSuccessImpact(
                customerSuccess: customerSuccess, withCS: outcome, withoutCS: withoutCS)
        }
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/\(Self.slug(scenario.name))")
        try Self.writeReport(summary, scenario: scenario, scenarioFile: scenarioFile, to: directory)
        return (summary, directory, warnings)
    }

    /// Simulates one shard's paths and writes its `partial.json` atomically, for
    /// ``ShardMerge`` to combine into exactly the unsharded result.
    /// - Returns: the folder written, the shard's paths and the scenario's warnings.
    public func executeShard(_ shard: ShardSpecification) throws -> (directory: URL, paths: Range<Int>, warnings: [ScenarioProblem]) {
        let (scenario, text, warnings) = try loadScenario()
        let plan = try SimulationPlan(
            scenario: scenario, paths: paths, seed: seed, hazardRatios: scenario.customerSuccess?.hazardRatios())
        let range = shard.range(ofPaths: plan.paths)
        let outcome = PortfolioSimulator(plan: plan).run(paths: range, threads: threads)
        let partial = PartialRun(
            scenarioFile: scenarioFile, scenarioText: text, paths: plan.paths, seed: plan.seed,
            churnsimVersion: ChurnSimVersion.current, shardIndex: shard.index, shardCount: shard.count,
            firstPath: range.lowerBound, pathCount: range.count, scopes: outcome.scopes, distributions: outcome.distributions)
        let name = "\(Self.slug(scenario.name))-shard-\(shard.index)-of-\(shard.count)"
        let directory = URL(fileURLWithPath: outputDirectory ?? "Reports/\(name)")
        try ReportDirectory.write([("partial.json", try PartialRun.encoder().encode(partial))], to: directory)
        return (directory, range, warnings)
    }

    /// All paths, or batches of 100 until the target relative standard error is met. The
    /// stopping point depends only on the numbers, so it is the same for any thread count.
    /// `keepingPathTotals` keeps each path's totals for the Customer Success comparison.
    private func simulate(_ plan: SimulationPlan, keepingPathTotals: Bool) -> SimulationOutcome {
        let simulator = PortfolioSimulator(plan: plan)
        let total = plan.paths
        let report = progress
        guard let target = targetRelativeStandardError else {
            var perPath: (@Sendable (Int) -> Void)?
            if let report { perPath = { report($0, total) } }
            return simulator.run(paths: 0..<total, threads: threads, keepingPathTotals: keepingPathTotals, progress: perPath)
        }
        let batch = 100
        var outcome = simulator.run(paths: 0..<min(batch, total), threads: threads, keepingPathTotals: keepingPathTotals)
        while outcome.paths.upperBound < total, (outcome.portfolioRelativeStandardError ?? .infinity) > target {
            let start = outcome.paths.upperBound
            report?(start, total)
            outcome = outcome.appending(
                simulator.run(paths: start..<min(start + batch, total), threads: threads, keepingPathTotals: keepingPathTotals))
        }
        return outcome
    }

    /// Writes the report files of `summary` to `directory`.
    static func writeReport(_ summary: RunSummary, scenario: Scenario, scenarioFile: String, to directory: URL) throws {
        let model = RunReport.model(summary: summary, scenario: scenario, scenarioFile: scenarioFile)
        try ReportDirectory.write(try RunReport.files(summary: summary, model: model), to: directory)
    }

    private func loadScenario() throws -> (Scenario, String, [ScenarioProblem]) {
        let text: String
        do {
            text = try String(contentsOfFile: scenarioFile, encoding: .utf8)
        } catch {
            throw ScenarioError.unreadable(file: scenarioFile, reason: error.localizedDescription)
        }
        let check = ScenarioLoader.check(yaml: text, file: scenarioFile)
        guard let scenario = check.scenario else { throw ScenarioError.invalid(problems: check.problems) }
        return (scenario, text, check.warnings)
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
