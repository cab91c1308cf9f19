/// Counts per integer bucket index over a contiguous range that grows as needed.
///
/// The range grows with slack (half its size, at least 256 buckets, in the direction
/// needed), so that adding n values costs O(n) amortised and an in-range increment is a
/// single comparison. Equality compares the non-empty buckets, not the storage layout.
///
/// Counters are 32-bit, which halves the range's memory: a quantile sketch's range of a
/// hundred thousand buckets then stays in a core's L2 cache while a segment's customers are
/// counted, and the increments, which land at random in it, hit the cache instead of
/// memory (measured on the Monte Carlo benchmark: 4–6% of its run time). Counts stay exact
/// beyond 2³² − 1: each time a counter wraps, its bucket's 2³² goes to ``carries``, which
/// is empty unless one bucket ever holds more than four billion values.
struct BucketCounts: Sendable, Equatable, Codable {
    private var offset = 0
    /// Counts modulo 2³² of the buckets `offset ..< offset + counts.count`.
    private var counts: [UInt32] = []
    /// Multiples of 2³² carried out of ``counts``, by bucket index.
    private var carries: [Int: Int] = [:]

    /// Adds `amount` (≥ 0) to bucket `index`.
    mutating func increment(_ index: Int, by amount: Int = 1) {
        precondition(amount >= 0, "counts only grow")
        include(index)
        add(amount, atPosition: index - offset)
    }

    /// Adds one to the bucket of every index in `indices` (repeats count repeatedly).
    mutating func incrementEach(_ indices: UnsafeBufferPointer<Int>) {
        guard var low = indices.first else { return }
        var high = low
        for index in indices {
            low = min(low, index)
            high = max(high, index)
        }
        include(low)
        include(high)
        let offset = self.offset
        var wrappedIndices: [Int] = []
        counts.withUnsafeMutableBufferPointer { buffer in
            for index in indices {
                buffer[index - offset] &+= 1
                // A counter that wraps to 0 carries 2³² (it takes 2³² values in one bucket).
                if buffer[index - offset] == 0 { wrappedIndices.append(index) }
            }
        }
        for index in wrappedIndices { carries[index, default: 0] += 1 << 32 }
    }

    /// The count of the bucket at `position` of the range.
    private func count(atPosition position: Int) -> Int {
        Int(counts[position]) + (carries.isEmpty ? 0 : carries[position + offset, default: 0])
    }

    /// Adds `amount` to the counter at `position`, carrying whole multiples of 2³².
    private mutating func add(_ amount: Int, atPosition position: Int) {
        let total = Int(counts[position]) + amount
        counts[position] = UInt32(truncatingIfNeeded: total)
        let carried = total - Int(counts[position])
        if carried > 0 { carries[position + offset, default: 0] += carried }
    }

    /// Makes sure the range contains `index`.
    private mutating func include(_ index: Int) {
        if UInt(bitPattern: index &- offset) >= UInt(bitPattern: counts.count) { grow(toInclude: index) }
    }

    /// Extends the range to contain `index`.
    private mutating func grow(toInclude index: Int) {
        let slack = max(counts.count / 2, 256)
        if counts.isEmpty {
            offset = index - slack / 2
            counts = Array(repeating: 0, count: slack)
        } else if index < offset {
            let newOffset = index - slack
            counts.insert(contentsOf: repeatElement(0, count: offset - newOffset), at: 0)
            offset = newOffset
        } else {
            counts.append(contentsOf: repeatElement(0, count: index - offset - counts.count + 1 + slack))
        }
    }

    /// Adds every count of `other`.
    mutating func merge(_ other: BucketCounts) {
        if let first = other.counts.firstIndex(where: { $0 > 0 }), let last = other.counts.lastIndex(where: { $0 > 0 }) {
            include(first + other.offset)
            include(last + other.offset)
            let shift = other.offset - offset
            var wrappedIndices: [Int] = []
            counts.withUnsafeMutableBufferPointer { counts in
                for position in first...last {
                    let (sum, wrapped) = counts[position + shift].addingReportingOverflow(other.counts[position])
                    counts[position + shift] = sum
                    if wrapped { wrappedIndices.append(position + other.offset) }
                }
            }
            for index in wrappedIndices { carries[index, default: 0] += 1 << 32 }
        }
        carries.merge(other.carries, uniquingKeysWith: +)
    }

    /// For each of `ranks` (0-based, increasing), the bucket holding the value of that rank
    /// when the counted values are taken in ascending bucket order, or nil for a rank not
    /// below the total count. One scan of the counts in place, up to the bucket of the last rank.
    func buckets(holding ranks: [Int]) -> [Int?] {
        precondition(zip(ranks, ranks.dropFirst()).allSatisfy { $0 <= $1 }, "ranks must be increasing")
        var result = [Int?](repeating: nil, count: ranks.count)
        var next = 0, passed = 0
        for position in counts.indices {
            guard next < ranks.count else { break }
            passed += count(atPosition: position)
            while next < ranks.count, ranks[next] < passed {
                result[next] = position + offset
                next += 1
            }
        }
        return result
    }

    /// Non-empty buckets from the lowest index up.
    func ascending() -> [(Int, Int)] {
        counts.indices.map { ($0 + offset, count(atPosition: $0)) }.filter { $0.1 > 0 }
    }

    static func == (lhs: BucketCounts, rhs: BucketCounts) -> Bool {
        lhs.ascending().elementsEqual(rhs.ascending()) { $0 == $1 }
    }
}
