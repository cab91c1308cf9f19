import Testing
@testable import ChurnModel

/// 32-bit counters carry exactly past 2³² − 1, by every way of adding.
@Suite struct BucketCountsTests {
    private static let wrap = 1 << 32

    @Test func singleIncrementsCarryPastThirtyTwoBits() {
        var counts = BucketCounts()
        counts.increment(7, by: Self.wrap - 1)
        counts.increment(7)
        counts.increment(7, by: 2 * Self.wrap + 5)
        counts.increment(-3, by: 2)
        #expect(counts.ascending().map { [$0.0, $0.1] } == [[-3, 2], [7, 3 * Self.wrap + 5]])
    }

    /// A batch that wraps a counter and then adds more to it within the same batch.
    @Test func batchIncrementsCarryPastThirtyTwoBits() {
        var counts = BucketCounts()
        counts.increment(10, by: Self.wrap - 2)
        let indices = [10, 11, 10, 10, 10, 12]
        indices.withUnsafeBufferPointer { counts.incrementEach($0) }
        #expect(counts.ascending().map { [$0.0, $0.1] } == [[10, Self.wrap + 2], [11, 1], [12, 1]])
        #expect(counts.ascending().reduce(0) { $0 + $1.1 } == Self.wrap + 4)
        #expect(counts.buckets(holding: [0, Self.wrap + 1, Self.wrap + 2, Self.wrap + 3, Self.wrap + 4]) == [10, 10, 11, 12, nil])
    }

    /// Merging counts whose sums wrap, into a store with a different range, carrying both
    /// the wrapped sums and the carries already made.
    @Test func mergeCarriesPastThirtyTwoBits() {
        var left = BucketCounts(), right = BucketCounts()
        left.increment(100, by: Self.wrap - 1)
        left.increment(5_000, by: 3)
        right.increment(100, by: Self.wrap + 4)
        right.increment(-2_000, by: 1)
        left.merge(right)
        #expect(left.ascending().map { [$0.0, $0.1] } == [[-2_000, 1], [100, 2 * Self.wrap + 3], [5_000, 3]])
        var sequential = BucketCounts()
        sequential.increment(-2_000)
        sequential.increment(100, by: 2 * Self.wrap + 3)
        sequential.increment(5_000, by: 3)
        #expect(left == sequential)
    }
}
