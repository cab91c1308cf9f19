extension RunSummary {
    /// Summarises a simulation: means with standard errors, across-path percentiles and
    /// per-customer distributions, per segment and for the portfolio.
    public init(outcome: SimulationOutcome) {
        let plan = outcome.plan
        let segmentCount = plan.segments.count
        var portfolioTotals: [PathTotals] = []
        portfolioTotals.reserveCapacity(plan.paths)
        for pathTotals in outcome.segmentTotals {
            var sum = PathTotals(horizonMonths: plan.horizonMonths, checkpoints: SimulationPlan.survivalCheckpoints.count)
            for totals in pathTotals { sum.add(totals) }
            portfolioTotals.append(sum)
        }
        var portfolioDistributions = CustomerDistributions(horizonMonths: plan.horizonMonths)
        for distributions in outcome.distributions { portfolioDistributions.merge(distributions) }

        self.run = RunInfo(
            scenario: plan.scenario.name, paths: outcome.segmentTotals.count, seed: plan.seed, horizonMonths: plan.horizonMonths,
            discountRateAnnual: plan.discount.annualRate, churnsimVersion: ChurnSimVersion.current)
        self.segments = (0..<segmentCount).map { index in
            ScopeSummary(
                name: plan.segments[index].segment.name,
                totals: outcome.segmentTotals.map { $0[index] },
                distributions: outcome.distributions[index], horizonMonths: plan.horizonMonths,
                termMonths: plan.segments[index].segment.contractTermMonths)
        }
        self.portfolio = ScopeSummary(
            name: "Portfolio", totals: portfolioTotals, distributions: portfolioDistributions,
            horizonMonths: plan.horizonMonths, termMonths: nil)
    }
}

extension ScopeSummary {
    /// Summarises one scope from its per-path totals and per-customer distributions.
    /// `termMonths` (the contract term, nil for the portfolio) sets the renewal points.
    init(name: String, totals: [PathTotals], distributions: CustomerDistributions, horizonMonths: Int, termMonths: Int?) {
        let customers = totals.first?.customers ?? 0
        let perCustomer = { (value: (PathTotals) -> Double) -> Estimate? in
            customers == 0 ? nil : PathStatistics.estimate(totals.map { value($0) / Double(customers) })
        }
        self.name = name
        self.customers = customers
        self.survival = SimulationPlan.survivalCheckpoints.enumerated().compactMap { index, month in
            perCustomer { Double($0.survivors[index]) }.map { SurvivalPoint(month: month, probability: $0) }
        }
        let lifetime = perCustomer(\.lifetimeMonths)
        self.expectedLifetimeMonths = lifetime.flatMap { $0.mean.isFinite ? $0 : nil }
        self.restrictedMeanLifetimeMonths = perCustomer(\.restrictedLifetimeMonths) ?? Estimate(mean: 0, standardError: nil)
        self.cacPaybackMonth = PaybackSummary(distributions)
        let profit = perCustomer(\.netPresentValue) ?? Estimate(mean: 0, standardError: nil)
        self.profitPerCustomer = AmountSummary(
            mean: profit.mean, standardError: profit.standardError,
            p10: distributions.profit.quantile(0.1) ?? 0, p50: distributions.profit.quantile(0.5) ?? 0,
            p90: distributions.profit.quantile(0.9) ?? 0)
        let scopeValues = totals.map { $0.netPresentValue + $0.newBusinessValue }
        self.netPresentValue = PathStatistics.pathAmount(scopeValues)
        self.annualRecurringRevenueByMonth = (0...horizonMonths).map { month in
            MonthlyAmount(month: month, value: PathStatistics.pathAmount(totals.map { $0.annualRecurringRevenue[month] }))
        }
        let paid = distributions.paybackCounts.reduce(distributions.neverPaidBack, +)
        self.cacPaybackHistogram = ShareHistogram(
            lowerBound: 0, binWidth: 1, shares: distributions.paybackCounts.map { Double($0) / Double(max(paid, 1)) })
        self.netPresentValueHistogram = ShareHistogram(values: scopeValues)
        self.unitEconomics = UnitEconomicsSummary(totals: totals, arrByMonth: annualRecurringRevenueByMonth)
        self.retention = RetentionSummary(totals: totals, horizonMonths: horizonMonths, termMonths: termMonths)
    }
}

extension ShareHistogram {
    /// About 20 bins of a nice width (1, 2 or 5 × 10ⁿ) covering `values`; nil without values.
    init?(values: [Double]) {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        let width = ChartTicks.niceNumber(Swift.max(high - low, Swift.max(abs(high), 1) * 1e-6) / 20, round: true)
        let lower = (low / width).rounded(.down) * width
        var counts = Array(repeating: 0, count: Swift.max(1, Int(((high - lower) / width).rounded(.down)) + 1))
        for value in finite { counts[Swift.min(counts.count - 1, Int((value - lower) / width))] += 1 }
        self.init(lowerBound: lower, binWidth: width, shares: counts.map { Double($0) / Double(finite.count) })
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
