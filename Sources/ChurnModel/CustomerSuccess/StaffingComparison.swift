/// The paths of one segment's staffing sweep folded into constant memory: per coverage tried,
/// the segment's survival and NRR at 12 months, its net value, and on how many paths it beats
/// every other feasible coverage.
///
/// Only the swept segment is simulated, at every coverage on the same path back to back
/// (common random numbers), so the winner of each path is counted as the path goes by;
/// nothing is kept per path. Moments are
/// exact sums and the rest integer counts, so threads give bit-identical results.
struct StaffingComparison: PathComparison, Equatable {
    /// Its customers at month 0.
    let customers: Int
    /// NPV of the segment's CS team cost at each coverage, in grid order.
    let costs: [Double]
    /// Coverages allowed by the cap (indices in grid order), the only ones that can win a path.
    let feasible: [Int]
    /// Survival of the segment's month-0 customers at 12 months, per coverage.
    private(set) var survival12: [PathMoments]
    /// First-year NRR of the month-0 cohort, per coverage; nil for horizons under 12 months.
    private(set) var netRevenueRetention12: [PathMoments]?
    /// The segment's NPV (month-0 book and new logos) less its CS team cost, per coverage.
    private(set) var netValue: [PathDistribution]
    /// Paths on which each coverage had the highest net value among the feasible ones.
    private(set) var wins: [Int]

    /// An empty comparison of a segment with `customers` accounts at coverages costing `costs`.
    init(customers: Int, costs: [Double], feasible: [Int], horizonMonths: Int) {
        self.customers = customers
        self.costs = costs
        self.feasible = feasible
        survival12 = Array(repeating: PathMoments(), count: costs.count)
        netRevenueRetention12 = horizonMonths >= 12 ? survival12 : nil
        netValue = Array(repeating: PathDistribution(resolution: PathDistribution.currency), count: costs.count)
        wins = Array(repeating: 0, count: costs.count)
    }

    /// Adds one path: `totals[point][0]`, the swept segment's totals (the only segment
    /// simulated) at each coverage in grid order.
    mutating func add(_ totals: [[PathTotals]]) {
        precondition(totals.count == costs.count, "one plan per coverage")
        var values: [Double] = []
        for (point, plan) in totals.enumerated() {
            let path = plan[0]
            survival12[point].add(Double(path.survivors[0]) / Double(max(customers, 1)))
            let revenue = path.cohortRevenue
            netRevenueRetention12?[point].add(revenue[0] > 0 ? revenue[12] / revenue[0] : 0)
            values.append(path.netPresentValue + path.newBusinessValue - costs[point])
            netValue[point].add(contentsOf: [values[point]])
        }
        if let winner = Self.winner(values, among: feasible) { wins[winner] += 1 }
    }

    /// Adds every path of `other`, a comparison of the same sweep.
    mutating func merge(_ other: StaffingComparison) {
        precondition(customers == other.customers && costs == other.costs && feasible == other.feasible, "comparisons of different sweeps")
        for point in costs.indices {
            survival12[point].merge(other.survival12[point])
            netRevenueRetention12?[point].merge(other.netRevenueRetention12?[point] ?? PathMoments())
            netValue[point].merge(other.netValue[point])
            wins[point] += other.wins[point]
        }
    }

    /// The candidate (an index into `values`) with the highest value; the first one wins
    /// ties. Nil without candidates.
    static func winner(_ values: [Double], among candidates: [Int]) -> Int? {
        guard var winner = candidates.first else { return nil }
        for candidate in candidates.dropFirst() where values[candidate] > values[winner] { winner = candidate }
        return winner
    }

    /// Share of the paths on which coverage `point` was best (0 without paths).
    func shareOfPathsBest(_ point: Int) -> Double {
        let paths = netValue[point].moments.count
        return paths == 0 ? 0 : Double(wins[point]) / Double(paths)
    }
}
