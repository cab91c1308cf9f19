import Testing
@testable import ChurnModel

@Suite struct QuantileSketchTests {
    /// Sketch quantiles against exact order statistics (lower rank ⌊q(n−1)⌋) of the same data.
    @Test func quantilesWithinRelativeAccuracyOfExactOrderStatistics() throws {
        let values = normalSample(seed: 3, stream: 0, count: 20_001, mean: 2_000, standardDeviation: 5_000)
        var sketch = QuantileSketch()
        values.forEach { sketch.add($0) }
        let sorted = values.sorted()
        for q in [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99] {
            let exact = sorted[Int(q * Double(values.count - 1))]
            let estimate = try #require(sketch.quantiles([q]))[0]
            #expect(abs(estimate - exact) <= QuantileSketch.relativeAccuracy * abs(exact) + 1, "q = \(q)")
        }
    }

    /// Many ranks read in one scan across negative values, zeros (|x| < 1) and positive values
    /// against the exact order statistics: within the relative accuracy, zeros exactly 0.
    @Test func ranksReadTogetherMatchExactOrderStatisticsAcrossSigns() {
        let values = normalSample(seed: 7, stream: 2, count: 3_001, mean: 0, standardDeviation: 50)
            + Array(repeating: 0.25, count: 40)
        var sketch = QuantileSketch()
        values.forEach { sketch.add($0) }
        let sorted = values.map { abs($0) < 1 ? 0 : $0 }.sorted()
        let ranks = Array(stride(from: 0, to: values.count, by: 7)) + [values.count - 1, values.count]
        let read = sketch.values(atRanks: ranks)
        #expect(read.count == ranks.count)
        #expect(read.last! == nil)
        for (rank, value) in zip(ranks.dropLast(), read.dropLast()) {
            let exact = sorted[rank]
            #expect(abs(value! - exact) <= QuantileSketch.relativeAccuracy * abs(exact) * 1.000001, "rank \(rank)")
        }
    }

    @Test func mergeEqualsSequentialInsertion() {
        let values = normalSample(seed: 5, stream: 1, count: 5_000, mean: 0, standardDeviation: 1e4)
        var whole = QuantileSketch(), left = QuantileSketch(), right = QuantileSketch()
        values.forEach { whole.add($0) }
        values[..<1_234].forEach { left.add($0) }
        values[1_234...].forEach { right.add($0) }
        right.merge(left)
        #expect(right == whole)
        let levels = Array(stride(from: 0.0, through: 1.0, by: 0.05))
        #expect(right.quantiles(levels) == whole.quantiles(levels))
        let ranks = [0, 1, 2_499, 4_998, 4_999]
        #expect(right.values(atRanks: ranks) == whole.values(atRanks: ranks))
        #expect(whole.values(atRanks: [5_000]) == [nil])
    }

    /// The guarantee behind every quantile: each value's bucket representative is within the
    /// relative accuracy α of it (plus rounding), across many binades and their edges.
    @Test func bucketRepresentativeIsWithinRelativeAccuracyOfEveryValue() {
        var stream = RandomStream(seed: 11, stream: 2)
        var values = (0..<200_000).map { _ in Double.exp(45 * stream.nextUniform()) }
        for exponent in 0..<60 {
            let power = Double(sign: .plus, exponent: exponent, significand: 1)
            values += [power, power.nextUp, power.nextDown, power * 1.5, power * 1.666_666_7].filter { $0 >= 1 }
        }
        var worst = 0.0
        for value in values {
            let representative = QuantileSketch.representative(QuantileSketch.bucketIndex(value))
            worst = max(worst, abs(representative - value) / value)
        }
        #expect(worst <= QuantileSketch.relativeAccuracy * (1 + 1e-9), "worst relative error \(worst)")
        #expect(worst >= 0.9 * QuantileSketch.relativeAccuracy, "buckets narrower than needed: \(worst)")
    }

    /// L is the exact log₂ at powers of two and increasing in between.
    @Test func approximateLogAgreesAtPowersOfTwoAndIsIncreasing() {
        for exponent in 0..<1000 {
            let power = Double(sign: .plus, exponent: exponent, significand: 1)
            #expect(QuantileSketch.approximateLog2(power) == Double(exponent))
        }
        var previous = -1.0
        for step in 0...4096 {
            let value = 1 + Double(step) / 1024  // 1 … 5, crossing 2 and 4
            let log = QuantileSketch.approximateLog2(value)
            #expect(log > previous)
            previous = log
        }
    }

    /// Batches of mixed signs and zeros (|x| < 1) give the sketch of adding the values one by
    /// one, and its buckets come out in ascending order of value, zeros as 0.
    @Test func batchesEqualOneByOneAcrossSignsAndZeros() {
        let values = normalSample(seed: 9, stream: 4, count: 1_000, mean: 0, standardDeviation: 3) + [-0.5, 0, 0.99, 1, -1]
        var batched = QuantileSketch(), single = QuantileSketch()
        for start in stride(from: 0, to: values.count, by: 64) {
            batched.add(contentsOf: Array(values[start..<min(start + 64, values.count)]))
        }
        values.forEach { single.add($0) }
        #expect(batched == single)
        #expect(batched.count == values.count)
        let buckets = batched.buckets()
        #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.value < $1.value })
        #expect(buckets.first { $0.value == 0 }?.count == values.filter { abs($0) < 1 }.count)
        #expect(buckets.reduce(0) { $0 + $1.count } == values.count)
    }

    @Test func emptySketchHasNoQuantile() {
        #expect(QuantileSketch().quantiles([0.5]) == nil)
    }
}
