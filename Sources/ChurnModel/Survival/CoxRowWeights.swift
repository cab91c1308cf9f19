/// The case weights of a Cox design's rows, in design order: the given weights, or 1 for
/// every row of an unweighted table without holding a row-length array of ones (8 MB per
/// million rows, at the fit's memory peak).
struct CoxRowWeights: Sendable {
    /// The weights, or `nil` when every weight is 1.
    private let values: [Double]?

    /// Weights `values` in design order, or all 1 when `nil`.
    init(_ values: [Double]?) {
        self.values = values
    }

    /// The weight of design row `i`.
    @inline(__always)
    subscript(i: Int) -> Double {
        values?[i] ?? 1
    }
}
