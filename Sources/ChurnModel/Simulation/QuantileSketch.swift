import RealModule

/// A mergeable quantile sketch with bounded relative error (DDSketch: Masson, Rim & Lee,
/// "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees",
/// VLDB 2019).
///
/// A value x with |x| ≥ 1 falls in bucket i = ⌈m·L(|x|)⌉ of its magnitude, where L is
/// DDSketch's cubically interpolated logarithm (``approximateLog2(_:)``): the binary
/// exponent plus a cubic in the significand, read from the bits of x without calling `log`.
/// L is increasing and its slope against ln x lies in [10/7, 52/35], so with
/// m = 1 / ((10/7)·ln γ), γ = (1 + α)/(1 − α), every bucket spans a ratio x_hi/x_lo ≤ γ, and
/// its representative 2·x_lo·x_hi/(x_lo + x_hi) is within relative error (γ − 1)/(γ + 1) = α
/// of every value in it (up to rounding, ~1e-15). The interpolation needs 4% more buckets
/// than the exact logarithm ⌈log_γ |x|⌉.
///
/// Values with |x| < 1 (less than one currency unit) are counted as zero. All values share one
/// store keyed by a signed bucket key (``key(_:multiplier:)``): 0 for zero, i + 1 for a positive value in
/// bucket i and −(i + 1) for a negative one, so ascending keys are ascending values and one
/// scan of the counts reads any order statistic. Counts are integers, so merging is exact and
/// order-independent: partial results from threads or shards combine into exactly the sketch
/// of one sequential run.
struct QuantileSketch: Sendable, Equatable, Codable {
    /// Relative accuracy α of every reported quantile (for |quantile| ≥ 1).
    static let relativeAccuracy = 1e-4
    /// Buckets per unit of L: 1 / (min slope of L against ln x · ln γ).
    static let multiplier = 1 / (10.0 / 7.0 * Double.log(onePlus: 2 * relativeAccuracy / (1 - relativeAccuracy)))

    /// Counts by signed bucket key.
    private var counts = BucketCounts()
    /// Number of values added.
    private(set) var count = 0

    /// Adds one value, which must be finite.
    mutating func add(_ value: Double) {
        counts.increment(Self.key(value))
        count += 1
    }

    /// Adds the values; the same sketch as adding them one by one in any order.
    ///
    /// Meant for batches of a few dozen values: bucket counters are spread over hundreds of
    /// kilobytes, so counting is dominated by cache misses. The keys of the whole batch are
    /// computed first, in a loop without branches that vectorizes, and the counters then
    /// incremented in a tight loop without calls, where the processor overlaps the misses.
    mutating func add(contentsOf values: [Double]) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: values.count) { keys in
            let multiplier = Self.multiplier
            values.withUnsafeBufferPointer { values in
                for index in values.indices { keys[index] = Self.key(values[index], multiplier: multiplier) }
            }
            counts.incrementEach(UnsafeBufferPointer(keys))
        }
        count += values.count
    }

    /// The signed bucket key of a finite value: 0 when |value| < 1, otherwise
    /// ±(``bucketIndex(_:multiplier:)`` + 1) with the value's sign. Without branches.
    @inline(__always)
    static func key(_ value: Double, multiplier: Double = multiplier) -> Int {
        let magnitude = abs(value)
        let index = bucketIndex(magnitude, multiplier: multiplier) &+ 1
        let signed = value < 0 ? 0 &- index : index
        return magnitude >= 1 ? signed : 0
    }

    /// Adds every count of `other`.
    mutating func merge(_ other: QuantileSketch) {
        counts.merge(other.counts)
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
    /// accuracy), nil for a rank not below ``count``: one scan of the buckets.
    func values(atRanks ranks: [Int]) -> [Double?] {
        counts.buckets(holding: ranks).map { $0.map(Self.value(ofKey:)) }
    }

    /// Every non-empty bucket as (representative value, count), in ascending order of value.
    func buckets() -> [(value: Double, count: Int)] {
        counts.ascending().map { (value: Self.value(ofKey: $0.0), count: $0.1) }
    }

    /// The representative value of signed key `key` (0 for the zero key).
    private static func value(ofKey key: Int) -> Double {
        key == 0 ? 0 : key > 0 ? representative(key - 1) : -representative(-key - 1)
    }

    /// Bucket ⌈multiplier · L(magnitude)⌉ (≥ 0) of a finite magnitude ≥ 1 (for smaller
    /// magnitudes a meaningless index, computed without trapping so callers need not branch first).
    ///
    /// The ceiling is ``ShiftedRounding/ceiling(_:)``, so that batch loops vectorize: exact,
    /// since |multiplier · L| < 2²³ for every finite magnitude (|L| ≤ 1075).
    @inline(__always)
    static func bucketIndex(_ magnitude: Double, multiplier: Double = multiplier) -> Int {
        ShiftedRounding.ceiling(approximateLog2(magnitude) * multiplier)
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
