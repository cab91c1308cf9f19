import RealModule

/// A scenario turned into what the engine needs: per-segment renewal probabilities,
/// discounting and the run's size. Build it with ``init(scenario:paths:seed:)``.
///
/// Everything that is the same for every customer of a segment (log-medians, `log(1 − q)`,
/// annuity factors) is computed here once, so that the per-customer work is only draws,
/// one exponential and table look-ups.
public struct SimulationPlan: Sendable {
    /// One segment's simulation inputs.
    public struct SegmentPlan: Sendable {
        /// The scenario segment.
        public let segment: Segment
        /// Probability that a customer does not renew at the end of a term:
        /// `1 − (1 − monthly churn)^term`.
        public let termChurnProbability: Double
        /// The MRR law with its constants precomputed.
        let revenue: ValueDistribution.Sampler
        /// The CAC law with its constants precomputed.
        let acquisitionCost: ValueDistribution.Sampler
        /// The lifetime law with `log(1 − q)` precomputed.
        let lifetime: LifetimeSampler

        init(segment: Segment) {
            self.segment = segment
            termChurnProbability = ChurnRate.compounded(
                monthly: segment.monthlyChurnRate, overMonths: segment.contractTermMonths)
            revenue = ValueDistribution.Sampler(segment.monthlyRecurringRevenue)
            acquisitionCost = ValueDistribution.Sampler(segment.acquisitionCost)
            lifetime = LifetimeSampler(
                termMonths: segment.contractTermMonths, termChurnProbability: termChurnProbability)
        }
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
    /// `annuityFactors[n] == discount.annuity(months: n)` for n = 0 … horizon.
    let annuityFactors: [Double]

    /// Months at which survival is reported.
    public static let survivalCheckpoints = [12, 24, 36]

    /// Builds the plan; `paths` and `seed` override the scenario's when given.
    public init(scenario: Scenario, paths: Int? = nil, seed: UInt64? = nil) {
        self.scenario = scenario
        self.paths = paths ?? scenario.paths
        self.seed = seed ?? scenario.seed
        self.horizonMonths = scenario.horizonMonths
        self.discount = MonthlyDiscount(annualRate: scenario.discountRateAnnual)
        self.segments = scenario.segments.map(SegmentPlan.init(segment:))
        self.annuityFactors = discount.annuityTable(maximumMonths: max(scenario.horizonMonths, 0))
    }
}
