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
        if UInt(bitPattern: low &- offset) >= UInt(bitPattern: counts.count) { grow(toInclude: low) }
        if UInt(bitPattern: high &- offset) >= UInt(bitPattern: counts.count) { grow(toInclude: high) }
        let offset = self.offset
        counts.withUnsafeMutableBufferPointer { buffer in
            for index in indices { buffer[index - offset] += 1 }
        }
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
        for (index, count) in other.ascending() { increment(index, by: count) }
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
