@testable import ChurnModel

/// Two-sided 99% normal quantile, qnorm(0.995) in R: 2.5758293035489004.
let z99 = 2.5758293035489004

/// A one-segment scenario for closed-form checks.
func singleSegmentScenario(
    customers: Int = 400, paths: Int = 300, horizon: Int = 60, monthlyChurn: Double, term: Int = 1,
    mrr: ValueDistribution = .fixed(100), grossMargin: Double = 0.8, cac: Double = 300, discount: Double = 0.1,
    seed: UInt64 = 7, churn: ChurnSpecification? = nil, revenue: RevenueDynamics = .none
) -> Scenario {
    Scenario(
        name: "closed form", horizonMonths: horizon, paths: paths, seed: seed, discountRateAnnual: discount,
        segments: [
            Segment(
                name: "only", customers: customers, monthlyRecurringRevenue: mrr, grossMargin: grossMargin,
                acquisitionCost: .fixed(cac), contractTermMonths: term,
                churn: churn ?? .rate(.fixed(monthlyChurn), per: .month), revenue: revenue)
        ])
}

/// Runs `scenario` and returns its single segment's summary.
func simulate(_ scenario: Scenario, threads: Int = 2) throws -> ScopeSummary {
    let outcome = PortfolioSimulator(plan: try SimulationPlan(scenario: scenario)).run(threads: threads)
    return RunSummary(outcome: outcome).segments[0]
}

/// Whether `truth` lies in the Monte Carlo 99% confidence interval of `estimate`.
func within99(_ estimate: Estimate, of truth: Double) -> Bool {
    guard let se = estimate.standardError, se > 0 else { return false }
    return abs(estimate.mean - truth) <= z99 * se
}

/// `count` normal draws from stream `(seed, stream)`: sample data for the accumulator tests.
func normalSample(seed: UInt64, stream: UInt64, count: Int, mean: Double, standardDeviation: Double) -> [Double] {
    var random = RandomStream(seed: seed, stream: stream)
    return (0..<count).map { _ in random.normal(mean: mean, standardDeviation: standardDeviation) }
}
