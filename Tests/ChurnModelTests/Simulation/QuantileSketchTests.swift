import Testing
@testable import ChurnModel

@Suite struct QuantileSketchTests {
    /// Sketch quantiles against exact order statistics (lower rank ⌊q(n−1)⌋) of the same data.
    @Test func quantilesWithinRelativeAccuracyOfExactOrderStatistics() throws {
        var stream = RandomStream(seed: 3, stream: 0)
        let values = (0..<20_001).map { _ in stream.normal(mean: 2_000, standardDeviation: 5_000) }
        var sketch = QuantileSketch()
        values.forEach { sketch.add($0) }
        let sorted = values.sorted()
        for q in [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99] {
            let exact = sorted[Int(q * Double(values.count - 1))]
            let estimate = try #require(sketch.quantile(q))
            #expect(abs(estimate - exact) <= QuantileSketch.relativeAccuracy * abs(exact) + 1, "q = \(q)")
        }
    }

    @Test func mergeEqualsSequentialInsertion() {
        var stream = RandomStream(seed: 5, stream: 1)
        let values = (0..<5_000).map { _ in stream.normal(mean: 0, standardDeviation: 1e4) }
        var whole = QuantileSketch(), left = QuantileSketch(), right = QuantileSketch()
        values.forEach { whole.add($0) }
        values[..<1_234].forEach { left.add($0) }
        values[1_234...].forEach { right.add($0) }
        right.merge(left)
        for q in stride(from: 0.0, through: 1.0, by: 0.05) { #expect(right.quantile(q) == whole.quantile(q)) }
    }

    @Test func emptySketchHasNoQuantile() {
        #expect(QuantileSketch().quantile(0.5) == nil)
    }
}
