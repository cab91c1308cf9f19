import Testing
@testable import ChurnModel

/// `Array(hugePagesRepeating:count:)` asks for huge pages before it writes, and must still be
/// an ordinary array of `count` copies: across sizes below, at and past a 2 MiB stretch.
@Suite struct MemoryPagesTests {
    @Test(arguments: [0, 1, 262_143, 262_144, 1_000_003])
    func hugePageArraysHoldTheirValues(count: Int) {
        let doubles = [Double](hugePagesRepeating: 2.5, count: count)
        #expect(doubles.count == count)
        #expect(doubles.allSatisfy { $0 == 2.5 })
        let pairs = [(Double, Double)](hugePagesRepeating: (1, -1), count: count)
        #expect(pairs.count == count && pairs.allSatisfy { $0 == (1, -1) })
    }
}
