import Testing
@testable import ChurnModel

/// Wichura's AS 241 against R's `qnorm` (which implements AS 241), printed with 17 digits in
/// `Fixtures/reference/qnorm.csv` by `Benchmarks/reference/survival_reference.R`.
@Suite struct NormalInversionTests {
    @Test func inverseCDFMatchesRQnorm() throws {
        let csv = try FixtureCSV("qnorm")
        for (p, expected) in zip(try csv.requiredDoubles("p"), try csv.requiredDoubles("quantile")) {
            let x = RandomStream.inverseStandardNormalCDF(p)
            #expect(Swift.abs(x - expected) <= 4e-16 * Swift.max(1, Swift.abs(expected)), "p=\(p): \(x) vs R \(expected)")
        }
    }

    /// Φ⁻¹(1 − p) = −Φ⁻¹(p) exactly wherever 1 − p is exact (dyadic p with few significant bits and
    /// their complements), including the smallest and largest uniforms `nextUniform()` returns.
    @Test(arguments: [0x1p-53, 0x1p-40, 0x1p-20, 0x1p-7, 0.0625, 0.07421875, 0.25, 0.3125, 0.4990234375])
    func inverseCDFIsAntisymmetric(p: Double) {
        let lower = RandomStream.inverseStandardNormalCDF(p)
        #expect(lower < 0 && lower.isFinite)
        #expect(RandomStream.inverseStandardNormalCDF(1 - p) == -lower)
    }
}
