import RealModule

extension RandomStream {
    /// Draws a standard normal variate N(0, 1) from one uniform by inverting the CDF:
    /// `Φ⁻¹(u)` with u from ``nextUniform()``.
    ///
    /// Unlike ``standardNormal()`` (Box–Muller, which makes variates in pairs and keeps the
    /// second for the next call), this consumes exactly one uniform and no trigonometry: the
    /// right sampler when a stream needs a single normal, such as one customer's revenue.
    /// It is also monotone in u, which keeps common random numbers between scenarios aligned.
    ///
    /// The inverse is Wichura's AS 241 (see ``inverseStandardNormalCDF(_:)``), accurate to
    /// about 1e-16 relative, so the sample is exact in distribution to double precision.
    /// Because 2⁻⁵³ ≤ u ≤ 1 − 2⁻⁵³ the result is finite (|z| < 8.3).
    /// - Complexity: one Philox half-block; for 85% of draws (|u − ½| ≤ 0.425) a degree-7
    ///   rational function only, otherwise also one log and one square root.
    @inlinable
    public mutating func standardNormalByInversion() -> Double {
        Self.inverseStandardNormalCDF(nextUniform())
    }

    /// Φ⁻¹(p) for 0 < p < 1 by Wichura (1988), "Algorithm AS 241: The percentage points of
    /// the normal distribution", Appl. Statist. 37(3) (PPND16, the algorithm behind R's
    /// `qnorm`), relative error about 1e-16.
    ///
    /// Numerical care: the central region |p − ½| ≤ 0.425 uses a rational function of
    /// r = 0.180625 − q², q = p − ½ (exact by Sterbenz for p in [¼, 1]; rounding below ¼ is
    /// far under the approximation error). The tails use r = √(−ln m) with m = min(p, 1 − p),
    /// where `1 − p` is exact for p ≥ ½, and a rational function in r − 1.6 (r ≤ 5) or
    /// r − 5; the sign follows q, so Φ⁻¹(1 − p) = −Φ⁻¹(p) holds exactly.
    /// - Parameter p: A probability strictly between 0 and 1 (not checked here).
    @inlinable
    static func inverseStandardNormalCDF(_ p: Double) -> Double {
        let q = p - 0.5
        if abs(q) <= centralHalfWidth { return centralNormalQuantile(q) }
        return tailNormalQuantile(p, q: q)
    }

    /// Half-width of AS 241's central region: |p − ½| ≤ 0.425.
    @usableFromInline
    static let centralHalfWidth = 0.425

    /// AS 241's central branch: Φ⁻¹(½ + q) for |q| ≤ ``centralHalfWidth``, without branches
    /// (finite but meaningless for |q| up to ½ beyond it), so loops over many uniforms vectorize.
    @inlinable @inline(__always)
    static func centralNormalQuantile(_ q: Double) -> Double {
        let r = 0.180625 - q * q
        var numerator = 2.5090809287301226727e+3
        numerator = numerator * r + 3.3430575583588128105e+4
        numerator = numerator * r + 6.7265770927008700853e+4
        numerator = numerator * r + 4.5921953931549871457e+4
        numerator = numerator * r + 1.3731693765509461125e+4
        numerator = numerator * r + 1.9715909503065514427e+3
        numerator = numerator * r + 1.3314166789178437745e+2
        numerator = numerator * r + 3.3871328727963666080e+0
        var denominator = 5.2264952788528545610e+3
        denominator = denominator * r + 2.8729085735721942674e+4
        denominator = denominator * r + 3.9307895800092710610e+4
        denominator = denominator * r + 2.1213794301586595867e+4
        denominator = denominator * r + 5.3941960214247511077e+3
        denominator = denominator * r + 6.8718700749205790830e+2
        denominator = denominator * r + 4.2313330701600911252e+1
        denominator = denominator * r + 1
        return q * numerator / denominator
    }

    /// AS 241 outside the central region: Φ⁻¹(p) for |q| = |p − ½| > ``centralHalfWidth``.
    @inlinable
    static func tailNormalQuantile(_ p: Double, q: Double) -> Double {
        let tail = q < 0 ? p : 1 - p
        let value = normalTailQuantile((-Double.log(tail)).squareRoot())
        return q < 0 ? -value : value
    }

    /// AS 241's tail branch: Φ⁻¹(1 − m) for r = √(−ln m) ≥ √(−ln 0.075) ≈ 1.61.
    @usableFromInline
    static func normalTailQuantile(_ r: Double) -> Double {
        if r <= 5 {
            let t = r - 1.6
            var numerator = 7.74545014278341407640e-4
            numerator = numerator * t + 2.27238449892691845833e-2
            numerator = numerator * t + 2.41780725177450611770e-1
            numerator = numerator * t + 1.27045825245236838258e+0
            numerator = numerator * t + 3.64784832476320460504e+0
            numerator = numerator * t + 5.76949722146069140550e+0
            numerator = numerator * t + 4.63033784615654529590e+0
            numerator = numerator * t + 1.42343711074968357734e+0
            var denominator = 1.05075007164441684324e-9
            denominator = denominator * t + 5.47593808499534494600e-4
            denominator = denominator * t + 1.51986665636164571966e-2
            denominator = denominator * t + 1.48103976427480074590e-1
            denominator = denominator * t + 6.89767334985100004550e-1
            denominator = denominator * t + 1.67638483018380384940e+0
            denominator = denominator * t + 2.05319162663775882187e+0
            denominator = denominator * t + 1
            return numerator / denominator
        }
        let t = r - 5
        var numerator = 2.01033439929228813265e-7
        numerator = numerator * t + 2.71155556874348757815e-5
        numerator = numerator * t + 1.24266094738807843860e-3
        numerator = numerator * t + 2.65321895265761230930e-2
        numerator = numerator * t + 2.96560571828504891230e-1
        numerator = numerator * t + 1.78482653991729133580e+0
        numerator = numerator * t + 5.46378491116411436990e+0
        numerator = numerator * t + 6.65790464350110377720e+0
        var denominator = 2.04426310338993978564e-15
        denominator = denominator * t + 1.42151175831644588870e-7
        denominator = denominator * t + 1.84631831751005468180e-5
        denominator = denominator * t + 7.86869131145613259100e-4
        denominator = denominator * t + 1.48753612908506148525e-2
        denominator = denominator * t + 1.36929880922735805310e-1
        denominator = denominator * t + 5.99832206555887937690e-1
        denominator = denominator * t + 1
        return numerator / denominator
    }
}
