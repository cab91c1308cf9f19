import RealModule

/// ln x without a call to the C library, so that a loop over many values compiles to vector
/// instructions (the simulator's geometric lifetimes: one logarithm per customer).
///
/// The classic reduction of fdlibm's `__ieee754_log` (Sun Microsystems, 1993) in its
/// branch-free form: x = 2ᵏ·m with m in [√2/2, √2) taken from the bits, f = m − 1,
/// s = f / (2 + f), and ln(1 + f) = f − f²/2 + s·(f²/2 + R(s²)) with fdlibm's degree-14
/// polynomial R (error below 2⁻⁵⁸·⁴⁵); k·ln 2 is added in two parts (Cody & Waite).
///
/// Accuracy: against glibc's `log`, at most 1 ulp apart on positive normal numbers
/// (`LogarithmTests`). Zero, negative, subnormal and non-finite arguments go to `Double.log`.
@usableFromInline
enum Logarithm {
    /// ln x for any x: the kernel for positive normal finite x, otherwise `Double.log`.
    @inlinable @inline(__always)
    static func of(_ x: Double) -> Double {
        x >= Double.leastNormalMagnitude && x < .infinity ? kernel(x) : Double.log(x)
    }

    /// The branch-free kernel, equal to ``of(_:)`` for positive normal finite x; callers that
    /// know their arguments qualify (uniforms in [2⁻⁵³, 1)) use it in loops that vectorize.
    @inlinable @inline(__always)
    static func kernel(_ x: Double) -> Double {
        let bits = x.bitPattern
        // Move the high word so that the significand lands in [√2/2, √2) and k absorbs the rest.
        let high = UInt32(truncatingIfNeeded: bits &>> 32) &+ (0x3ff0_0000 &- 0x3fe6_a09e)
        let k = Int32(bitPattern: high &>> 20) &- 0x3ff
        let reducedHigh = (high & 0x000f_ffff) &+ 0x3fe6_a09e
        let m = Double(bitPattern: UInt64(reducedHigh) &<< 32 | bits & 0xffff_ffff)
        let f = m - 1
        let halfSquare = 0.5 * f * f
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let even = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01))
        let odd = z * (6.666666666666735130e-01 + w * (2.857142874366239149e-01
            + w * (1.818357216161805012e-01 + w * 1.479819860511658591e-01)))
        let r = odd + even
        let dk = Double(k)
        return s * (halfSquare + r) + dk * 1.90821492927058770002e-10 - halfSquare + f + dk * 6.93147180369123816490e-01
    }
}
