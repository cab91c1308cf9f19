import Foundation
import Testing
@testable import ChurnModel

/// A batch of lifetimes is exactly the lifetimes drawn one customer at a time.
@Suite struct LifetimeSamplerTests {
    /// Geometric laws, from everyday churn to renewal probabilities so small that lifetimes
    /// reach the cap of `Int.max / 2` months, for short and very long terms.
    @Test(arguments: [1, 12, 24, 2_048, 4_096])
    func batchOfGeometricLifetimesEqualsOneByOne(termMonths: Int) {
        var stream = RandomStream(seed: 17, stream: UInt64(termMonths))
        let uniforms = (0..<200).map { _ in stream.nextUniform() } + [0x1p-53, 1 - 0x1p-53, 0.5]
        for q in [0.03, 0.5, 1e-9, 1e-15, 1e-300] {
            let law = LifetimeSampler(termMonths: termMonths, termChurnProbability: q)
            var batch = [Int?](repeating: nil, count: uniforms.count)
            law.fill(&batch, fromUniforms: uniforms, count: uniforms.count)
            let oneByOne = uniforms.map { law.months(fromUniform: $0) }
            #expect(batch == oneByOne, "term \(termMonths), q \(q)")
            #expect(batch.allSatisfy { $0.map { $0 >= termMonths && $0 <= Int.max / 2 } ?? false })
            if q == 1e-300 { #expect(batch.contains(Int.max / 2), "term \(termMonths)") }
        }
    }

    /// A fitted curve with a jump at tenure 0 (customers recorded as leaving at tenure 0):
    /// a new customer leaves after the first month exactly when −log u ≤ H(1), so the jump
    /// is part of the first month's churn, not skipped (issue 23, point 3); with downturn
    /// years too, where the first year's hazard counts from the left limit H(0) = 0.
    @Test(arguments: [[], [1.0, 1.5]])
    func jumpAtTenureZeroIsChurnInTheFirstMonth(yearMultipliers: [Double]) throws {
        let curve = try StepCumulativeHazard(times: [0, 1, 2], cumulativeHazards: [0.2, 0.3, 0.5])
        let law = LifetimeSampler(
            termMonths: 1, hazard: .model(curve, monthsPerUnit: 1, hazardRatio: 1), yearMultipliers: yearMultipliers)
        var stream = RandomStream(seed: 5, stream: 1)
        for _ in 0..<2_000 {
            let u = stream.nextUniform()
            #expect((law.months(fromUniform: u) == 1) == (-Foundation.log(u) <= 0.3), "u = \(u)")
        }
    }
}
