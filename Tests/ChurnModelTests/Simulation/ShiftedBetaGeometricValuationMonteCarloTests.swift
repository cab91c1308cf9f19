import RealModule
import Testing
@testable import ChurnModel

/// The closed-form discounted expected residual lifetime of the shifted-beta-geometric model
/// (Fader & Hardie 2010) against a direct simulation of its story: each customer draws a
/// churn probability θ ~ Beta(α, β) and then renews each period with probability 1 − θ.
@Suite struct ShiftedBetaGeometricValuationMonteCarloTests {
    /// Customers who have renewed `renewals` times (kept by rejection: a customer churning
    /// earlier is discarded) are worth Σ_{k<R} (1 + d)^{−k} = (1 − zᴿ)/(1 − z), z = 1/(1 + d),
    /// where R is the number of further renewals (geometric with θ, drawn by inversion). DERL is the mean of
    /// that over customers.
    @Test(arguments: [
        (alpha: 0.704, beta: 1.182, discount: 0.10, renewals: 0),   // Fader & Hardie's "regular" cohort
        (alpha: 0.704, beta: 1.182, discount: 0.10, renewals: 4),
        (alpha: 3.8, beta: 15.4, discount: 0.15, renewals: 0),
        (alpha: 3.8, beta: 15.4, discount: 0.15, renewals: 4),
    ])
    func residualLifetimeMatchesClosedForm(alpha: Double, beta: Double, discount: Double, renewals: Int) throws {
        let model = try ShiftedBetaGeometric(alpha: alpha, beta: beta)
        let closedForm = try model.discountedExpectedResidualLifetime(discountRate: discount, renewals: renewals)
        let z = 1 / (1 + discount)
        var stream = RandomStream(seed: 2010, stream: UInt64(renewals), substream: UInt64(alpha * 1000))
        var sum = 0.0, sumOfSquares = 0.0, kept = 0
        while kept < 100_000 {
            let theta = stream.beta(alpha, beta)
            guard (0..<renewals).allSatisfy({ _ in stream.nextUniform() >= theta }) else { continue }
            // Renewals before the first churn: the geometric trial count of the churn, less one.
            let further = RandomStream.geometric(
                fromUniform: stream.nextUniform(), logRenewalProbability: Double.log(onePlus: -theta)) - 1
            let value = -Double.expMinusOne(Double(further) * Double.log(z)) / (1 - z)
            sum += value
            sumOfSquares += value * value
            kept += 1
        }
        let mean = sum / Double(kept)
        let standardError = ((sumOfSquares / Double(kept) - mean * mean) / Double(kept - 1)).squareRoot()
        #expect(abs(mean - closedForm) <= z99 * standardError, "simulated \(mean) ± \(standardError), closed form \(closedForm)")
    }
}
