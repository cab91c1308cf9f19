import RealModule

extension ShiftedBetaGeometric {
    /// Discounted expected residual lifetime of a customer who has renewed `renewals` times,
    /// in renewal payments (Fader & Hardie 2010, "Customer-base valuation in a contractual
    /// setting: the perils of ignoring heterogeneity", *Marketing Science* 29(1):85–93):
    ///
    ///   DERL(d | n) = Σ_{k≥0} S(n + 1 + k)/S(n) · (1 + d)^{−k}
    ///              = (β + n)/(α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1/(1 + d)).
    ///
    /// The first payment counted (the next renewal) is undiscounted; multiply by the
    /// per-period margin for a value. ₂F₁(1, b; c; z) = Σ_k (b)_k/(c)_k z^k is summed term
    /// by term (ratio (b + k)/(c + k)·z < z < 1, all terms positive) until the geometric
    /// tail bound term·z/(1 − z) falls below 1e-16 of the sum.
    ///
    /// - Parameters:
    ///   - discountRate: d > 0 per renewal period (e.g. 0.1 for annual renewals at 10%).
    ///   - renewals: n ≥ 0, the renewals already made (0 for a new customer).
    /// - Returns: The expected discounted number of future renewal payments.
    /// - Throws: ``ShiftedBetaGeometricError/invalidParameter(name:value:)`` for d ≤ 0 or
    ///   n < 0.
    /// - Complexity: O(log(ε)/log(z)) terms, about 400 at d = 0.1.
    public func discountedExpectedResidualLifetime(discountRate: Double, renewals: Int)
        throws(ShiftedBetaGeometricError) -> Double
    {
        guard discountRate > 0, discountRate.isFinite else {
            throw .invalidParameter(name: "discountRate", value: discountRate)
        }
        guard renewals >= 0 else { throw .invalidParameter(name: "renewals", value: Double(renewals)) }
        let n = Double(renewals)
        let z = 1 / (1 + discountRate)
        let b = beta + n + 1
        let c = alpha + beta + n + 1
        return (beta + n) / (alpha + beta + n) * Self.hypergeometricOneB(b: b, c: c, z: z)
    }

    /// ₂F₁(1, b; c; z) for 0 < z < 1 and 0 < b < c.
    static func hypergeometricOneB(b: Double, c: Double, z: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        let tailFactor = z / (1 - z)
        var k = 0.0
        while term * tailFactor > 1e-16 * sum, k < 1e8 {
            term *= (b + k) / (c + k) * z
            sum += term
            k += 1
        }
        return sum
    }

    /// Projected share of the starting cohort still active after each of `periods`
    /// renewals: [S(1), …, S(periods)].
    ///
    /// - Parameter periods: Number of periods to project, ≥ 0.
    public func projectedSurvival(periods: Int) -> [Double] {
        (0..<max(periods, 0)).map { survival(period: $0 + 1) }
    }
}
