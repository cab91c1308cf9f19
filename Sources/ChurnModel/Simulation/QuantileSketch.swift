import RealModule

/// A mergeable quantile sketch with bounded relative error (DDSketch: Masson, Rim & Lee,
/// "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees",
/// VLDB 2019).
///
/// A value x with |x| ≥ 1 falls in bucket i = ⌈m·L(|x|)⌉ of its sign's store, where L is
/// DDSketch's cubically interpolated logarithm (``approximateLog2(_:)``): the binary
/// exponent plus a cubic in the significand, read from the bits of x without calling `log`.
/// L is increasing and its slope against ln x lies in [10/7, 52/35], so with
/// m = 1 / ((10/7)·ln γ), γ = (1 + α)/(1 − α), every bucket spans a ratio x_hi/x_lo ≤ γ, and
/// its representative 2·x_lo·x_hi/(x_lo + x_hi) is within relative error (γ − 1)/(γ + 1) = α
/// of every value in it (up to rounding, ~1e-15). The interpolation needs 4% more buckets
/// than the exact logarithm ⌈log_γ |x|⌉.
///
/// Values with |x| < 1 (less than one currency unit) are counted as zero. Counts are
/// integers, so merging is exact and order-independent: partial results from threads or
/// shards combine into exactly the sketch of one sequential run.
struct QuantileSketch: Sendable, Equatable, Codable {
    /// Relative accuracy α of every reported quantile (for |quantile| ≥ 1).
    static let relativeAccuracy = 1e-4
    /// Buckets per unit of L: 1 / (min slope of L against ln x · ln γ).
    static let multiplier = 1 / (10.0 / 7.0 * Double.log(onePlus: 2 * relativeAccuracy / (1 - relativeAccuracy)))

    private var positive = BucketCounts()
    private var negative = BucketCounts()
    private var zeroCount = 0
    /// Number of values added.
    private(set) var count = 0

    /// Adds one value.
    mutating func add(_ value: Double) {
        let magnitude = abs(value)
        count += 1
        guard magnitude >= 1 else { zeroCount += 1; return }
        if value > 0 {
            positive.increment(Self.bucketIndex(magnitude))
        } else {
            negative.increment(Self.bucketIndex(magnitude))
        }
    }

