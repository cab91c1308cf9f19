import RealModule

extension RandomStream {
    /// Draws a standard normal variate N(0, 1) by the Box–Muller transform.
    ///
    /// Box & Muller (1958), "A note on the generation of random normal deviates", Ann. Math.
    /// Statist. 29(2): two uniforms u₁, u₂ ∈ (0, 1) give the independent pair
    /// `r·cos(2πu₂)`, `r·sin(2πu₂)` with `r = √(−2 ln u₁)`. The first is returned, the second
    /// is kept and returned by the next call, so the sequence is a deterministic function of
    /// the call sequence. Because u₁ > 0 the result is always finite (|z| < 8.7).
    /// - Complexity: one log, square root, sine and cosine per two variates.
    public mutating func standardNormal() -> Double {
        if hasSpareNormal {
            hasSpareNormal = false
            return spareNormal
        }
        let radius = (-2 * Double.log(nextUniform())).squareRoot()
        let angle = 2 * Double.pi * nextUniform()
        spareNormal = radius * Double.sin(angle)
        hasSpareNormal = true
        return radius * Double.cos(angle)
    }

    /// Draws a normal variate N(mean, standardDeviation²) as `mean + standardDeviation · z`.
    ///
    /// - Parameters:
    ///   - mean: Location μ; must be finite.
    ///   - standardDeviation: Scale σ ≥ 0, finite; σ = 0 returns `mean`.
    /// - Returns: A variate with mean μ and variance σ² (Box–Muller, see `standardNormal()`).
    public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        precondition(mean.isFinite, "normal mean must be finite, got \(mean)")
        precondition(
            standardDeviation >= 0 && standardDeviation.isFinite,
            "normal standardDeviation must be finite and >= 0, got \(standardDeviation)")
        return mean + standardDeviation * standardNormal()
    }

    /// Draws a log-normal variate `exp(N(logMean, logStandardDeviation²))`.
    ///
    /// - Parameters:
    ///   - logMean: Mean μ of the logarithm; must be finite.
    ///   - logStandardDeviation: Standard deviation σ ≥ 0 of the logarithm, finite.
    /// - Returns: A positive variate with mean `exp(μ + σ²/2)` and variance
    ///   `(exp(σ²) − 1)·exp(2μ + σ²)` (Johnson, Kotz & Balakrishnan 1994, ch. 14).
    public mutating func lognormal(logMean: Double, logStandardDeviation: Double) -> Double {
        Double.exp(normal(mean: logMean, standardDeviation: logStandardDeviation))
    }

    /// Draws an exponential variate with the given rate by inversion: `−ln(u) / rate`.
    ///
    /// Devroye (1986), *Non-Uniform Random Variate Generation*, §II.2. With u ∈ (0, 1)
    /// the result is finite and positive.
    /// - Parameter rate: The rate λ > 0 (inverse of the mean, e.g. per month), finite.
    /// - Returns: A variate with mean 1/λ and variance 1/λ².
    public mutating func exponential(rate: Double) -> Double {
        precondition(rate > 0 && rate.isFinite, "exponential rate must be finite and > 0, got \(rate)")
        return -Double.log(nextUniform()) / rate
    }

    /// Draws a gamma variate with the given shape k and scale θ (mean kθ, variance kθ²).
    ///
    /// Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM TOMS
    /// 26(3): for k ≥ 1, with d = k − ⅓, c = 1/√(9d), x ~ N(0, 1) and v = (1 + cx)³ > 0,
    /// accept `d·v` if u < 1 − 0.0331x⁴ (squeeze) or ln u < x²/2 + d(1 − v + ln v).
    /// For k < 1 the same paper's boost is used: `G(k) = G(k + 1) · u^(1/k)`. For very
    /// small k this can underflow to 0, which is the correctly rounded value.
    /// - Parameters:
    ///   - shape: Shape k > 0, finite.
    ///   - scale: Scale θ > 0, finite.
    /// - Complexity: expected ≤ 1.05 iterations for k ≥ 1.
    public mutating func gamma(shape: Double, scale: Double) -> Double {
        precondition(shape > 0 && shape.isFinite, "gamma shape must be finite and > 0, got \(shape)")
        precondition(scale > 0 && scale.isFinite, "gamma scale must be finite and > 0, got \(scale)")
        if shape >= 1 {
            return marsagliaTsang(shape: shape) * scale
        }
        let boost = Double.pow(nextUniform(), 1 / shape)
        return marsagliaTsang(shape: shape + 1) * boost * scale
    }

    /// Draws a beta variate B(a, b) as X/(X + Y) with X ~ Γ(a, 1), Y ~ Γ(b, 1).
    ///
    /// Devroye (1986), §IX.4.1, with gammas from Marsaglia & Tsang (2000). When a shape is
    /// below 1 the ratio is formed from logarithms, `1 / (1 + exp(ln Y − ln X))`, so that
    /// gammas too small to represent (boost `u^(1/a)` underflowing) never give 0/0.
    /// - Parameters:
    ///   - a: First shape α > 0, finite.
    ///   - b: Second shape β > 0, finite.
    /// - Returns: A variate in [0, 1] with mean α/(α+β), variance αβ/((α+β)²(α+β+1)).
    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && a.isFinite, "beta shape a must be finite and > 0, got \(a)")
        precondition(b > 0 && b.isFinite, "beta shape b must be finite and > 0, got \(b)")
        if a >= 1 && b >= 1 {
            let x = marsagliaTsang(shape: a)
            let y = marsagliaTsang(shape: b)
            return x / (x + y)
        }
        let logX = logStandardGamma(shape: a)
        let logY = logStandardGamma(shape: b)
        return 1 / (1 + Double.exp(logY - logX))
    }

    /// Draws a triangular variate on [minimum, maximum] with the given mode, by inverting
    /// the CDF.
    ///
    /// Johnson, Kotz & Balakrishnan (1995), *Continuous Univariate Distributions* vol. 2,
    /// ch. 26: with F_c = (c − a)/(b − a), return `a + √(u(b − a)(c − a))` if u < F_c,
    /// else `b − √((1 − u)(b − a)(b − c))`.
    /// - Parameters:
    ///   - minimum: Lower limit a, finite.
    ///   - mode: Mode c with a ≤ c ≤ b.
    ///   - maximum: Upper limit b ≥ a, finite; a = b returns a.
    /// - Returns: A variate with mean (a + b + c)/3 and variance
    ///   (a² + b² + c² − ab − ac − bc)/18.
    public mutating func triangular(minimum: Double, mode: Double, maximum: Double) -> Double {
        precondition(
            minimum.isFinite && maximum.isFinite && minimum <= mode && mode <= maximum,
            "triangular needs finite minimum <= mode <= maximum, got \(minimum), \(mode), \(maximum)")
        let width = maximum - minimum
        guard width > 0 else { return minimum }
        let u = nextUniform()
        let modeFraction = (mode - minimum) / width
        if u < modeFraction {
            return minimum + (u * width * (mode - minimum)).squareRoot()
        }
        return maximum - ((1 - u) * width * (maximum - mode)).squareRoot()
    }

    /// Marsaglia–Tsang rejection for a standard gamma with shape ≥ 1.
    @usableFromInline
    mutating func marsagliaTsang(shape: Double) -> Double {
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = standardNormal()
            let t = 1 + c * x
            guard t > 0 else { continue }
            let v = t * t * t
            let u = nextUniform()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if Double.log(u) < 0.5 * x2 + d * (1 - v + Double.log(v)) { return d * v }
        }
    }

    /// Logarithm of a standard gamma variate, exact in the log domain for shape < 1.
    @usableFromInline
    mutating func logStandardGamma(shape: Double) -> Double {
        if shape >= 1 {
            return Double.log(marsagliaTsang(shape: shape))
        }
        let logBoost = Double.log(nextUniform()) / shape
        return Double.log(marsagliaTsang(shape: shape + 1)) + logBoost
    }
}
