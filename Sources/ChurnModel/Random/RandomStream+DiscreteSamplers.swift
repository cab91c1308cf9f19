import RealModule

extension RandomStream {
    /// Draws a Poisson variate with the given mean (e.g. a count of events in a period).
    ///
    /// For mean < 10: sequential-search inversion (Devroye 1986, §X.3.3), about mean + 1
    /// iterations. For mean ≥ 10: PTRS, the transformed rejection method with squeeze of
    /// Hörmann (1993), "The transformed rejection method for generating Poisson random
    /// variables", Insurance: Math. and Econ. 12(1), exact and O(1) expected time
    /// (acceptance ≈ 0.9 or better). The inversion stops if the cumulative sum no longer
    /// increases in floating point, an event of probability below 10⁻¹⁵.
    /// - Parameter mean: The mean λ ≥ 0, finite and below 2⁶⁰; λ = 0 returns 0.
    /// - Returns: A non-negative count with mean λ and variance λ.
    public mutating func poisson(mean: Double) -> Int {
        precondition(
            mean >= 0 && mean < 0x1p60, "poisson mean must be in [0, 2^60), got \(mean)")
        if mean == 0 { return 0 }
        if mean < 10 { return poissonByInversion(mean: mean) }
        return poissonPTRS(mean: mean)
    }

    /// Draws the number of Bernoulli trials up to and including the first success (≥ 1),
    /// e.g. the month in which a subscriber with monthly churn probability p churns.
    ///
    /// Inversion (Devroye 1986, §X.2): `⌊ln u / ln(1 − p)⌋ + 1`, with `ln(1 − p)` computed
    /// as `log(onePlus: −p)` so that tiny probabilities (p ≪ ε) keep full relative accuracy
    /// instead of rounding 1 − p to 1. Results beyond `Int.max` saturate at `Int.max`.
    /// - Parameter probability: Success probability per trial, 0 < p ≤ 1; p = 1 returns 1.
    /// - Returns: A count ≥ 1 with mean 1/p and variance (1 − p)/p².
    public mutating func geometric(probability: Double) -> Int {
        precondition(
            probability > 0 && probability <= 1,
            "geometric probability must be in (0, 1], got \(probability)")
        if probability == 1 { return 1 }
        return geometric(logRenewalProbability: Double.log(onePlus: -probability))
    }

    /// The geometric draw of ``geometric(probability:)`` with `ln(1 − p)` precomputed by the
    /// caller as `log(onePlus: −p)` (for loops drawing many variates with one p).
    /// - Parameter logRenewalProbability: `ln(1 − p)`, negative and finite (0 < p < 1).
    @inlinable
    mutating func geometric(logRenewalProbability: Double) -> Int {
        Self.geometric(fromUniform: nextUniform(), logRenewalProbability: logRenewalProbability)
    }

    /// The geometric variate `⌊ln u / ln(1 − p)⌋ + 1` for a given uniform u ∈ (0, 1), with
    /// ln from ``Logarithm`` (so that batches can take their logarithms in a vector loop and
    /// get the same numbers: see ``geometric(failures:)``).
    @inlinable
    static func geometric(fromUniform u: Double, logRenewalProbability: Double) -> Int {
        geometric(failures: Logarithm.of(u) / logRenewalProbability)
    }

    /// The geometric variate for `failures` = ln u / ln(1 − p) ≥ 0: ⌊failures⌋ + 1.
    @inlinable @inline(__always)
    static func geometric(failures: Double) -> Int {
        // failures ≥ 0, so truncation toward zero is ⌊·⌋ (without a call to `floor`).
        guard failures < 0x1p63 - 1 else { return Int.max }
        return Int(failures) + 1
    }

    /// Sequential-search inversion from 0 upward; suitable for small means.
    @usableFromInline
    mutating func poissonByInversion(mean: Double) -> Int {
        let u = nextUniform()
        var count = 0
        var probability = Double.exp(-mean)
        var cumulative = probability
        while u > cumulative {
            count += 1
            probability *= mean / Double(count)
            let next = cumulative + probability
            if next == cumulative { break }
            cumulative = next
        }
        return count
    }

    /// Hörmann's PTRS algorithm (1993), for mean ≥ 10.
    @usableFromInline
    mutating func poissonPTRS(mean: Double) -> Int {
        let logMean = Double.log(mean)
        let b = 0.931 + 2.53 * mean.squareRoot()
        let a = -0.059 + 0.02483 * b
        let logInverseAlpha = Double.log(1.1239 + 1.1328 / (b - 3.4))
        let acceptBound = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = nextUniform() - 0.5
            let v = nextUniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= acceptBound { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let lhs = Double.log(v) + logInverseAlpha - Double.log(a / (us * us) + b)
            let rhs = -mean + k * logMean - Double.logGamma(k + 1)
            if lhs <= rhs { return Int(k) }
        }
    }
}
