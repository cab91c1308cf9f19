/// Lifetime value and revenue at risk of one scope (DOMAIN.md definitions).
public struct UnitEconomicsSummary: Codable, Sendable, Equatable {
    /// LTV: mean discounted gross profit per customer over the horizon, less cost to serve
    /// (per-customer profit plus CAC), with its Monte Carlo standard error.
    public var lifetimeValue: Estimate?
    /// Mean CAC per customer.
    public var acquisitionCost: Double?
    /// LTV ÷ mean CAC (the usual health bar is 3); nil when CAC is 0.
    public var lifetimeValueToAcquisitionCost: Double?
    /// ARR at risk over the next 12 months: expected ARR at month 12 minus its 5th percentile
    /// across paths (nil with a horizon under 12 months).
    public var arrAtRisk12Months: Double?
    /// New logos won over the horizon per path.
    public var newCustomers: Estimate
    /// NPV of those new logos per path (included in the scope's `net_present_value`).
    public var newBusinessValue: Estimate

    /// Writes every key, with `null` where a value does not exist.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lifetimeValue, forKey: .lifetimeValue)
        try container.encode(acquisitionCost, forKey: .acquisitionCost)
        try container.encode(lifetimeValueToAcquisitionCost, forKey: .lifetimeValueToAcquisitionCost)
        try container.encode(arrAtRisk12Months, forKey: .arrAtRisk12Months)
        try container.encode(newCustomers, forKey: .newCustomers)
        try container.encode(newBusinessValue, forKey: .newBusinessValue)
    }
}

/// How the month-0 customers are retained: by count each month and by revenue each year.
public struct RetentionSummary: Codable, Sendable, Equatable {
    /// Share of the month-0 customers still active at the end of months 0 … horizon, across paths.
    public var survivalByMonth: [MonthlyAmount]
    /// Net revenue retention of each year y = 1, 2, …: MRR at the end of year y from customers
    /// active at the end of year y − 1, over their MRR then (expansion counts).
    public var netRevenueRetention: [YearlyAmount]
    /// Gross revenue retention: the same with each customer capped at its MRR a year earlier (≤ 1).
    public var grossRevenueRetention: [YearlyAmount]
    /// Renewal probability at each renewal within the horizon (segments only): the share of
    /// customers active just before renewal k (end of month kT − 1) still active after it.
    public var renewalProbability: [RenewalPoint]
}

/// The renewal probability at one renewal, summarised across paths.
public struct RenewalPoint: Codable, Sendable, Equatable {
    /// Renewal number k (1 = the end of the first contract term).
    public var renewal: Int
    /// Month of the renewal, k × term.
    public var month: Int
    /// P(renew | active before the renewal), across paths.
    public var value: PathAmountSummary
}

/// A per-path ratio for one year, summarised across paths.
public struct YearlyAmount: Codable, Sendable, Equatable {
    /// Year (1 = the first twelve months).
    public var year: Int
    /// The value across paths.
    public var value: PathAmountSummary
}

extension UnitEconomicsSummary {
    /// LTV and LTV:CAC from the accumulated paths; ARR at risk from the ARR distribution by month.
    init(accumulator: ScopeAccumulator, arrByMonth: [MonthlyAmount]) {
        let customers = Double(accumulator.customers)
        let ltv = customers == 0 ? nil : accumulator.lifetimeValue.estimate
        let cac = customers == 0 ? nil : accumulator.acquisitionCost.value / (customers * Double(accumulator.paths))
        lifetimeValue = ltv
        acquisitionCost = cac
        if let cac, cac > 0, let ltv { lifetimeValueToAcquisitionCost = ltv.mean / cac } else { lifetimeValueToAcquisitionCost = nil }
        arrAtRisk12Months = arrByMonth.count > 12 ? arrByMonth[12].value.mean - arrByMonth[12].value.p5 : nil
        newCustomers = accumulator.newCustomers.estimate
        newBusinessValue = accumulator.newBusinessValue.estimate
    }
}

extension RetentionSummary {
    /// Survival curve, NRR/GRR per year and renewal probabilities from the accumulated paths
    /// (ratios formed per path).
    init(accumulator: ScopeAccumulator) {
        survivalByMonth = accumulator.activeShare.enumerated().compactMap { month, distribution in
            distribution.summary.map { MonthlyAmount(month: month, value: $0) }
        }
        func yearly(_ distributions: [PathDistribution]) -> [YearlyAmount] {
            distributions.enumerated().compactMap { year, distribution in
                distribution.summary.map { YearlyAmount(year: year + 1, value: $0) }
            }
        }
        netRevenueRetention = yearly(accumulator.netRevenueRetention)
        grossRevenueRetention = yearly(accumulator.grossRevenueRetention)
        renewalProbability = zip(accumulator.renewalMonths, accumulator.renewal).enumerated().compactMap { index, pair in
            pair.1.summary.map { RenewalPoint(renewal: index + 1, month: pair.0, value: $0) }
        }
    }
}
