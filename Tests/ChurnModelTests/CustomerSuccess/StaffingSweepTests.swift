import Foundation
import Testing
@testable import ChurnModel

/// The staffing sweep against closed forms and CRN monotonicity.
@Suite struct StaffingSweepTests {
    static let grid = StaffingGrid(from: 10, to: 200, steps: 20)

    func sweep(csmCost: Double) throws -> StaffingSweep.SegmentSweep {
        let scenario = singleSegmentScenario(horizon: 36, monthlyChurn: 0.04, cac: 0, discount: 0)
        let cs = CustomerSuccess(
            csmCostAnnual: csmCost, coverage: [.accountsPerCSM(40)],
            effect: CoverageEffect(hazardRatio: 0.6, referenceAccountsPerCSM: 25))
        let result = try StaffingSweep(scenario: scenario, customerSuccess: cs, grid: Self.grid, paths: nil, threads: 2)
        return try #require(result.segments.first)
    }

    /// Common random numbers: survival at 12 months never rises with the load (exactly).
    @Test func moreCoverageNeverRaisesChurn() throws {
        let points = try sweep(csmCost: 1000).points.dropFirst()  // grid, increasing load
        let survival = points.map(\.survival12.mean)
        #expect(zip(survival, survival.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(try sweep(csmCost: 1000).points[0].survival12.mean <= survival.last ?? 0)
    }

    /// Constant churn p = 0.04, MRR 100, margin 0.8, no CAC or discounting, 400 customers, 36
    /// months: net(a) = 400·80·Σ_{k=1}^{36} (1 − p)^{HR(a)(k−1)} − ⌈400/a⌉·C·3. With C = 1000
    /// its argmax over the grid is 30 accounts per CSM (computed in the test itself).
    @Test func optimumMatchesClosedForm() throws {
        let cost = 1000.0
        let effect = CoverageEffect(hazardRatio: 0.6, referenceAccountsPerCSM: 25)
        func net(_ a: Double) -> Double {
            let h = effect.hazardRatio(accountsPerCSM: a)
            let value = (1...36).reduce(0.0) { $0 + pow(0.96, h * Double($1 - 1)) }
            return 400 * 80 * value - (400 / a).rounded(.up) * cost * 3
        }
        let analytic = try #require(Self.grid.ratios.max { net($0) < net($1) })
        #expect(analytic == 30)
        let result = try sweep(csmCost: cost)
        #expect(result.best.coverage == .accountsPerCSM(analytic))
        for point in result.points.dropFirst() {
            guard case .accountsPerCSM(let a) = point.coverage else { continue }
            #expect(within99(point.netValue.estimate, of: net(a)), "a = \(a): \(point.netValue.mean) vs \(net(a))")
        }
    }
}
