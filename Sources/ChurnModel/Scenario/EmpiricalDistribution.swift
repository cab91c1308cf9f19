/// The values of one numeric CSV column, resampled with replacement: an MRR (or any other
/// amount) "as our customers pay it" instead of a fitted law.
///
/// Scenario syntax: `{ empirical: { file: data/current_customers.csv, column: mrr } }`, the
/// file relative to the scenario's folder. The values are read once, when the scenario is
/// loaded, and kept sorted, so that ``quantile(_:)`` is the empirical quantile function and
/// a uniform draw through it is a draw with replacement from the column.
public struct EmpiricalDistribution: Sendable, Equatable {
    /// The CSV file as written in the scenario.
    public let file: String
    /// The column whose values are resampled.
    public let column: String
    /// The column's values, sorted ascending; never empty.
    public let sortedValues: [Double]
    /// The arithmetic mean of the values.
    public let mean: Double

    /// Creates the distribution of `values` (at least one, all finite) read from `column` of `file`.
    public init(file: String, column: String, values: [Double]) {
        precondition(!values.isEmpty && values.allSatisfy(\.isFinite), "an empirical distribution needs finite values")
        self.file = file
        self.column = column
        self.sortedValues = values.sorted()
        self.mean = values.reduce(0, +) / Double(values.count)
    }

    /// The value of rank ⌊u·n⌋ among the n sorted values (u ∈ [0, 1)): each value has
    /// probability 1/n under a uniform u, and u = 0.1 gives the empirical P10.
    @inline(__always)
    public func quantile(_ u: Double) -> Double {
        let count = sortedValues.count
        return sortedValues[min(max(Int(u * Double(count)), 0), count - 1)]
    }
}
