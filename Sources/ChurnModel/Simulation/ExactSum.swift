/// The exact sum of any number of doubles, whatever order they are added or merged in
/// (a "superaccumulator": Neal, "Fast exact summation using small and large
/// superaccumulators", arXiv:1505.05571, 2015).
///
/// A finite double is an integer M < 2⁵³ times 2ᴱ with E ≥ −1074, so every double, and every
/// sum of doubles, is an integer multiple of 2⁻¹⁰⁷⁴. The sum is kept as that integer in 66
/// signed 64-bit limbs of 32 bits each (limb k weighs 2^(32k − 1074)); a value adds its
/// 85-bit shifted significand to three limbs. Limbs take carries lazily: at most 2³⁰ additions
/// of < 2³² each before the carries are propagated, far from overflow. Since the integer is
/// exact, partial sums from threads or shards merge into exactly the same state as one
/// sequential pass, and ``value`` (read from the canonical, carry-propagated limbs) is
/// bit-identical for any split. Infinities and NaNs are counted apart.
struct ExactSum: Sendable, Equatable, Codable {
    private static let limbCount = 66
    private static let lowBits: Int64 = 0xffff_ffff
    private static let additionsBeforeCarry = 1 << 30

    private var limbs = [Int64](repeating: 0, count: limbCount)
    private var additions = 0
    private var positiveInfinities = 0
    private var negativeInfinities = 0
    private var notANumber = 0

    /// An empty sum (zero).
    init() {}

    /// Adds `x` exactly.
    mutating func add(_ x: Double) {
        guard x.isFinite else {
            if x.isNaN { notANumber += 1 } else if x > 0 { positiveInfinities += 1 } else { negativeInfinities += 1 }
            return
        }
        guard x != 0 else { return }
        let bits = x.bitPattern
        let biasedExponent = Int(truncatingIfNeeded: bits >> 52 & 0x7ff)
        let fraction = bits & 0x000f_ffff_ffff_ffff
        let significand = biasedExponent == 0 ? fraction : fraction | 0x0010_0000_0000_0000
        let position = max(biasedExponent - 1, 0)
        let limb = position >> 5, shift = UInt64(position & 31)
        let low = Int64(bitPattern: (significand &<< shift) & 0xffff_ffff)
        let upper = significand >> (32 - shift)
        let middle = Int64(bitPattern: upper & 0xffff_ffff), high = Int64(bitPattern: upper >> 32)
        if x > 0 {
            limbs[limb] += low
            limbs[limb + 1] += middle
            limbs[limb + 2] += high
        } else {
            limbs[limb] -= low
            limbs[limb + 1] -= middle
            limbs[limb + 2] -= high
        }
        additions += 1
        if additions >= Self.additionsBeforeCarry { propagateCarries() }
    }

    /// Adds the product a·b exactly (as its rounded value plus the rounding error, from one
    /// fused multiply-add), barring underflow of that error below 2⁻¹⁰⁷⁴.
    mutating func addProduct(_ a: Double, _ b: Double) {
        let product = a * b
        add(product)
        if product.isFinite { add((-product).addingProduct(a, b)) }
    }

    /// Adds `factor` times the sum `other` (exactly, barring underflow and overflow), one
    /// limb at a time: each limb times its weight is a double, multiplied as in ``addProduct(_:_:)``.
    mutating func add(_ other: ExactSum, times factor: Double) {
        let (negative, magnitude) = other.signAndMagnitude()
        for (index, limb) in magnitude.enumerated() where limb != 0 {
            addProduct(Double(sign: .plus, exponent: 32 * index - 1074, significand: Double(limb)), negative ? -factor : factor)
        }
        for _ in 0..<other.positiveInfinities { add(Double.infinity * factor) }
        for _ in 0..<other.negativeInfinities { add(-Double.infinity * factor) }
        if other.notANumber > 0 { add(.nan) }
    }

