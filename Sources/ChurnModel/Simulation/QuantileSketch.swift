import RealModule

/// A mergeable quantile sketch with bounded relative error (DDSketch: Masson, Rim & Lee,
/// "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees",
/// VLDB 2019).
///
/// A value x with |x| ≥ 1 falls in bucket ⌈log_γ |x|⌉ of its sign's store, γ = (1+α)/(1−α);
/// the bucket's representative 2γⁱ/(γ+1) is within relative error α of every value in it.
/// Values with |x| < 1 (less than one currency unit) are counted as zero. Counts are
/// integers, so merging is exact and order-independent: partial results from threads or
/// shards combine into exactly the sketch of one sequential run.
struct QuantileSketch: Sendable, Equatable {
    /// Relative accuracy α of every reported quantile (for |quantile| ≥ 1).
    static let relativeAccuracy = 1e-4
    static let logGamma = Double.log(onePlus: 2 * relativeAccuracy / (1 - relativeAccuracy))

    private var positive = BucketCounts()
    private var negative = BucketCounts()
    private var zeroCount = 0
    /// Number of values added.
    private(set) var count = 0

    /// Adds one value.
    mutating func add(_ value: Double) {
        count += 1
        let magnitude = abs(value)
        guard magnitude >= 1 else { zeroCount += 1; return }
        let index = Int((Double.log(magnitude) / Self.logGamma).rounded(.up))
        if value > 0 { positive.increment(index) } else { negative.increment(index) }
    }

    /// Adds every count of `other`.
    mutating func merge(_ other: QuantileSketch) {
        positive.merge(other.positive)
        negative.merge(other.negative)
        zeroCount += other.zeroCount
        count += other.count
    }

    /// The q-quantile (0 ≤ q ≤ 1) by the lower rank ⌊q·(n−1)⌋, or nil when empty.
    func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        var rank = Int((q * Double(count - 1)).rounded(.down))
        for (index, bucketCount) in negative.descending() {
            if rank < bucketCount { return -Self.representative(index) }
            rank -= bucketCount
        }
        if rank < zeroCount { return 0 }
        rank -= zeroCount
        for (index, bucketCount) in positive.ascending() {
            if rank < bucketCount { return Self.representative(index) }
            rank -= bucketCount
        }
        return nil
    }

    private static func representative(_ index: Int) -> Double {
        2 * Double.exp(Double(index) * logGamma) / (Double.exp(logGamma) + 1)
    }
}

/// Counts per integer bucket index over a contiguous range that grows as needed.
struct BucketCounts: Sendable, Equatable {
    private var offset = 0
    private var counts: [Int] = []

    mutating func increment(_ index: Int, by amount: Int = 1) {
        if counts.isEmpty {
            offset = index
            counts = [0]
        } else if index < offset {
            counts.insert(contentsOf: repeatElement(0, count: offset - index), at: 0)
            offset = index
        } else if index >= offset + counts.count {
            counts.append(contentsOf: repeatElement(0, count: index - offset - counts.count + 1))
        }
        counts[index - offset] += amount
    }

    mutating func merge(_ other: BucketCounts) {
        for (index, count) in other.ascending() { increment(index, by: count) }
    }

    /// Non-empty buckets from the lowest index up.
    func ascending() -> [(Int, Int)] {
        counts.indices.filter { counts[$0] > 0 }.map { ($0 + offset, counts[$0]) }
    }

    /// Non-empty buckets from the highest index down.
    func descending() -> [(Int, Int)] { ascending().reversed() }
}
