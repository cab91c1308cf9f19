/// A reproducible, counter-based random number generator: Philox4x32-10.
///
/// Philox4x32-10 (Salmon, Moraes, Dror & Shaw 2011, "Parallel random numbers: as easy as
/// 1, 2, 3", SC '11) is a keyed bijection of a 128-bit counter: block *i* of a stream is
/// `philox(counter: i, key: seed)`, so any stream can be produced without generating any
/// other stream first. This makes Monte Carlo paths independent of scheduling and thread
/// count: `RandomStream(seed: 42, stream: 17)` yields the same sequence whatever else ran.
///
/// Layout of the 128-bit counter (32-bit words, word 0 first):
/// `(block, substream, stream & 0xffff_ffff, stream >> 32)`; the key is
/// `(seed & 0xffff_ffff, seed >> 32)`. Each stream/substream pair therefore holds 2³²
/// blocks of four 32-bit words, i.e. 2³³ values of `next()`; exhausting it is a
/// programmer error and traps.
///
/// Each block is buffered: `next()` returns words 0–1 (word 0 in the low half) and then
/// words 2–3, so one Philox evaluation serves two calls. The generator is a small value
/// type without allocation; copying it forks an identical sequence.
///
/// The known-answer vectors of the Random123 distribution (`tests/kat_vectors`) are
/// checked in `RandomStreamTests`.
public struct RandomStream: RandomNumberGenerator, Sendable {
    /// Four 32-bit words: one Philox counter or output block.
    @usableFromInline
    typealias Block = (UInt32, UInt32, UInt32, UInt32)

    @usableFromInline let key0: UInt32
    @usableFromInline let key1: UInt32
    @usableFromInline let substreamWord: UInt32
    @usableFromInline let streamLow: UInt32
    @usableFromInline let streamHigh: UInt32
    /// Index of the next block to evaluate; at most 2³².
    @usableFromInline var nextBlock: UInt64 = 0
    /// Second half of the current block, returned by the next call to `next()`.
    @usableFromInline var spareBits: UInt64 = 0
    @usableFromInline var hasSpareBits = false
    /// Second variate of the last Box–Muller pair (see `standardNormal()`).
    @usableFromInline var spareNormal: Double = 0
    @usableFromInline var hasSpareNormal = false

    /// Creates the generator for one stream (typically one Monte Carlo path) of a seed.
    ///
    /// - Parameters:
    ///   - seed: The 64-bit Philox key shared by all streams of one run.
    ///   - stream: The stream index, e.g. the Monte Carlo path index (all 64 bits used).
    ///   - substream: An optional second index, e.g. one per model component of a path.
    ///     Must be below 2³² (it occupies one 32-bit counter word).
    /// - Complexity: O(1); no block is computed until the first draw.
    public init(seed: UInt64, stream: UInt64, substream: UInt64 = 0) {
        precondition(
            substream <= UInt64(UInt32.max),
            "RandomStream substream must be below 2^32, got \(substream)")
        key0 = UInt32(truncatingIfNeeded: seed)
        key1 = UInt32(truncatingIfNeeded: seed >> 32)
        substreamWord = UInt32(truncatingIfNeeded: substream)
        streamLow = UInt32(truncatingIfNeeded: stream)
        streamHigh = UInt32(truncatingIfNeeded: stream >> 32)
    }

    /// The seed (Philox key) this stream was created with.
    public var seed: UInt64 { UInt64(key1) << 32 | UInt64(key0) }

    /// The stream index this generator was created with.
    public var stream: UInt64 { UInt64(streamHigh) << 32 | UInt64(streamLow) }

    /// The substream index this generator was created with.
    public var substream: UInt64 { UInt64(substreamWord) }

    /// Returns the next 64 uniformly distributed random bits.
    ///
    /// Consecutive calls return words (0, 1) and then (2, 3) of successive Philox4x32-10
    /// blocks, the lower-numbered word in the low 32 bits.
    /// - Complexity: amortised half a Philox4x32-10 evaluation (10 rounds).
    @inlinable
    public mutating func next() -> UInt64 {
        if hasSpareBits {
            hasSpareBits = false
            return spareBits
        }
        return refill()
    }

    /// Returns a uniform `Double` in the open interval (0, 1), never 0 and never 1.
    ///
    /// The top 53 bits `m` of `next()` give `m · 2⁻⁵³`; the single value `m = 0`
    /// (probability 2⁻⁵³) is rejected and redrawn. The result is thus uniform on the
    /// 2⁵³ − 1 points {1, …, 2⁵³ − 1}·2⁻⁵³, all exactly representable and symmetric
    /// about ½ (mean exactly ½). The alternative `(m + ½)·2⁻⁵³` is *not* safe: for
    /// `m = 2⁵³ − 1` it rounds to exactly 1.0.
    /// - Returns: A value `u` with `0 < u < 1`, safe to pass to `log(u)` and `log(1 - u)`.
    @inlinable
    public mutating func nextUniform() -> Double {
        while true {
            let u = Self.unitInterval(fromBits: next())
            if u > 0 { return u }
        }
    }

    /// Maps the top 53 bits of `bits` to `m · 2⁻⁵³`, in [0, 1 − 2⁻⁵³].
    @inlinable
    static func unitInterval(fromBits bits: UInt64) -> Double {
        Double(bits >> 11) * 0x1p-53
    }

    /// Evaluates the next block, buffers its upper half and returns its lower half.
    @usableFromInline
    mutating func refill() -> UInt64 {
        precondition(
            nextBlock <= UInt64(UInt32.max),
            "RandomStream exhausted: 2^32 blocks used on stream \(stream), substream \(substream)")
        let counter: Block = (
            UInt32(truncatingIfNeeded: nextBlock), substreamWord, streamLow, streamHigh
        )
        nextBlock &+= 1
        let out = Self.philox4x32x10(counter: counter, key: (key0, key1))
        spareBits = UInt64(out.3) << 32 | UInt64(out.2)
        hasSpareBits = true
        return UInt64(out.1) << 32 | UInt64(out.0)
    }

    /// One Philox4x32-10 block: ten rounds of the Philox S-box on `counter` under `key`,
    /// with the Weyl key schedule, exactly as Random123's `philox4x32_R(10, ctr, key)`.
    ///
    /// Round: `(hi₀, lo₀) = M₀·c₀`, `(hi₁, lo₁) = M₁·c₂` (32×32→64-bit products);
    /// `c ← (hi₁ ⊕ c₁ ⊕ k₀, lo₁, hi₀ ⊕ c₃ ⊕ k₁, lo₀)`; then `k ← k + (W₀, W₁)` mod 2³².
    @usableFromInline
    static func philox4x32x10(counter: Block, key: (UInt32, UInt32)) -> Block {
        let multiplier0: UInt64 = 0xD251_1F53
        let multiplier1: UInt64 = 0xCD9E_8D57
        let weyl0: UInt32 = 0x9E37_79B9
        let weyl1: UInt32 = 0xBB67_AE85
        var (c0, c1, c2, c3) = counter
        var (k0, k1) = key
        for _ in 0..<10 {
            let product0 = multiplier0 &* UInt64(c0)
            let product1 = multiplier1 &* UInt64(c2)
            c0 = UInt32(truncatingIfNeeded: product1 >> 32) ^ c1 ^ k0
            c1 = UInt32(truncatingIfNeeded: product1)
            c2 = UInt32(truncatingIfNeeded: product0 >> 32) ^ c3 ^ k1
            c3 = UInt32(truncatingIfNeeded: product0)
            k0 &+= weyl0
            k1 &+= weyl1
        }
        return (c0, c1, c2, c3)
    }
}
