import RealModule

/// The chi-squared distribution with ν degrees of freedom: upper-tail probabilities for
/// likelihood-ratio and Wald tests.
public enum ChiSquaredDistribution {
    /// The survival function P(X > x) for X ~ χ²(ν), i.e. Q(ν/2, x/2), the regularized upper
    /// incomplete gamma function.
    ///
    /// Q(a, z) is evaluated as in Numerical Recipes (Press et al., 3rd ed., §6.2): for
    /// z < a + 1 by the series of P(a, z) = e^{−z} z^a Σ zⁿ / Γ(a + n + 1) and Q = 1 − P
    /// (here Q is not small, so the subtraction is harmless); otherwise by the continued
    /// fraction for Q evaluated with the modified Lentz method. The prefactor
    /// exp(a·log z − z − logΓ(a)) is formed in logarithms. Relative accuracy is about 1e-14.
    ///
    /// - Parameters:
    ///   - x: The statistic; values ≤ 0 give 1, +∞ gives 0, NaN gives NaN.
    ///   - degreesOfFreedom: ν > 0 (NaN otherwise).
    /// - Returns: The upper-tail probability in [0, 1].
    /// - Complexity: O(√z) terms at worst; typically under 100.
    public static func survival(_ x: Double, degreesOfFreedom: Double) -> Double {
        guard !x.isNaN, degreesOfFreedom > 0, degreesOfFreedom.isFinite else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        return regularizedUpperGamma(a: degreesOfFreedom / 2, z: x / 2)
    }

    /// Q(a, z) for a > 0, z > 0.
    static func regularizedUpperGamma(a: Double, z: Double) -> Double {
        let logPrefactor = a * Double.log(z) - z - Double.logGamma(a)
        if z < a + 1 {
            // Series for P(a, z): Σ zⁿ / (a (a+1) … (a+n)).
            var term = 1 / a
            var sum = term
            var denominator = a
            for _ in 0..<10_000 {
                denominator += 1
                term *= z / denominator
                sum += term
                if Swift.abs(term) < Swift.abs(sum) * 1e-17 { break }
            }
            return 1 - Double.exp(logPrefactor) * sum
        }
        // Continued fraction for Q(a, z), modified Lentz.
        let tiny = 1e-300
        var b = z + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if Swift.abs(d) < tiny { d = tiny }
            c = b + an / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if Swift.abs(delta - 1) < 1e-16 { break }
        }
        return Double.exp(logPrefactor) * h
    }
}
