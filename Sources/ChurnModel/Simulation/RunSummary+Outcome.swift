extension RunSummary {
    /// Summarises a simulation: means with standard errors, across-path percentiles and
    /// per-customer distributions, per segment and for the portfolio.
    public init(outcome: SimulationOutcome) {
        let plan = outcome.plan
        var portfolioDistributions = CustomerDistributions(horizonMonths: plan.horizonMonths)
        for distributions in outcome.distributions { portfolioDistributions.merge(distributions) }

        self.run = RunInfo(
            scenario: plan.scenario.name, paths: outcome.paths.count, seed: plan.seed, horizonMonths: plan.horizonMonths,
            discountRateAnnual: plan.discount.annualRate, churnsimVersion: ChurnSimVersion.current)
        self.segments = plan.segments.indices.map { index in
            ScopeSummary(
                name: plan.segments[index].segment.name, accumulator: outcome.scopes[index],
                distributions: outcome.distributions[index], horizonMonths: plan.horizonMonths)
        }
        self.portfolio = ScopeSummary(
            name: "Portfolio", accumulator: outcome.scopes[plan.segments.count], distributions: portfolioDistributions,
            horizonMonths: plan.horizonMonths)
    }
}

extension ScopeSummary {
    /// Summarises one scope from its accumulated paths and per-customer distributions.
    init(name: String, accumulator: ScopeAccumulator, distributions: CustomerDistributions, horizonMonths: Int) {
        let zero = Estimate(mean: 0, standardError: nil)
        let hasCustomers = accumulator.customers > 0
        self.name = name
        self.customers = accumulator.customers
        self.survival = zip(SimulationPlan.survivalCheckpoints, accumulator.survival).map { month, moments in
            SurvivalPoint(month: month, probability: moments.estimate)
        }
        let lifetime = accumulator.lifetime.estimate
        self.expectedLifetimeMonths = hasCustomers && lifetime.mean.isFinite ? lifetime : nil
        self.restrictedMeanLifetimeMonths = hasCustomers ? accumulator.restrictedLifetime.estimate : zero
        self.cacPaybackMonth = PaybackSummary(distributions)
        let profit = hasCustomers ? accumulator.profit.estimate : zero
        let profitDeciles = distributions.profit.quantiles([0.1, 0.5, 0.9]) ?? [0, 0, 0]
        self.profitPerCustomer = AmountSummary(
            mean: profit.mean, standardError: profit.standardError,
            p10: profitDeciles[0], p50: profitDeciles[1], p90: profitDeciles[2])
        self.netPresentValue = accumulator.netPresentValue.summary ?? PathAmountSummary(mean: 0, standardError: nil, p5: 0, p50: 0, p95: 0)
        self.annualRecurringRevenueByMonth = accumulator.annualRecurringRevenue.enumerated().compactMap { month, distribution in
            distribution.summary.map { MonthlyAmount(month: month, value: $0) }
        }
        let paid = distributions.paybackCounts.reduce(distributions.neverPaidBack, +)
        self.cacPaybackHistogram = ShareHistogram(
            lowerBound: 0, binWidth: 1, shares: distributions.paybackCounts.map { Double($0) / Double(max(paid, 1)) })
        self.netPresentValueHistogram = accumulator.netPresentValue.histogram
        self.unitEconomics = UnitEconomicsSummary(accumulator: accumulator, arrByMonth: annualRecurringRevenueByMonth)
        self.retention = RetentionSummary(accumulator: accumulator)
    }
}

extension PaybackSummary {
    /// Percentiles by the inverse empirical distribution (the first month whose cumulative
    /// share reaches the level); customers never paid back sort after every month.
    init(_ distributions: CustomerDistributions) {
        let total = distributions.paybackCounts.reduce(distributions.neverPaidBack, +)
        func percentile(_ level: Double) -> Int? {
            guard total > 0 else { return nil }
            let needed = Int((level * Double(total)).rounded(.up))
            var cumulative = 0
            for (index, count) in distributions.paybackCounts.enumerated() {
                cumulative += count
                if cumulative >= max(needed, 1) { return index + 1 }
            }
            return nil
        }
        self.init(
            p10: percentile(0.1), p50: percentile(0.5), p90: percentile(0.9),
            shareNeverPaidBack: total == 0 ? 0 : Double(distributions.neverPaidBack) / Double(total))
    }
}
