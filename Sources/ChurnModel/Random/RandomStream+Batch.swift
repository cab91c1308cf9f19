extension RandomStream {
    /// Substreams evaluated together in SIMD lanes by ``leadingUniforms(seed:stream:firstSubstream:perSubstream:into:)``.
    static let laneCount = 8

    /// The first `perSubstream` (≤ 4) values of ``nextUniform()`` of each substream
    /// `firstSubstream ..< firstSubstream + n` of `stream`, n = `output.count / perSubstream`,
    /// value by value: value j of substream `firstSubstream + i` goes to `output[j · n + i]`.
    /// Exactly the numbers that one `RandomStream(seed:stream:substream:)` per substream
    /// would give.
    ///
    /// Philox4x32-10 runs on ``laneCount`` substreams at once, one per SIMD lane (the
    /// 32×32→64-bit products become vector multiplies), instead of one call per substream
    /// with a chain of ten dependent rounds; the words become uniforms in the same lanes
    /// (``unitIntervals(low:high:)``) and are stored eight at a time. A substream whose
    /// block yields the value 0, which ``nextUniform()`` rejects (probability 2⁻⁵³ per
    /// value), is redone by the scalar generator, so the result never differs from it.
    /// - Precondition: the substreams are below 2³²; `output.count` is a multiple of `perSubstream`.
    static func leadingUniforms(
        seed: UInt64, stream: UInt64, firstSubstream: UInt64, perSubstream: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        precondition((1...4).contains(perSubstream) && output.count % perSubstream == 0, "1 to 4 values per substream")
        let count = output.count / perSubstream
        precondition(firstSubstream + UInt64(count) <= UInt64(UInt32.max) + 1, "substreams must be below 2^32")
        guard let base = output.baseAddress else { return }
        let key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        let streamWords = (
            SIMD8<UInt64>(repeating: stream & 0xFFFF_FFFF),
            SIMD8<UInt64>(repeating: stream >> 32)
        )
        let blocks = (perSubstream + 1) / 2
        var start = 0
        while start < count {
            let lanes = min(Self.laneCount, count - start)
            let substreams = SIMD8<UInt64>(repeating: firstSubstream &+ UInt64(start)) &+ SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)
            var rejected = SIMDMask<SIMD8<Int64>>(repeating: false)
            for block in 0..<blocks {
                let out = philox4x32x10(
                    counter: (SIMD8(repeating: UInt64(block)), substreams, streamWords.0, streamWords.1), key: key)
                let first = unitIntervals(low: out.0, high: out.1)
                rejected .|= first .== 0
                store(first, lanes: lanes, at: base + 2 * block * count + start)
                if 2 * block + 1 < perSubstream {
                    let second = unitIntervals(low: out.2, high: out.3)
                    rejected .|= second .== 0
                    store(second, lanes: lanes, at: base + (2 * block + 1) * count + start)
                }
            }
            if any(rejected) {
                for lane in 0..<lanes {
                    var scalar = RandomStream(seed: seed, stream: stream, substream: firstSubstream + UInt64(start + lane))
                    for j in 0..<perSubstream { base[j * count + start + lane] = scalar.nextUniform() }
                }
            }
            start += lanes
        }
    }

    /// ``unitInterval(fromBits:)`` of the 64-bit words `high << 32 | low`, lane by lane, from
    /// words held in the low halves of 64-bit lanes (whatever the high halves hold).
    ///
    /// The top 53 bits are m = high·2²¹ + (low >> 11), so m·2⁻⁵³ = high·2⁻³² + (low >> 11)·2⁻⁵³,
    /// a sum of two exact terms whose bits do not overlap: exact, hence equal to the scalar
    /// conversion. Both terms come from signed 32-bit conversions, which SSE2 has for
    /// vectors (high is flipped into signed range and shifted back by 2³¹, exactly).
    @inline(__always)
    static func unitIntervals(low: SIMD8<UInt64>, high: SIMD8<UInt64>) -> SIMD8<Double> {
        let signedHigh = SIMD8<Int32>(truncatingIfNeeded: high ^ 0x8000_0000)
        let lowBits = SIMD8<Int32>(truncatingIfNeeded: (low & 0xFFFF_FFFF) &>> 11)
        return (SIMD8<Double>(signedHigh) + 0x1p31) * 0x1p-32 + SIMD8<Double>(lowBits) * 0x1p-53
    }

    /// Writes the first `lanes` lanes of `values` to `destination`: all eight in one
    /// unaligned store, fewer one by one.
    @inline(__always)
    private static func store(_ values: SIMD8<Double>, lanes: Int, at destination: UnsafeMutablePointer<Double>) {
        if lanes == laneCount {
            UnsafeMutableRawPointer(destination).storeBytes(of: values, as: SIMD8<Double>.self)
        } else {
            for lane in 0..<lanes { destination[lane] = values[lane] }
        }
    }

    /// ``philox4x32x10(counter:key:)`` on eight counters at once, lane by lane, each 32-bit
    /// word in the low half of a 64-bit lane.
    ///
    /// The words stay in 64-bit lanes through all ten rounds, so a round is two 32×32→64-bit
    /// vector multiplies, two shifts and two three-way XORs, with no packing and unpacking
    /// between 32- and 64-bit lanes. The high halves are never cleared: the multiplies read
    /// only the low 32 bits of their operand, and every other word reaches the output only
    /// through the low half of an XOR, so the low halves are exactly Philox's words; the
    /// caller reads only those.
    @inline(__always)
    static func philox4x32x10(
        counter: (SIMD8<UInt64>, SIMD8<UInt64>, SIMD8<UInt64>, SIMD8<UInt64>), key: (UInt32, UInt32)
    ) -> (SIMD8<UInt64>, SIMD8<UInt64>, SIMD8<UInt64>, SIMD8<UInt64>) {
        let lowHalf = SIMD8<UInt64>(repeating: 0xFFFF_FFFF)
        let multiplier0 = SIMD8<UInt64>(repeating: 0xD251_1F53)
        let multiplier1 = SIMD8<UInt64>(repeating: 0xCD9E_8D57)
        var (c0, c1, c2, c3) = counter
        var (k0, k1) = key
        for _ in 0..<10 {
            let product0 = multiplier0 &* (c0 & lowHalf)
            let product1 = multiplier1 &* (c2 & lowHalf)
            c0 = (product1 &>> 32) ^ c1 ^ SIMD8(repeating: UInt64(k0))
            c1 = product1
            c2 = (product0 &>> 32) ^ c3 ^ SIMD8(repeating: UInt64(k1))
            c3 = product0
            k0 &+= 0x9E37_79B9
            k1 &+= 0xBB67_AE85
        }
        return (c0, c1, c2, c3)
    }
}
