import RealModule

/// The standard normal distribution N(0, 1): distribution and survival functions.
///
/// Both use the complementary error function, Φ(x) = erfc(−x/√2)/2, so each tail keeps full
/// relative precision (Φ(−30) ≈ 4.9e-198 is not rounded to 0, as 1 − Φ(30) would be).
public enum NormalDistribution {
    /// The distribution function Φ(x) = P(Z ≤ x).
    ///
    /// - Parameter x: Any real number; ±∞ give 1 and 0.
    /// - Returns: A probability in [0, 1], accurate to about 1e-15 relative.
    /// - Complexity: O(1).
    public static func cdf(_ x: Double) -> Double {
        0.5 * Double.erfc(-x / 2.0.squareRoot())
    }

    /// The survival function 1 − Φ(x) = P(Z > x) = Φ(−x), e.g. one-sided p-values.
    ///
    /// - Parameter x: Any real number.
    /// - Returns: A probability in [0, 1], accurate to about 1e-15 relative.
    /// - Complexity: O(1).
    public static func survival(_ x: Double) -> Double {
        0.5 * Double.erfc(x / 2.0.squareRoot())
    }

    /// The two-sided p-value P(|Z| ≥ |z|) = erfc(|z|/√2), for Wald tests.
    ///
    /// - Complexity: O(1).
    public static func twoSidedPValue(_ z: Double) -> Double {
        Double.erfc(Swift.abs(z) / 2.0.squareRoot())
    }
}
