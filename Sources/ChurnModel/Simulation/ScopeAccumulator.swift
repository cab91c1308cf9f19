/// Everything the summary of one scope (a segment or the portfolio) needs from the paths,
/// folded in path by path: memory does not grow with the number of paths.
///
/// Each path contributes the same per-path values as before (shares, per-customer amounts,
/// ratios formed per path); they go into ``PathMoments`` (means and standard errors) and
/// ``PathDistribution``s (percentiles across paths), which merge exactly. Accumulators of any
/// split of the paths over threads or shards therefore merge into the same state, and the
/// summary is bit-identical.
struct ScopeAccumulator: Sendable, Equatable, Codable {
    /// Customers in the scope at month 0.
    let customers: Int
    /// Share of customers still active after each survival checkpoint month.
    private(set) var survival: [PathMoments]
    /// Mean lifetime per customer (+∞ if some customer never churns).
    private(set) var lifetime = PathMoments()
    /// Mean lifetime cut at the horizon.
    private(set) var restrictedLifetime = PathMoments()
    /// NPV of gross profit minus CAC (and cost to serve), per customer.
    private(set) var profit = PathMoments()
    /// The same plus CAC: lifetime value per customer.
    private(set) var lifetimeValue = PathMoments()
    /// Acquisition cost, summed over paths.
    private(set) var acquisitionCost = ExactSum()
    /// New logos won during the horizon.
    private(set) var newCustomers = PathMoments()
    /// NPV of the new logos.
    private(set) var newBusinessValue = PathMoments()
    /// The scope's total NPV: today's book plus new logos.
    private(set) var netPresentValue = PathDistribution(resolution: PathDistribution.currency)
    /// ARR at the end of months 0 … horizon.
    private(set) var annualRecurringRevenue: [PathDistribution]
    /// Share of the month-0 customers active at the end of months 0 … horizon (empty without customers).
    private(set) var activeShare: [PathDistribution]
    /// NRR of each year, on paths with revenue at the start of the year.
    private(set) var netRevenueRetention: [PathDistribution]
    /// GRR of each year, on the same paths.
    private(set) var grossRevenueRetention: [PathDistribution]
    /// Renewal months (multiples of the contract term within the horizon) and the renewal
    /// probability at each, on paths with customers active just before it.
    let renewalMonths: [Int]
    private(set) var renewal: [PathDistribution]

    /// An empty accumulator; `termMonths` (nil for the portfolio) sets the renewal points.
    init(customers: Int, horizonMonths: Int, checkpoints: Int, termMonths: Int?) {
        self.customers = customers
        survival = Array(repeating: PathMoments(), count: customers == 0 ? 0 : checkpoints)
        annualRecurringRevenue = Array(repeating: PathDistribution(resolution: PathDistribution.currency), count: horizonMonths + 1)
        let ratio = PathDistribution(resolution: PathDistribution.ratio)
        activeShare = Array(repeating: ratio, count: customers == 0 ? 0 : horizonMonths + 1)
        netRevenueRetention = Array(repeating: ratio, count: horizonMonths / 12)
        grossRevenueRetention = netRevenueRetention
        renewalMonths = termMonths.map { Array(stride(from: $0, through: horizonMonths, by: $0)) } ?? []
        renewal = Array(repeating: ratio, count: renewalMonths.count)
    }

    /// Adds the totals of this scope on some paths.
    ///
    /// Works statistic by statistic over the batch, so each accumulator is brought into the
    /// cache once per batch rather than once per path; the result is the same as adding the
    /// paths one at a time, in any order.
    mutating func add(_ paths: [PathTotals]) {
        let scale = Double(customers)
        if customers > 0 {
            for index in survival.indices {
                for path in paths { survival[index].add(Double(path.survivors[index]) / scale) }
            }
            for path in paths {
                lifetime.add(path.lifetimeMonths / scale)
                restrictedLifetime.add(path.restrictedLifetimeMonths / scale)
                profit.add(path.netPresentValue / scale)
                lifetimeValue.add((path.netPresentValue + path.acquisitionCost) / scale)
            }
            for month in activeShare.indices {
                activeShare[month].add(contentsOf: paths.map { Double($0.activeCustomers[month]) / scale })
            }
        }
        for path in paths {
            acquisitionCost.add(path.acquisitionCost)
            newCustomers.add(Double(path.newCustomers))
            newBusinessValue.add(path.newBusinessValue)
        }
        netPresentValue.add(contentsOf: paths.map { $0.netPresentValue + $0.newBusinessValue })
        for month in annualRecurringRevenue.indices {
            annualRecurringRevenue[month].add(contentsOf: paths.map { $0.annualRecurringRevenue[month] })
        }
        for year in netRevenueRetention.indices {
            let retained = paths.filter { $0.cohortRevenue[12 * year] > 0 }
            netRevenueRetention[year].add(contentsOf: retained.map { $0.cohortRevenue[12 * (year + 1)] / $0.cohortRevenue[12 * year] })
            grossRevenueRetention[year].add(contentsOf: retained.map { $0.cappedRevenue[year] / $0.cohortRevenue[12 * year] })
        }
        for (index, month) in renewalMonths.enumerated() {
            renewal[index].add(contentsOf: paths.compactMap { path in
                let before = path.activeCustomers[month - 1]
                return before > 0 ? Double(path.activeCustomers[month]) / Double(before) : nil
            })
        }
    }

    /// Adds every path of `other`, an accumulator of the same scope.
    mutating func merge(_ other: ScopeAccumulator) {
        precondition(customers == other.customers && renewalMonths == other.renewalMonths, "accumulators of different scopes")
        for index in survival.indices { survival[index].merge(other.survival[index]) }
        lifetime.merge(other.lifetime)
        restrictedLifetime.merge(other.restrictedLifetime)
        profit.merge(other.profit)
        lifetimeValue.merge(other.lifetimeValue)
        acquisitionCost.merge(other.acquisitionCost)
        newCustomers.merge(other.newCustomers)
        newBusinessValue.merge(other.newBusinessValue)
        netPresentValue.merge(other.netPresentValue)
        for index in annualRecurringRevenue.indices { annualRecurringRevenue[index].merge(other.annualRecurringRevenue[index]) }
        for index in activeShare.indices { activeShare[index].merge(other.activeShare[index]) }
        for index in netRevenueRetention.indices {
            netRevenueRetention[index].merge(other.netRevenueRetention[index])
            grossRevenueRetention[index].merge(other.grossRevenueRetention[index])
        }
        for index in renewal.indices { renewal[index].merge(other.renewal[index]) }
    }

    /// Paths added.
    var paths: Int { netPresentValue.moments.count }
}
