/// Count, exact sum and exact sum of squares of one per-path value: a mean with its Monte
/// Carlo standard error in constant memory, the same to the last bit for any split of the
/// paths over threads or shards.
///
/// Both sums are ``ExactSum``s (x² enters as its rounded square plus the rounding error), so
/// the state after any order of additions and merges is the same. The spread is then formed
/// exactly too, as Σ(x − c)² = Σx² − 2c·Σx + n·c² with c the rounded mean, and rounded once:
/// no cancellation, however small the spread is against the mean.
struct PathMoments: Sendable, Equatable, Codable {
    /// Paths added.
    private(set) var count = 0
    private var sum = ExactSum()
    private var sumOfSquares = ExactSum()

    /// Adds one path's value.
    mutating func add(_ x: Double) {
        count += 1
        sum.add(x)
        sumOfSquares.addProduct(x, x)
    }

    /// Adds every path of `other`.
    mutating func merge(_ other: PathMoments) {
        count += other.count
        sum.merge(other.sum)
        sumOfSquares.merge(other.sumOfSquares)
    }

    /// Σx rounded to a double.
    var total: Double { sum.value }

    /// Mean and standard error (sample standard deviation / √n; nil for n < 2).
    var estimate: Estimate {
        let n = Double(count)
        let mean = sum.value / n
        guard count > 1 else { return Estimate(mean: mean, standardError: nil) }
        guard mean.isFinite else { return Estimate(mean: mean, standardError: .nan) }
        var squares = sumOfSquares
        squares.add(sum, times: -2 * mean)
        let meanSquared = mean * mean
        squares.addProduct(n, meanSquared)
        squares.addProduct(n, (-meanSquared).addingProduct(mean, mean))
        let spread = max(squares.value, 0)
        return Estimate(mean: mean, standardError: (spread / (n - 1) / n).squareRoot())
    }
}
