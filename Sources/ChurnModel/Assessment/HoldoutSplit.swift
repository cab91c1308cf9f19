/// A random split of rows into training and test rows, the same for the same seed whatever the
/// thread count: row i is a test row when the i-th uniform draw of a Philox stream of `seed`
/// (stream 0x7e57) is below the test share.
public struct HoldoutSplit: Sendable, Equatable {
    /// Share of rows held out for testing, in (0, 1).
    public let testShare: Double
    /// Seed of the draws.
    public let seed: UInt64

    /// A split holding out `testShare` of the rows.
    public init(testShare: Double, seed: UInt64) {
        self.testShare = testShare
        self.seed = seed
    }

    /// Training and test row indices (ascending) of `count` rows.
    public func rows(count: Int) -> (train: [Int], test: [Int]) {
        var stream = RandomStream(seed: seed, stream: 0x7e57)
        var train: [Int] = [], test: [Int] = []
        for row in 0..<count {
            if stream.nextUniform() < testShare { test.append(row) } else { train.append(row) }
        }
        return (train, test)
    }
}
