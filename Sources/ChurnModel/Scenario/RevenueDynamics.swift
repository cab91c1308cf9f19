/// How a customer's revenue and cost change while it stays, per segment.
///
/// Scenario keys (all optional): `expansion: { annual_rate: 0.08 }`,
/// `contraction: { annual_rate: 0.03 }`, `price_uplift_at_renewal: 0.05`,
/// `cost_to_serve_monthly: 40`. Rates may be distributions, drawn once per path.
public struct RevenueDynamics: Sendable, Equatable {
    /// Annual MRR growth of staying customers (upsell, seats), e.g. 0.08 = +8% a year.
    public var expansionAnnual: ValueDistribution
    /// Annual MRR shrinkage of staying customers (downsell, fewer seats).
    public var contractionAnnual: ValueDistribution
    /// Price increase applied at each renewal (end of each contract term).
    public var priceUpliftAtRenewal: ValueDistribution
    /// Cost of serving one customer per month (currency), subtracted from gross profit.
    public var costToServeMonthly: ValueDistribution

    /// No growth, no shrinkage, no uplift, no cost to serve.
    public static let none = RevenueDynamics(
        expansionAnnual: .fixed(0), contractionAnnual: .fixed(0), priceUpliftAtRenewal: .fixed(0),
        costToServeMonthly: .fixed(0))

    /// Creates revenue dynamics.
    public init(
        expansionAnnual: ValueDistribution, contractionAnnual: ValueDistribution,
        priceUpliftAtRenewal: ValueDistribution, costToServeMonthly: ValueDistribution
    ) {
        self.expansionAnnual = expansionAnnual
        self.contractionAnnual = contractionAnnual
        self.priceUpliftAtRenewal = priceUpliftAtRenewal
        self.costToServeMonthly = costToServeMonthly
    }
}

/// New customers won each month in a segment (`new_logos: { per_month: 40 }`), counted as a
/// Poisson number per month; each draws its MRR, CAC and lifetime like the segment's others.
public struct NewBusiness: Sendable, Equatable {
    /// Expected new customers per month (may be a distribution drawn once per path).
    public var perMonth: ValueDistribution

    /// Creates a new-business rate.
    public init(perMonth: ValueDistribution) { self.perMonth = perMonth }
}

/// Portfolio-wide downturns: in each year of the horizon a segment is in a downturn with
/// probability `annualProbability`; segments' downturn years are correlated through a
/// Gaussian copula with matrix `correlation` (segment order); during a downturn year the
/// segment's churn hazard is multiplied by `hazardMultiplier` (drawn once per path and segment).
///
/// `downturn: { annual_probability: 0.15, hazard_multiplier: { triangular: [1.2, 1.5, 2.5] },
/// correlation: 0.6 }` (one number = the same correlation between every pair), or
/// `correlation: [[1, 0.6, 0.3], [0.6, 1, 0.5], [0.3, 0.5, 1]]`.
public struct Downturn: Sendable, Equatable {
    /// Probability that a given year is a downturn year for a segment.
    public var annualProbability: Double
    /// Factor on the churn hazard during a downturn (≥ 1 makes churn worse).
    public var hazardMultiplier: ValueDistribution
    /// Correlation matrix between segments' downturn indicators (segments × segments).
    public var correlation: [[Double]]

    /// Creates a downturn specification.
    public init(annualProbability: Double, hazardMultiplier: ValueDistribution, correlation: [[Double]]) {
        self.annualProbability = annualProbability
        self.hazardMultiplier = hazardMultiplier
        self.correlation = correlation
    }
}
