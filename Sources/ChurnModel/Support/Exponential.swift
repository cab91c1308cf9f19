import RealModule

/// eˣ without a call to the C library, so that a loop over many values compiles to vector
/// instructions (the simulator's log-normal revenue draws: one exponential per customer).
///
/// x = k·ln 2 + r with k = round(x / ln 2) and |r| ≤ ln 2 / 2 (Cody & Waite: ln 2 split in a
/// high part with trailing zeros, so k·ln2ʜɪ is exact, and a low part); eʳ by its Taylor
/// polynomial of degree 13 (truncation error below 5e-18 relative); 2ᵏ built from the bits.
/// The rounding of x / ln 2 to an integer adds and subtracts 1.5·2⁵², whose sum also holds k
/// in its low bits, so no float-to-integer conversion is needed. Every step is branch-free.
///
/// Accuracy: within 2 ulp of the correctly rounded eˣ; against glibc's `exp` at most 1 ulp
/// apart over the whole range (`ExponentialTests`). Outside |x| ≤ ``fastRange`` (where 2ᵏ could leave the
/// normal numbers) and for non-finite x, ``of(_:)`` falls back to `Double.exp`.
enum Exponential {
    /// Arguments for which the branch-free kernel is used: 2ᵏ stays a normal number.
    static let fastRange = 708.0

    /// eˣ for any x: the kernel when |x| ≤ ``fastRange``, otherwise `Double.exp`.
    @inline(__always)
    static func of(_ x: Double) -> Double {
        abs(x) <= fastRange ? kernel(x) : Double.exp(x)
    }

    /// The branch-free kernel, equal to ``of(_:)`` for |x| ≤ ``fastRange`` (NaN propagates);
    /// callers that know their arguments are in range use it in loops that vectorize.
    @inline(__always)
    static func kernel(_ x: Double) -> Double {
        let shifter = 0x1.8p52
        let shifted = x * 1.4426950408889634074 + shifter
        let k = shifted - shifter
        // ln 2 = 0x1.62e42fee00000p-1 + 0x1.a39ef35793c76p-33 (fdlibm's ln2HI, ln2LO).
        let r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
        var p = 1.0 / 6227020800.0
        p = p * r + 1.0 / 479001600.0
        p = p * r + 1.0 / 39916800.0
        p = p * r + 1.0 / 3628800.0
        p = p * r + 1.0 / 362880.0
        p = p * r + 1.0 / 40320.0
        p = p * r + 1.0 / 5040.0
        p = p * r + 1.0 / 720.0
        p = p * r + 1.0 / 120.0
        p = p * r + 1.0 / 24.0
        p = p * r + 1.0 / 6.0
        p = p * r + 0.5
        p = p * r + 1.0
        p = p * r + 1.0
        // The low bits of `shifted` hold k + 2⁵¹; adding the bias 1023 and shifting the
        // exponent field into place drops the 2⁵¹ and the 1.5·2⁵² above it.
        let scale = Double(bitPattern: (shifted.bitPattern &+ 1023) &<< 52)
        return p * scale
    }
}
