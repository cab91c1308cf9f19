import Testing
@testable import ChurnModel

/// Known-answer vectors for philox4x32_10 from Random123's `tests/kat_vectors`
/// (Salmon et al. 2011), lines `philox4x32 10 <ctr0..3> <key0..1> <out0..3>`.
private struct PhiloxVector: Sendable, CustomTestStringConvertible {
    let counter: [UInt32]
    let key: [UInt32]
    let expected: [UInt32]
    var testDescription: String { "ctr \(counter.map { String($0, radix: 16) })" }
}

private let random123Vectors: [PhiloxVector] = [
    PhiloxVector(
        counter: [0, 0, 0, 0], key: [0, 0],
        expected: [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8]),
    PhiloxVector(
        counter: [0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff],
        key: [0xffff_ffff, 0xffff_ffff],
        expected: [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd]),
    PhiloxVector(
        counter: [0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344],
        key: [0xa409_3822, 0x299f_31d0],
        expected: [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1]),
]

@Test(arguments: random123Vectors)
private func philoxMatchesRandom123KnownAnswers(vector: PhiloxVector) {
    let c = vector.counter
    let out = RandomStream.philox4x32x10(
        counter: (c[0], c[1], c[2], c[3]), key: (vector.key[0], vector.key[1]))
    #expect([out.0, out.1, out.2, out.3] == vector.expected)
}

/// The eight-lane Philox gives the known answers in the low halves of its lanes, whatever the
/// high halves of the counter words hold (it never clears them).
@Test(arguments: random123Vectors)
private func lanePhiloxMatchesRandom123KnownAnswers(vector: PhiloxVector) {
    let junk = SIMD8<UInt64>(0, 1, 0xffff_ffff, 0x1234_5678, 1 << 31, 0xdead_beef, 7, 0xffff_ffff) &<< 32
    func word(_ index: Int) -> SIMD8<UInt64> { SIMD8(repeating: UInt64(vector.counter[index])) | junk }
    let out = RandomStream.philox4x32x10(counter: (word(0), word(1), word(2), word(3)), key: (vector.key[0], vector.key[1]))
    for lane in 0..<8 {
        let words = [out.0[lane], out.1[lane], out.2[lane], out.3[lane]].map { UInt32(truncatingIfNeeded: $0) }
        #expect(words == vector.expected, "lane \(lane)")
    }
}

/// Seed 0, stream 0, substream 0, block 0 is the all-zero Random123 vector; `next()` packs
/// words (0, 1) and then (2, 3), the lower word in the low half.
@Test func streamZeroReproducesTheZeroKnownAnswerVector() {
    var rng = RandomStream(seed: 0, stream: 0)
    #expect(rng.next() == 0xe169_c58d_6627_e8d5)
    #expect(rng.next() == 0x9b00_dbd8_bc57_ac4c)
}

@Test func initialiserRoundTripsItsIndices() {
    let rng = RandomStream(seed: 0xdead_beef_0123_4567, stream: .max, substream: 0xffff_ffff)
    #expect(rng.seed == 0xdead_beef_0123_4567)
    #expect(rng.stream == .max)
    #expect(rng.substream == 0xffff_ffff)
}

private func firstValues(_ rng: RandomStream, count: Int = 1000) -> [UInt64] {
    var rng = rng
    return (0..<count).map { _ in rng.next() }
}

@Test func sameSeedAndStreamGiveTheSameSequence() {
    let a = firstValues(RandomStream(seed: 42, stream: 17))
    let b = firstValues(RandomStream(seed: 42, stream: 17))
    #expect(a == b)
}

@Test func differentSeedsStreamsAndSubstreamsDiffer() {
    let base = firstValues(RandomStream(seed: 42, stream: 17))
    let others = [
        RandomStream(seed: 43, stream: 17),
        RandomStream(seed: 42, stream: 18),
        RandomStream(seed: 42, stream: 17, substream: 1),
        RandomStream(seed: 42, stream: 17 | 1 << 32),
    ]
    for other in others {
        let values = firstValues(other)
        // No shared values at all, not merely a different sequence.
        #expect(Set(values).isDisjoint(with: base))
    }
}

@Test func streamValuesDoNotDependOnOtherStreamsDrawnFirst() {
    let fresh = firstValues(RandomStream(seed: 7, stream: 17))
    var sink: UInt64 = 0
    for stream in UInt64(0)..<17 {
        var other = RandomStream(seed: 7, stream: stream)
        for _ in 0..<Int(stream) * 100 { sink ^= other.next() }
    }
    #expect(sink != 0)
    #expect(firstValues(RandomStream(seed: 7, stream: 17)) == fresh)
}

@Test func uniformNeverReachesZeroOrOne() {
    var rng = RandomStream(seed: 2024, stream: 3)
    var minimum = 1.0
    var maximum = 0.0
    for _ in 0..<1_000_000 {
        let u = rng.nextUniform()
        minimum = min(minimum, u)
        maximum = max(maximum, u)
    }
    #expect(minimum > 0)
    #expect(maximum < 1)
}

/// The extreme 53-bit patterns map strictly inside (0, 1) after rejecting m = 0, whereas the
/// tempting `(m + 0.5) · 2⁻⁵³` rounds to exactly 1.0 for m = 2⁵³ − 1 (ties-to-even).
@Test func uniformMappingOfExtremeBitPatterns() {
    #expect(RandomStream.unitInterval(fromBits: .max) == 1 - 0x1p-53)
    #expect(RandomStream.unitInterval(fromBits: 1 << 11) == 0x1p-53)
    #expect(RandomStream.unitInterval(fromBits: (1 << 11) - 1) == 0)
    let topMantissa = Double((UInt64(1) << 53) - 1)
    #expect((topMantissa + 0.5) * 0x1p-53 == 1.0)
}

@Test func copiesForkIdenticalSequences() {
    var original = RandomStream(seed: 5, stream: 9)
    _ = original.next()  // leave a buffered half-block behind
    _ = original.standardNormal()  // and a spare normal
    var copy = original
    #expect(original.standardNormal() == copy.standardNormal())
    #expect(firstValues(original, count: 10) == firstValues(copy, count: 10))
}
