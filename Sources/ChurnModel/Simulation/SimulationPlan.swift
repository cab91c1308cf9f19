import RealModule

/// A scenario turned into what the engine needs: per-segment renewal probabilities,
/// discounting and the run's size. Build it with ``init(scenario:paths:seed:)``.
public struct SimulationPlan: Sendable {
    /// One segment's simulation inputs.
    public struct SegmentPlan: Sendable {
        /// The scenario segment.
        public let segment: Segment
        /// Probability that a customer does not renew at the end of a term:
        /// `1 − (1 − monthly churn)^term`.
        public let termChurnProbability: Double
    }

    /// The scenario the plan was built from.
    public let scenario: Scenario
    /// Number of Monte Carlo paths to run.
    public let paths: Int
    /// Seed of the random streams.
    public let seed: UInt64
    /// Months simulated.
    public let horizonMonths: Int
    /// Monthly discounting from the scenario's annual rate.
    public let discount: MonthlyDiscount
    /// Per-segment inputs, in scenario order.
    public let segments: [SegmentPlan]

    /// Months at which survival is reported.
    public static let survivalCheckpoints = [12, 24, 36]

    /// Builds the plan; `paths` and `seed` override the scenario's when given.
    public init(scenario: Scenario, paths: Int? = nil, seed: UInt64? = nil) {
        self.scenario = scenario
        self.paths = paths ?? scenario.paths
        self.seed = seed ?? scenario.seed
        self.horizonMonths = scenario.horizonMonths
        self.discount = MonthlyDiscount(annualRate: scenario.discountRateAnnual)
        self.segments = scenario.segments.map { segment in
            SegmentPlan(
                segment: segment,
                termChurnProbability: ChurnRate.compounded(
                    monthly: segment.monthlyChurnRate, overMonths: segment.contractTermMonths))
        }
    }
}
