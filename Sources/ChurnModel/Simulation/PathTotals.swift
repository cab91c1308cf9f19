/// What one Monte Carlo path contributes for one scope (a segment or the whole portfolio).
///
/// Folded into a ``ScopeAccumulator`` as soon as the path is done, and into a
/// ``PathComparison`` when a run compares plans path by path (Customer Success with and
/// without, staffing); never kept across paths.
struct PathTotals: Sendable, Codable, Equatable {
    /// Customers in the scope.
    var customers = 0
    /// Σ over customers of NPV of gross profit minus CAC (and cost to serve).
    var netPresentValue = 0.0
    /// Σ of acquisition costs.
    var acquisitionCost = 0.0
    /// New logos won during the horizon.
    var newCustomers = 0
    /// NPV (today) of the new logos: gross profit less cost to serve and CAC.
    var newBusinessValue = 0.0
    /// Σ of sampled lifetimes in months (+∞ if some customer never churns).
    var lifetimeMonths = 0.0
    /// Σ of lifetimes cut at the horizon.
    var restrictedLifetimeMonths = 0.0
    /// Customers still active after each survival checkpoint month.
    var survivors: [Int]
    /// ARR (12 × MRR of active customers) at the end of months 0 … horizon.
    var annualRecurringRevenue: [Double]
    /// MRR of the month-0 customers still active at the end of months 0 … horizon (for NRR).
    var cohortRevenue: [Double]
    /// At the end of each year y = 1, 2, …: the cohort's MRR with each customer capped at its
    /// MRR a year earlier (for GRR).
    var cappedRevenue: [Double]
    /// Customers still active at the end of months 0 … horizon.
    var activeCustomers: [Int]

    init(horizonMonths: Int, checkpoints: Int) {
        survivors = Array(repeating: 0, count: checkpoints)
        annualRecurringRevenue = Array(repeating: 0, count: horizonMonths + 1)
        cohortRevenue = annualRecurringRevenue
        cappedRevenue = Array(repeating: 0, count: horizonMonths / 12)
        activeCustomers = Array(repeating: 0, count: horizonMonths + 1)
    }

    /// Adds the totals of another scope of the same path (segments into the portfolio).
    mutating func add(_ other: PathTotals) {
        customers += other.customers
        netPresentValue += other.netPresentValue
        acquisitionCost += other.acquisitionCost
        newCustomers += other.newCustomers
        newBusinessValue += other.newBusinessValue
        lifetimeMonths += other.lifetimeMonths
        restrictedLifetimeMonths += other.restrictedLifetimeMonths
        for index in survivors.indices { survivors[index] += other.survivors[index] }
        for index in annualRecurringRevenue.indices {
            annualRecurringRevenue[index] += other.annualRecurringRevenue[index]
            cohortRevenue[index] += other.cohortRevenue[index]
            activeCustomers[index] += other.activeCustomers[index]
        }
        for index in cappedRevenue.indices { cappedRevenue[index] += other.cappedRevenue[index] }
    }
}

/// Per-customer distributions of one scope, as integer counts that merge exactly.
struct CustomerDistributions: Sendable, Equatable, Codable {
    /// `paybackCounts[k − 1]`: customers whose CAC paid back in month k (1 … horizon).
    var paybackCounts: [Int]
    /// Customers who had not paid back their CAC by the horizon (churned first, or too slow).
    var neverPaidBack = 0
    /// Per-customer profit (NPV of gross profit − CAC).
    var profit = QuantileSketch()

    init(horizonMonths: Int) {
        paybackCounts = Array(repeating: 0, count: horizonMonths)
    }

    /// Adds every count of `other`.
    mutating func merge(_ other: CustomerDistributions) {
        for index in paybackCounts.indices { paybackCounts[index] += other.paybackCounts[index] }
        neverPaidBack += other.neverPaidBack
        profit.merge(other.profit)
    }
}
