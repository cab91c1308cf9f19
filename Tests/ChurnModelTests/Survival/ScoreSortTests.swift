import Testing
@testable import ChurnModel

/// ``ScoreSort`` against the standard library's sort of (order key, row): the bucketed sort
/// must give exactly that order — ascending scores, equal scores in row order, −0 with +0 —
/// on spread, tied, constant and heavy-tailed scores, on both sides of the two-thread size.
@Suite struct ScoreSortTests {
    private func expectSorted(_ scores: [Double], _ what: String) {
        let levels = scores.indices.map { UInt32($0 % 7) }
        let sorted = ScoreSort.ascending(scores, levels: levels)
        let expected = scores.indices.sorted {
            (DenseRanks.orderKey(scores[$0]), $0) < (DenseRanks.orderKey(scores[$1]), $1)
        }
        #expect(sorted.count == scores.count, "\(what): count")
        let mismatch = expected.indices.first { Int(sorted[$0].row) != expected[$0] }
        #expect(mismatch == nil, "\(what): first wrong position \(mismatch ?? -1)")
        #expect(sorted.allSatisfy { $0.level == levels[Int($0.row)] && $0.key == DenseRanks.orderKey(scores[Int($0.row)]) })
    }

    @Test(arguments: [1_000, 250_000])
    func ordersLikeTheStandardSort(rows: Int) {
        var random = RandomStream(seed: 11, stream: UInt64(rows))
        let normal = (0..<rows).map { _ in random.nextUniform() * 6 - 3 }
        expectSorted(normal, "uniform")
        expectSorted(normal.map { ($0 * 4).rounded() / 4 }, "few distinct values")
        // Heavy tails crowd most rows into a few equal-width intervals.
        expectSorted(normal.map { 1 / ($0 + 3.000001) - 3 }, "heavy tail")
        expectSorted([Double](repeating: 0.25, count: rows), "constant")
        expectSorted((0..<rows).map { $0 % 2 == 0 ? -0.0 : 0.0 }, "signed zeros")
        expectSorted((0..<rows).map { Double(rows - $0) * 1e300 - 5e299 * Double(rows) }, "huge range")
    }

    @Test func handlesTinyInputs() {
        expectSorted([], "empty")
        expectSorted([3], "one")
        expectSorted([2, -1, 2, -1e-300], "four")
    }
}
