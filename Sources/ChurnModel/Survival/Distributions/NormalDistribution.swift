import RealModule

/// The standard normal distribution's tail probabilities, used for Wald z-tests.
///
/// Both tails are evaluated through the complementary error function,
/// Φ(x) = erfc(−x/√2)/2 and 1 − Φ(x) = erfc(x/√2)/2, so a small tail probability keeps
/// full relative precision instead of being computed as 1 − (something close to 1).
///
/// Reference: Abramowitz & Stegun, *Handbook of Mathematical Functions*, 26.2.29.
enum NormalDistribution {
    /// Φ(x) = P(Z ≤ x) for a standard normal Z.
    ///
    /// - Complexity: O(1).
    static func cdf(_ x: Double) -> Double {
        0.5 * Double.erfc(-x / 2.0.squareRoot())
    }

    /// 1 − Φ(x) = P(Z > x), accurate far into the upper tail.
    ///
    /// - Complexity: O(1).
    static func survival(_ x: Double) -> Double {
        0.5 * Double.erfc(x / 2.0.squareRoot())
    }

    /// Two-sided p-value P(|Z| ≥ |z|) = erfc(|z|/√2).
    ///
    /// - Complexity: O(1).
    static func twoSidedPValue(_ z: Double) -> Double {
        Double.erfc(Swift.abs(z) / 2.0.squareRoot())
    }
}