    /// Adds every term of `other`.
    mutating func merge(_ other: ExactSum) {
        for index in limbs.indices { limbs[index] += other.limbs[index] }
        additions += other.additions
        positiveInfinities += other.positiveInfinities
        negativeInfinities += other.negativeInfinities
        notANumber += other.notANumber
        if additions >= Self.additionsBeforeCarry { propagateCarries() }
    }

    /// The sum rounded to a double (to within one or two units in the last place), the same
    /// for any order of additions and merges; ±∞ or NaN when such terms were added.
    var value: Double {
        if notANumber > 0 || (positiveInfinities > 0 && negativeInfinities > 0) { return .nan }
        if positiveInfinities > 0 { return .infinity }
        if negativeInfinities > 0 { return -.infinity }
        let (negative, magnitude) = signAndMagnitude()
        // Smallest limb first, so rounding errors stay tiny.
        var total = 0.0
        for (index, limb) in magnitude.enumerated() where limb != 0 {
            total += Double(sign: .plus, exponent: 32 * index - 1074, significand: Double(limb))
        }
        return negative ? -total : total
    }

    /// The sign, and the canonical limbs of the absolute value (all non-negative; a negative
    /// sum's two's-complement limbs would be huge terms that cancel).
    private func signAndMagnitude() -> (negative: Bool, limbs: [Int64]) {
        var magnitude = canonicalLimbs()
        let negative = (magnitude.last ?? 0) < 0
        if negative {
            for index in magnitude.indices { magnitude[index] = -magnitude[index] }
            Self.propagateCarries(&magnitude)
        }
        return (negative, magnitude)
    }

    /// The limbs with every carry propagated: each in [0, 2³²) but the last, which holds the sign.
    private func canonicalLimbs() -> [Int64] {
        var copy = limbs
        Self.propagateCarries(&copy)
        return copy
    }

    private mutating func propagateCarries() {
        Self.propagateCarries(&limbs)
        additions = 0
    }

    private static func propagateCarries(_ limbs: inout [Int64]) {
        for index in 0..<(limbs.count - 1) {
            let carry = limbs[index] >> 32
            limbs[index] &= lowBits
            limbs[index + 1] += carry
        }
    }

    static func == (lhs: ExactSum, rhs: ExactSum) -> Bool {
        lhs.canonicalLimbs() == rhs.canonicalLimbs() && lhs.positiveInfinities == rhs.positiveInfinities
            && lhs.negativeInfinities == rhs.negativeInfinities && lhs.notANumber == rhs.notANumber
    }

    private enum CodingKeys: String, CodingKey {
        case firstLimb = "first_limb", limbs, positiveInfinities = "positive_infinities"
        case negativeInfinities = "negative_infinities", notANumber = "nan"
    }

    /// Reads the canonical limbs written by ``encode(to:)``.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let first = try container.decode(Int.self, forKey: .firstLimb)
        let stored = try container.decode([Int64].self, forKey: .limbs)
        guard first >= 0, first + stored.count <= Self.limbCount else {
            throw DecodingError.dataCorruptedError(forKey: .limbs, in: container, debugDescription: "limbs out of range")
        }
        limbs.replaceSubrange(first..<(first + stored.count), with: stored)
        positiveInfinities = try container.decode(Int.self, forKey: .positiveInfinities)
        negativeInfinities = try container.decode(Int.self, forKey: .negativeInfinities)
        notANumber = try container.decode(Int.self, forKey: .notANumber)
    }

    /// Writes the canonical limbs from the lowest to the highest non-zero one.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let canonical = canonicalLimbs()
        let first = canonical.firstIndex { $0 != 0 } ?? 0
        let last = canonical.lastIndex { $0 != 0 } ?? -1
        try container.encode(first, forKey: .firstLimb)
        try container.encode(last < first ? [] : Array(canonical[first...last]), forKey: .limbs)
        try container.encode(positiveInfinities, forKey: .positiveInfinities)
        try container.encode(negativeInfinities, forKey: .negativeInfinities)
        try container.encode(notANumber, forKey: .notANumber)
    }
}
