import Testing
@testable import ChurnModel

/// Φ⁻¹ against R's `qnorm` (Wichura AS 241), printed with 17 digits in
/// `Fixtures/reference/qnorm.csv`. Required: 1e-15 relative (absolute near 0).
@Suite struct NormalQuantileTests {
    @Test func normalQuantileMatchesRQnorm() throws {
        let csv = try FixtureCSV("qnorm")
        let p = try csv.requiredDoubles("p")
        let q = try csv.requiredDoubles("quantile")
        for (pi, qi) in zip(p, q) {
            let x = NormalQuantile.quantile(pi)
            #expect(Swift.abs(x - qi) <= 1e-15 * Swift.max(1, Swift.abs(qi)), "p=\(pi): \(x) vs R \(qi)")
        }
        #expect(NormalQuantile.quantile(0.975) == 1.959963984540054)
    }
}