    /// Adds the values; the same sketch as adding them one by one in any order.
    ///
    /// Meant for batches of a few dozen values: bucket counters are spread over hundreds of
    /// kilobytes, so counting is dominated by cache misses. The bucket indices of the whole
    /// batch are computed first, without branches (each index is written to both the positive
    /// and the negative list, and only the list of the value's sign advances, so a mix of
    /// signs costs no mispredictions), the ranges grown once, and the counters then
    /// incremented in a tight loop without calls, where the processor overlaps the misses.
    mutating func add(contentsOf values: [Double]) {
        let multiplier = Self.multiplier
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * values.count) { indices in
            let negativeBase = values.count
            var positiveCount = 0, negativeCount = 0, zeros = 0
            for value in values {
                let magnitude = abs(value)
                let index = Self.bucketIndex(magnitude, multiplier: multiplier)
                let counted = magnitude >= 1
                indices[positiveCount] = index
                indices[negativeBase + negativeCount] = index
                positiveCount &+= counted && value > 0 ? 1 : 0
                negativeCount &+= counted && value < 0 ? 1 : 0
                zeros &+= counted ? 0 : 1
            }
            zeroCount += zeros
            positive.incrementEach(UnsafeBufferPointer(rebasing: indices[..<positiveCount]))
            negative.incrementEach(UnsafeBufferPointer(rebasing: indices[negativeBase..<(negativeBase + negativeCount)]))
        }
        count += values.count
    }

    /// Adds every count of `other`.
    mutating func merge(_ other: QuantileSketch) {
        positive.merge(other.positive)
        negative.merge(other.negative)
        zeroCount += other.zeroCount
        count += other.count
    }

    /// The q-quantiles of `levels` (each in [0, 1], increasing), by the lower ranks
    /// ⌊q·(n−1)⌋, in one scan of the buckets; nil when empty.
    func quantiles(_ levels: [Double]) -> [Double]? {
        guard count > 0 else { return nil }
        // Every rank is below `count`, so every value is found.
        return values(atRanks: levels.map { Int(($0 * Double(count - 1)).rounded(.down)) }).map { $0! }
    }

    /// The values of the 0-based `ranks` (increasing) in ascending order (within the relative
    /// accuracy), nil for a rank not below ``count``: one scan of each sign's buckets.
    func values(atRanks ranks: [Int]) -> [Double?] {
        let negativeCount = negative.total
        let negatives = negative.buckets(holding: ranks.filter { $0 < negativeCount }, descending: true)
        let positives = positive.buckets(holding: ranks.filter { $0 >= negativeCount + zeroCount }.map {
            $0 - negativeCount - zeroCount
        })
        let zeros = ranks.count - negatives.count - positives.count
        return negatives.map { $0.map { -Self.representative($0) } }
            + Array(repeating: 0, count: zeros)
            + positives.map { $0.map(Self.representative) }
    }

    /// Every non-empty bucket as (representative value, count), in ascending order of value.
    func buckets() -> [(value: Double, count: Int)] {
        let negatives = negative.descending().map { (value: -Self.representative($0.0), count: $0.1) }
        let positives = positive.ascending().map { (value: Self.representative($0.0), count: $0.1) }
        return negatives + (zeroCount > 0 ? [(value: 0, count: zeroCount)] : []) + positives
    }

    /// Bucket ⌈multiplier · L(magnitude)⌉ of a finite magnitude ≥ 1 (for smaller magnitudes
    /// a meaningless index, computed without trapping so callers need not branch first).
    ///
    /// The ceiling is taken as truncation plus a correction (exact for the non-negative
    /// products below 2⁶³ that occur here), which avoids a call to `ceil` on targets without
    /// SSE4.1 rounding.
    @inline(__always)
    static func bucketIndex(_ magnitude: Double, multiplier: Double = multiplier) -> Int {
        let scaled = approximateLog2(magnitude) * multiplier
        let truncated = Int(scaled)
        return truncated &+ (Double(truncated) < scaled ? 1 : 0)
    }

    /// A value within relative error α of every magnitude in bucket `index`.
    static func representative(_ index: Int) -> Double {
        let lower = inverseApproximateLog2(Double(index - 1) / multiplier)
        let upper = inverseApproximateLog2(Double(index) / multiplier)
        return 2 * lower * upper / (lower + upper)
    }

    /// DDSketch's cubically interpolated log₂ of a positive normal x = 2ᵉ·(1 + s), 0 ≤ s < 1:
    /// `e + P(s)` with P(s) = ((6/35·s − 3/5)·s + 10/7)·s. P(0) = 0 and P(1) = 1, so L is
    /// continuous at powers of two; P′ > 0, so L is increasing. e and s are read exactly
    /// from the bits; P costs three multiply-adds.
    @inline(__always)
    static func approximateLog2(_ x: Double) -> Double {
        let bits = x.bitPattern
        let exponent = Double(Int(truncatingIfNeeded: bits >> 52 & 0x7ff) - 1023)
        let s = Double(bitPattern: bits & 0x000f_ffff_ffff_ffff | 0x3ff0_0000_0000_0000) - 1
        return ((6.0 / 35.0 * s - 3.0 / 5.0) * s + 10.0 / 7.0) * s + exponent
    }

    /// The x ≥ 1 with `approximateLog2(x) == y` (y ≥ 0), up to rounding.
    ///
    /// Solves P(s) = y − ⌊y⌋ by Newton's method from s = 0: P is increasing and concave on
    /// [0, 1], so the iterates increase monotonically to the root without overshooting.
    static func inverseApproximateLog2(_ y: Double) -> Double {
        let exponent = y.rounded(.down)
        let target = y - exponent
        var s = 0.0
        for _ in 0..<60 {
            let value = ((6.0 / 35.0 * s - 3.0 / 5.0) * s + 10.0 / 7.0) * s - target
            let slope = (18.0 / 35.0 * s - 6.0 / 5.0) * s + 10.0 / 7.0
            let next = s - value / slope
            if !(next > s) { break }
            s = min(next, 1)
        }
        return Double(sign: .plus, exponent: Int(exponent), significand: 1 + s)
    }
}
