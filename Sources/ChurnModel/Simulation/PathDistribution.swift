/// One per-path value's distribution across paths in constant memory: exact moments, exact
/// extremes and a quantile sketch, all merging exactly across threads and shards.
///
/// Percentiles interpolate between order statistics as R's type 7 (the former exact rule),
/// each order statistic read from the ``QuantileSketch`` within relative error
/// ``QuantileSketch/relativeAccuracy`` (1e-4) and clamped to the exact minimum and maximum.
/// Values smaller in magnitude than `resolution` are counted as zero.
struct PathDistribution: Sendable, Equatable, Codable {
    /// Resolution of currency amounts: one currency unit.
    static let currency = 1.0
    /// Resolution of shares and ratios: 2⁻²⁰ (about 1e-6).
    static let ratio = 0x1p-20

    private(set) var moments = PathMoments()
    private var sketch = QuantileSketch()
    private var minimum = Double.infinity
    private var maximum = -Double.infinity
    /// Values below this magnitude count as zero in the sketch (a power of two, so scaling is exact).
    private let resolution: Double
    /// Whether every value is a whole number (a count of customers), so that order statistics
    /// read from the sketch are rounded to whole numbers: exact below 5,000 in magnitude (the
    /// sketch's error there is under ½), within the sketch's accuracy above.
    private let wholeNumbers: Bool

    /// An empty distribution of values with the given resolution (``currency`` or ``ratio``);
    /// `wholeNumbers` for counts.
    init(resolution: Double, wholeNumbers: Bool = false) {
        self.resolution = resolution
        self.wholeNumbers = wholeNumbers
    }

    /// Adds some paths' values, which must be finite.
    mutating func add(contentsOf values: [Double]) {
        for x in values {
            precondition(x.isFinite, "per-path values must be finite")
            moments.add(x)
            minimum = min(minimum, x)
            maximum = max(maximum, x)
        }
        let resolution = self.resolution
        sketch.add(contentsOf: values.map { $0 / resolution })
    }

    /// Adds every path of `other` (of the same resolution).
    mutating func merge(_ other: PathDistribution) {
        moments.merge(other.moments)
        sketch.merge(other.sketch)
        minimum = min(minimum, other.minimum)
        maximum = max(maximum, other.maximum)
    }

    /// Quantiles of `levels` by linear interpolation between order statistics
    /// (Hyndman & Fan type 7), every order statistic read in one scan of the sketch.
    func quantiles(_ levels: [Double]) -> [Double] {
        let positions = levels.map { $0 * Double(moments.count - 1) }
        let lowerRanks = positions.map { Int($0.rounded(.down)) }
        let statistics = orderStatistics(lowerRanks.flatMap { [$0, min($0 + 1, moments.count - 1)] })
        return positions.indices.map { k in
            let (low, high) = (statistics[2 * k], statistics[2 * k + 1])
            return low + (positions[k] - Double(lowerRanks[k])) * (high - low)
        }
    }

    /// Mean with standard error, P5, P50 and P95; nil without paths.
    var summary: PathAmountSummary? {
        guard moments.count > 0 else { return nil }
        let estimate = moments.estimate
        let percentiles = quantiles([0.05, 0.5, 0.95])
        return PathAmountSummary(
            mean: estimate.mean, standardError: estimate.standardError, p5: percentiles[0], p50: percentiles[1],
            p95: percentiles[2])
    }

    /// About 20 bins of a nice width over [minimum, maximum]; each sketch bucket falls in the
    /// bin of its representative value. Nil without paths.
    var histogram: ShareHistogram? {
        guard moments.count > 0 else { return nil }
        let width = ChartTicks.niceNumber(Swift.max(maximum - minimum, Swift.max(abs(maximum), 1) * 1e-6) / 20, round: true)
        let lower = (minimum / width).rounded(.down) * width
        var counts = Array(repeating: 0, count: Swift.max(1, Int(((maximum - lower) / width).rounded(.down)) + 1))
        for (value, count) in sketch.buckets() {
            let clamped = Swift.min(Swift.max(value * resolution, minimum), maximum)
            counts[Swift.min(counts.count - 1, Swift.max(0, Int((clamped - lower) / width)))] += count
        }
        let total = Double(moments.count)
        return ShareHistogram(lowerBound: lower, binWidth: width, shares: counts.map { Double($0) / total })
    }

    /// The order statistics of `ranks` (in any order): the exact extremes at the ends, the
    /// sketch's values (clamped to the extremes) in between.
    private func orderStatistics(_ ranks: [Int]) -> [Double] {
        let distinct = Array(Set(ranks)).sorted()
        let sketched = Dictionary(uniqueKeysWithValues: zip(distinct, sketch.values(atRanks: distinct)))
        return ranks.map { rank in
            if rank == 0 { return minimum }
            if rank == moments.count - 1 { return maximum }
            let value = (sketched[rank].flatMap { $0 } ?? 0) * resolution
            return Swift.min(Swift.max(wholeNumbers ? value.rounded() : value, minimum), maximum)
        }
    }
}
