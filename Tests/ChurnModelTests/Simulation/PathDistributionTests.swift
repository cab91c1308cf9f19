import Testing
@testable import ChurnModel

/// Across-path statistics in constant memory against the exact per-path formulas.
@Suite struct PathDistributionTests {
    /// Mean and standard error against the two-pass formula Σ(x − x̄)² / (n − 1) / n.
    @Test func momentsMatchTheTwoPassFormula() throws {
        let values = normalSample(seed: 21, stream: 0, count: 5_000, mean: 300, standardDeviation: 40)
        let estimate = values.reduce(into: PathMoments()) { $0.add($1) }.estimate
        let exact = PathStatistics.estimate(values)
        #expect(abs(estimate.mean - exact.mean) <= 1e-13 * abs(exact.mean))
        let se = try #require(estimate.standardError), exactSE = try #require(exact.standardError)
        #expect(abs(se - exactSE) <= 1e-12 * exactSE)
    }

    /// A tiny spread on a large mean (1e12 + k/8): the one-pass Σx² − (Σx)²/n formula would
    /// lose every digit; the spread of 0, 1/8, …, 7/8 is known exactly.
    @Test func smallSpreadOnLargeMeanKeepsItsDigits() throws {
        var moments = PathMoments()
        for k in 0..<8 { moments.add(1e12 + Double(k) / 8) }
        // Var of {0, …, 7}/8: 42/7/64 = 0.09375; SE = √(0.09375 / 8).
        let se = try #require(moments.estimate.standardError)
        #expect(abs(se - (0.09375 / 8).squareRoot()) <= 1e-15)
        for value in [0.75, -1_999_520.0] {
            var constant = PathMoments()
            for _ in 0..<10 { constant.add(value) }
            #expect(constant.estimate.standardError == 0, "\(value)")
        }
    }

    /// Type-7 percentiles from the sketch within its relative accuracy of the exact ones, the
    /// extremes exact, and a split merge equal to the whole.
    @Test func percentilesWithinRelativeAccuracyAndMergeExactly() {
        var stream = RandomStream(seed: 22, stream: 1)
        let values = (0..<4_001).map { _ in 1.4e8 * Double.exp(0.02 * stream.normal(mean: 0, standardDeviation: 1)) }
        var whole = PathDistribution(resolution: PathDistribution.currency)
        var left = whole, right = whole
        whole.add(contentsOf: values)
        left.add(contentsOf: Array(values[..<999]))
        right.add(contentsOf: Array(values[999...]))
        right.merge(left)
        #expect(right == whole)
        let sorted = values.sorted()
        for q in [0.05, 0.5, 0.95] {
            let exact = PathStatistics.quantile(sorted: sorted, q)
            #expect(abs(whole.quantiles([q])[0] - exact) <= QuantileSketch.relativeAccuracy * exact, "q = \(q)")
        }
        #expect(whole.quantiles([0, 1]) == [sorted.first!, sorted.last!])
    }

    /// Counts (retained logos) keep whole-number order statistics: the type-7 percentiles of
    /// integers between −400 and 4,000 equal the exact ones (interpolation included), where
    /// the sketch's representatives alone are off by up to 1e-4 relative (128.99 for 129).
    @Test func countsKeepWholeNumberPercentiles() {
        var stream = RandomStream(seed: 7, stream: 3)
        let values = (0..<2_001).map { _ in Double(Int(stream.nextUniform() * 4_400) - 400) }
        var counts = PathDistribution(resolution: PathDistribution.currency, wholeNumbers: true)
        counts.add(contentsOf: values)
        let sorted = values.sorted()
        let levels = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]
        for (q, quantile) in zip(levels, counts.quantiles(levels)) {
            #expect(quantile == PathStatistics.quantile(sorted: sorted, q), "q = \(q)")
        }
    }

    /// Shares resolve to 2⁻²⁰: a survival share of 0.7312 is not counted as zero.
    @Test func ratiosKeepTheirResolution() {
        var shares = PathDistribution(resolution: PathDistribution.ratio)
        shares.add(contentsOf: [0.7312, 0.7301, 0.7335, 0.7299, 0.7320])
        #expect(abs(shares.quantiles([0.5])[0] - 0.7312) <= 1e-4 * 0.7312)
        #expect(shares.histogram.map { $0.shares.reduce(0, +) } == 1)
    }
}
