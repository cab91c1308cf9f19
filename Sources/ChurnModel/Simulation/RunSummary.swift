/// The numbers of one simulation run, as written to `results.json` (snake_case keys).
public struct RunSummary: Codable, Sendable, Equatable {
    /// What was run: scenario identity, seed, paths.
    public var run: RunInfo
    /// One summary per segment, in scenario order.
    public var segments: [ScopeSummary]
    /// The whole portfolio.
    public var portfolio: ScopeSummary
    /// Value of Customer Success against a run without it; nil when the scenario has no
    /// `customer_success` section.
    public var customerSuccess: CustomerSuccessImpact?

    /// Writes every key, with `null` when there is no Customer Success comparison.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(run, forKey: .run)
        try container.encode(segments, forKey: .segments)
        try container.encode(portfolio, forKey: .portfolio)
        try container.encode(customerSuccess, forKey: .customerSuccess)
    }
}

/// Identity of a run, enough to reproduce it.
public struct RunInfo: Codable, Sendable, Equatable {
    /// Scenario name.
    public var scenario: String
    /// Monte Carlo paths.
    public var paths: Int
    /// Seed of the random streams.
    public var seed: UInt64
    /// Months simulated.
    public var horizonMonths: Int
    /// Annual discount rate used for NPVs.
    public var discountRateAnnual: Double
    /// Version of churnsim that produced the numbers.
    public var churnsimVersion: String
}

/// A Monte Carlo mean with its standard error (nil with a single path).
public struct Estimate: Codable, Sendable, Equatable {
    /// Sample mean.
    public var mean: Double
    /// Monte Carlo standard error of the mean, from the spread between paths.
    public var standardError: Double?

    /// Writes both keys, with `null` for a missing standard error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(standardError, forKey: .standardError)
    }
}

/// Survival probability at one month.
public struct SurvivalPoint: Codable, Sendable, Equatable {
    /// Month (end of).
    public var month: Int
    /// Share of customers still active after `month` months, with its standard error.
    public var probability: Estimate
}

/// Distribution of the CAC payback month over customers (never-paid-back counted as beyond the horizon).
public struct PaybackSummary: Codable, Sendable, Equatable {
    /// 10th percentile month; nil when it lies beyond the horizon (never paid back).
    public var p10: Int?
    /// Median month; nil when beyond the horizon.
    public var p50: Int?
    /// 90th percentile month; nil when beyond the horizon.
    public var p90: Int?
    /// Share of customers whose CAC was not paid back within the horizon.
    public var shareNeverPaidBack: Double

    /// Writes every key, with `null` for a percentile beyond the horizon.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(p10, forKey: .p10)
        try container.encode(p50, forKey: .p50)
        try container.encode(p90, forKey: .p90)
        try container.encode(shareNeverPaidBack, forKey: .shareNeverPaidBack)
    }
}

/// Mean and percentiles of a per-customer amount (currency).
public struct AmountSummary: Codable, Sendable, Equatable {
    /// Mean.
    public var mean: Double
    /// Monte Carlo standard error of the mean (nil with a single path).
    public var standardError: Double?
    /// 10th percentile.
    public var p10: Double
    /// Median.
    public var p50: Double
    /// 90th percentile.
    public var p90: Double

    /// The mean with its standard error.
    public var estimate: Estimate { Estimate(mean: mean, standardError: standardError) }

    /// Writes every key, with `null` for a missing standard error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(standardError, forKey: .standardError)
        try container.encode(p10, forKey: .p10)
        try container.encode(p50, forKey: .p50)
        try container.encode(p90, forKey: .p90)
    }
}

/// Mean and percentiles of a per-path amount (currency, or a share or ratio).
///
/// The percentiles interpolate between order statistics (R's type 7), each read from a
/// DDSketch within relative error 1e-4 and clamped to the exact extremes.
public struct PathAmountSummary: Codable, Sendable, Equatable {
    /// Mean.
    public var mean: Double
    /// Monte Carlo standard error of the mean (nil with a single path).
    public var standardError: Double?
    /// 5th percentile across paths.
    public var p5: Double
    /// Median.
    public var p50: Double
    /// 95th percentile across paths.
    public var p95: Double

