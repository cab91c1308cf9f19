import Testing
@testable import ChurnModel

/// A two-segment scenario with a CS team, new logos and a correlated downturn: enough
/// variety across paths for the comparisons with the exact path-by-path computation. CSMs
/// are cheap here (team NPV 300,000 against a retained NPV of about 180,000–490,000 from P10
/// to P90), so CS pays for itself on some paths and not on others.
let customerSuccessScenarioYAML = ShardMergeTests.scenario + """

    customer_success:
      csm_cost_annual: 20000
      coverage: { SMB: 60, Enterprise: 5 }
      effect: { hazard_ratio: 0.7, reference_accounts_per_csm: 25 }
    """

/// ``customerSuccessScenarioYAML`` with `paths` paths, validated.
func customerSuccessScenario(paths: Int) throws -> Scenario {
    let yaml = customerSuccessScenarioYAML.replacingOccurrences(of: "paths: 23", with: "paths: \(paths)")
    let check = ScenarioLoader.check(yaml: yaml, file: "cs.yaml")
    return try #require(check.scenario, "\(check.problems)")
}

/// The run of `scenario` with the CS team `cs` and its impact, as `churnsim run` computes
/// them: each path with CS and then without, folded into constant-memory accumulators.
func customerSuccessRun(_ scenario: Scenario, cs: CustomerSuccess, threads: Int = 2) throws -> (RunSummary, CustomerSuccessImpact) {
    let plan = try SimulationPlan(scenario: scenario, hazardRatios: cs.hazardRatios())
    let (outcome, comparison) = PortfolioSimulator(plan: plan).run(
        paths: 0..<plan.paths, threads: threads, comparing: [try SimulationPlan(scenario: scenario)],
        in: CustomerSuccessComparison(customerSuccess: cs, plan: plan))
    return (RunSummary(outcome: outcome), CustomerSuccessImpact(customerSuccess: cs, plan: plan, comparison: comparison))
}

/// Every path's per-segment totals of `plan`, simulated one path at a time and kept: the
/// input of the former exact path-by-path comparisons, for reference values.
func keptPathTotals(_ plan: SimulationPlan) -> [[PathTotals]] {
    var distributions = Array(repeating: CustomerDistributions(horizonMonths: plan.horizonMonths), count: plan.segments.count)
    let simulator = PathSimulator(plan: plan)
    return (0..<plan.paths).map { simulator.simulate(path: $0, distributions: &distributions) }
}

/// Whether `summary` agrees with the exact statistics of `values`: mean and standard error
/// to 1e-9 relative (exact sums against a running sum), P10/P50/P90 within the sketch's
/// bound: 1e-4 of the larger bracketing order statistic, plus `resolution` (values below it
/// count as zero).
func agreesWithExact(_ summary: AmountSummary, _ values: [Double], resolution: Double = PathDistribution.currency) -> Bool {
    let exact = PathStatistics.estimate(values)
    let sorted = values.sorted()
    let scale = sorted.map(abs).max() ?? 0
    func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * max(abs(b), scale)
    }
    func quantileAgrees(_ sketched: Double, _ q: Double) -> Bool {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let bound = max(abs(sorted[lower]), abs(sorted[min(lower + 1, sorted.count - 1)]))
        return abs(sketched - PathStatistics.quantile(sorted: sorted, q)) <= 1e-4 * bound + resolution
    }
    return close(summary.mean, exact.mean) && close(summary.standardError, exact.standardError)
        && quantileAgrees(summary.p10, 0.1) && quantileAgrees(summary.p50, 0.5) && quantileAgrees(summary.p90, 0.9)
}
