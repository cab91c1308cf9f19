import Foundation
import Testing
@testable import ChurnModel

/// The exact sum behind every Monte Carlo mean: exact, and the same for any order or split.
@Suite struct ExactSumTests {
    func sum(_ values: some Sequence<Double>) -> ExactSum {
        var total = ExactSum()
        for value in values { total.add(value) }
        return total
    }

    /// Hand-computed sums that a left-to-right double sum gets wrong (0, 0, 0.9999999999999999).
    @Test func sumsWithoutRoundingError() {
        #expect(sum([1e100, 1, -1e100]).value == 1)
        #expect(sum([1, 0x1p-60, -1]).value == 0x1p-60)
        // Ten times fl(0.1) = 1.0000000000000000555…, which rounds to 1.
        #expect(sum(repeatElement(0.1, count: 10)).value == 1)
        #expect(sum([-3.5, 1.25]).value == -2.25)
        #expect(sum([Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude]).value == 2 * .leastNonzeroMagnitude)
        #expect(sum([Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, 5]).value == 5)
        #expect(sum([]).value == 0)
    }

    @Test func orderAndSplitDoNotChangeABit() {
        var stream = RandomStream(seed: 7, stream: 3)
        let values = (0..<3_000).map { _ in stream.normal(mean: 0, standardDeviation: 1) * Double.exp(30 * stream.nextUniform()) }
        let forward = sum(values)
        var generator = SystemRandomNumberGenerator()
        let shuffled = sum(values.shuffled(using: &generator))
        var left = sum(values[..<1_111]), right = sum(values[1_111...])
        right.merge(left)
        left = sum(values[2_000...])
        left.merge(sum(values[..<2_000]))
        #expect(forward == shuffled && forward == right && forward == left)
        #expect(forward.value.bitPattern == shuffled.value.bitPattern && forward.value.bitPattern == right.value.bitPattern)
    }

    @Test func infinitiesAndNaNAreCountedApart() {
        #expect(sum([1, .infinity]).value == .infinity)
        #expect(sum([1, -.infinity]).value == -.infinity)
        #expect(sum([.infinity, -.infinity]).value.isNaN)
        #expect(sum([2, .nan]).value.isNaN)
    }

    @Test func productsAndScaledSumsAreExact() {
        var total = ExactSum()
        let third = 1.0 / 3
        total.addProduct(third, 3)
        total.add(-1)
        // 3·fl(1/3) − 1 = −2⁻⁵⁴ exactly, lost by a plain multiply-then-add.
        #expect(total.value == -0x1p-54)
        var scaled = ExactSum()
        scaled.add(sum([1e20, 3, 0.25]), times: -2)
        scaled.merge(sum([2e20, 6]))
        #expect(scaled.value == -0.5)
        // A negative sum times a factor: −(2e6 + 0.25)·(−4e6) = 8e12 + 1e6.
        var negative = ExactSum()
        negative.add(sum([-2e6, -0.25]), times: -4e6)
        #expect(negative.value == 8e12 + 1e6)
    }

    @Test func encodingRoundTripsTheCanonicalState() throws {
        let original = sum([1e300, -7.5, 0x1p-1000, .infinity])
        let decoded = try JSONDecoder().decode(ExactSum.self, from: try JSONEncoder().encode(original))
        #expect(decoded == original)
        let finite = sum([1e300, -7.5, 0x1p-1000])
        #expect(try JSONDecoder().decode(ExactSum.self, from: try JSONEncoder().encode(finite)).value == finite.value)
    }
}