    /// The mean with its standard error.
    public var estimate: Estimate { Estimate(mean: mean, standardError: standardError) }

    /// Writes every key, with `null` for a missing standard error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(standardError, forKey: .standardError)
        try container.encode(p5, forKey: .p5)
        try container.encode(p50, forKey: .p50)
        try container.encode(p95, forKey: .p95)
    }
}

/// ARR at the end of one month across paths.
public struct MonthlyAmount: Codable, Sendable, Equatable {
    /// Month (0 = today).
    public var month: Int
    /// The amount's distribution across paths.
    public var value: PathAmountSummary
}

/// Everything reported for one scope: a segment or the portfolio.
public struct ScopeSummary: Codable, Sendable, Equatable {
    /// Segment name, or "Portfolio".
    public var name: String
    /// Customers at month 0.
    public var customers: Int
    /// Survival at months 12, 24 and 36.
    public var survival: [SurvivalPoint]
    /// Mean customer lifetime in months; nil when some customers never churn (infinite mean).
    public var expectedLifetimeMonths: Estimate?
    /// Mean lifetime counted only up to the horizon.
    public var restrictedMeanLifetimeMonths: Estimate
    /// CAC payback month distribution.
    public var cacPaybackMonth: PaybackSummary
    /// Per-customer profit: NPV of gross profit minus CAC. Percentiles carry relative error ≤ 1e-4.
    public var profitPerCustomer: AmountSummary
    /// Total NPV of the scope (per-customer profits of today's book plus new logos) across paths.
    public var netPresentValue: PathAmountSummary
    /// ARR at the end of months 0 … horizon.
    public var annualRecurringRevenueByMonth: [MonthlyAmount]
    /// Share of customers whose CAC paid back in each month (bin k is month k + 1, the interval (k, k + 1]);
    /// the rest never paid back (``PaybackSummary/shareNeverPaidBack``). Nil in older results.
    public var cacPaybackHistogram: ShareHistogram?
    /// Share of paths by the scope's total NPV (`netPresentValue`). Nil in older results.
    public var netPresentValueHistogram: ShareHistogram?
    /// Lifetime value, LTV:CAC and ARR at risk.
    public var unitEconomics: UnitEconomicsSummary
    /// Survival by month and revenue retention (NRR, GRR) by year of the month-0 customers.
    public var retention: RetentionSummary

    /// Writes every key, with `null` for an infinite expected lifetime.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(customers, forKey: .customers)
        try container.encode(survival, forKey: .survival)
        try container.encode(expectedLifetimeMonths, forKey: .expectedLifetimeMonths)
        try container.encode(restrictedMeanLifetimeMonths, forKey: .restrictedMeanLifetimeMonths)
        try container.encode(cacPaybackMonth, forKey: .cacPaybackMonth)
        try container.encode(profitPerCustomer, forKey: .profitPerCustomer)
        try container.encode(netPresentValue, forKey: .netPresentValue)
        try container.encode(annualRecurringRevenueByMonth, forKey: .annualRecurringRevenueByMonth)
        try container.encode(cacPaybackHistogram, forKey: .cacPaybackHistogram)
        try container.encode(netPresentValueHistogram, forKey: .netPresentValueHistogram)
        try container.encode(unitEconomics, forKey: .unitEconomics)
        try container.encode(retention, forKey: .retention)
    }
}

/// Equal-width bins with the share of the total in each: bin i covers
/// [lowerBound + i·binWidth, lowerBound + (i + 1)·binWidth).
public struct ShareHistogram: Codable, Sendable, Equatable {
    /// Lower edge of the first bin.
    public var lowerBound: Double
    /// Width of every bin.
    public var binWidth: Double
    /// Share of the total in each bin; sums to at most 1.
    public var shares: [Double]
}
