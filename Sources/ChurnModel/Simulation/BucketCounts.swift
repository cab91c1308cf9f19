/// Counts per integer bucket index over a contiguous range that grows as needed.
///
/// The range grows with slack (half its size, at least 256 buckets, in the direction
/// needed), so that adding n values costs O(n) amortised and an in-range increment is a
/// single comparison. Equality compares the non-empty buckets, not the storage layout.
struct BucketCounts: Sendable, Equatable, Codable {
    private var offset = 0
    private var counts: [Int] = []

    /// Adds `amount` to bucket `index`.
    @inline(__always)
    mutating func increment(_ index: Int, by amount: Int = 1) {
        let position = index &- offset
        if UInt(bitPattern: position) < UInt(bitPattern: counts.count) {
            counts[position] += amount
        } else {
            grow(toInclude: index)
            counts[index - offset] += amount
        }
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
        counts.withUnsafeMutableBufferPointer { buffer in
            for index in indices { buffer[index - offset] += 1 }
        }
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
        guard let first = other.counts.firstIndex(where: { $0 > 0 }),
            let last = other.counts.lastIndex(where: { $0 > 0 })
        else { return }
        include(first + other.offset)
        include(last + other.offset)
        let shift = other.offset - offset
        counts.withUnsafeMutableBufferPointer { counts in
            for position in first...last { counts[position + shift] += other.counts[position] }
        }
    }

    /// The bucket holding the value of 0-based `rank` when the counted values are taken in
    /// ascending bucket order (descending with `descending`), or `nil` with `rank` less this
    /// store's total when it holds no more than `rank` values. Scans the counts in place.
    func bucket(holding rank: inout Int, descending: Bool = false) -> Int? {
        let positions = descending
            ? stride(from: counts.count - 1, through: 0, by: -1) : stride(from: 0, through: counts.count - 1, by: 1)
        for position in positions {
            if rank < counts[position] { return position + offset }
            rank -= counts[position]
        }
        return nil
    }

    /// Non-empty buckets from the lowest index up.
    func ascending() -> [(Int, Int)] {
        counts.indices.filter { counts[$0] > 0 }.map { ($0 + offset, counts[$0]) }
    }

    /// Non-empty buckets from the highest index down.
    func descending() -> [(Int, Int)] { ascending().reversed() }

    static func == (lhs: BucketCounts, rhs: BucketCounts) -> Bool {
        lhs.ascending().elementsEqual(rhs.ascending()) { $0 == $1 }
    }
}
