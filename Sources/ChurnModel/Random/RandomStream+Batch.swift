extension RandomStream {
    /// Substreams evaluated together in SIMD lanes by ``leadingUniforms(seed:stream:firstSubstream:perSubstream:into:)``.
    static let laneCount = 8

    /// The first `perSubstream` (≤ 4) values of ``nextUniform()`` of each substream
    /// `firstSubstream ..< firstSubstream + output.count / perSubstream` of `stream`, written
    /// substream after substream: exactly the numbers that one `RandomStream(seed:stream:substream:)`
    /// per substream would give.
    ///
    /// Philox4x32-10 runs on ``laneCount`` substreams at once, one per SIMD lane (the
    /// 32×32→64-bit products become vector multiplies), instead of one call per substream
    /// with a chain of ten dependent rounds. A substream whose block yields the value 0,
    /// which ``nextUniform()`` rejects (probability 2⁻⁵³ per value), is redone by the scalar
    /// generator, so the result never differs from it.
    /// - Precondition: the substreams are below 2³²; `output.count` is a multiple of `perSubstream`.
    static func leadingUniforms(
        seed: UInt64, stream: UInt64, firstSubstream: UInt64, perSubstream: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        precondition((1...4).contains(perSubstream) && output.count % perSubstream == 0, "1 to 4 values per substream")
        let count = output.count / perSubstream
        precondition(firstSubstream + UInt64(count) <= UInt64(UInt32.max) + 1, "substreams must be below 2^32")
        let key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        let streamWords = (
            SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: stream)),
            SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: stream >> 32))
        )
        let blocks = (perSubstream + 1) / 2
        var start = 0
        while start < count {
            let lanes = min(Self.laneCount, count - start)
            let substreams = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: firstSubstream &+ UInt64(start)))
                &+ SIMD8<UInt32>(0, 1, 2, 3, 4, 5, 6, 7)
            var rejected = false
            for block in 0..<blocks {
                let out = philox4x32x10(
                    counter: (SIMD8(repeating: UInt32(block)), substreams, streamWords.0, streamWords.1), key: key)
                for lane in 0..<lanes {
                    let base = (start + lane) * perSubstream + 2 * block
                    let low = unitInterval(fromBits: UInt64(out.1[lane]) << 32 | UInt64(out.0[lane]))
                    output[base] = low
                    rejected = rejected || low == 0
                    if 2 * block + 1 < perSubstream {
                        let high = unitInterval(fromBits: UInt64(out.3[lane]) << 32 | UInt64(out.2[lane]))
                        output[base + 1] = high
                        rejected = rejected || high == 0
                    }
                }
            }
            if rejected {
                for lane in 0..<lanes {
                    var scalar = RandomStream(seed: seed, stream: stream, substream: firstSubstream + UInt64(start + lane))
                    for j in 0..<perSubstream { output[(start + lane) * perSubstream + j] = scalar.nextUniform() }
                }
            }
            start += lanes
        }
    }

    /// ``philox4x32x10(counter:key:)`` on eight counters at once, lane by lane.
    @inline(__always)
    static func philox4x32x10(
        counter: (SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>), key: (UInt32, UInt32)
    ) -> (SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>) {
        let multiplier0 = SIMD8<UInt64>(repeating: 0xD251_1F53)
        let multiplier1 = SIMD8<UInt64>(repeating: 0xCD9E_8D57)
        var (c0, c1, c2, c3) = counter
        var (k0, k1) = key
        for _ in 0..<10 {
            let product0 = multiplier0 &* SIMD8<UInt64>(truncatingIfNeeded: c0)
            let product1 = multiplier1 &* SIMD8<UInt64>(truncatingIfNeeded: c2)
            c0 = SIMD8<UInt32>(truncatingIfNeeded: product1 &>> 32) ^ c1 ^ SIMD8(repeating: k0)
            c1 = SIMD8<UInt32>(truncatingIfNeeded: product1)
            c2 = SIMD8<UInt32>(truncatingIfNeeded: product0 &>> 32) ^ c3 ^ SIMD8(repeating: k1)
            c3 = SIMD8<UInt32>(truncatingIfNeeded: product0)
            k0 &+= 0x9E37_79B9
            k1 &+= 0xBB67_AE85
        }
        return (c0, c1, c2, c3)
    }
}
