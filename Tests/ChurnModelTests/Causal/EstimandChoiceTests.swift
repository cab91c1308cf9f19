import Foundation
@testable import ChurnModel
import Testing

/// Without --estimand, the ATE is estimated unless overlap is poor; then the overlap
/// population (ATO), with a warning that says so. An explicit estimand is kept, with the warning.
@Suite struct EstimandChoiceTests {
    /// 600 accounts whose CSM follows a steep logistic in x (P = logistic(3x), x on [−3, 3]): a
    /// third of each arm has a propensity outside [0.05, 0.95].
    static func table() throws -> (EventTable, [Bool]) {
        let n = 600
        let x = (0..<n).map { -3 + 6 * (Double($0) + 0.5) / Double(n) }
        // A fixed low-discrepancy sequence stands in for the uniform draws.
        let uniform = (0..<n).map { (Double($0) * 0.6180339887498949).truncatingRemainder(dividingBy: 1) }
        let treated = x.indices.map { uniform[$0] < 1 / (1 + exp(-3 * x[$0])) }
        let durations = x.indices.map { 1 + Double(($0 * 37) % 24) }
        let events = x.indices.map { $0 % 3 != 0 }
        return (try EventTable(
            durations: durations, events: events, covariates: Matrix(rows: n, columns: 1, columnMajor: x), covariateNames: ["x"]),
            treated)
    }

    @Test func poorOverlapChoosesTheOverlapEstimand() throws {
        let (table, treated) = try Self.table()
        let effect = try CausalEffect(table: table, treated: treated, treatment: "csm", options: try CausalEffectOptions())
        #expect(max(effect.overlapTreated.shareOutside, effect.overlapControl.shareOutside) >= 0.1)
        #expect(effect.estimand == .ato)
        #expect(effect.warnings.contains { $0.hasPrefix("poor overlap") && $0.contains("overlap population (ATO") })
    }

    @Test func anExplicitEstimandIsKept() throws {
        let (table, treated) = try Self.table()
        let effect = try CausalEffect(
            table: table, treated: treated, treatment: "csm", options: try CausalEffectOptions(estimand: .ate))
        #expect(effect.estimand == .ate)
        #expect(effect.warnings.contains { $0.hasPrefix("poor overlap") && $0.contains("--estimand ato") })
    }

    @Test func goodOverlapKeepsTheAverageEffect() throws {
        let effect = try CausalReference.syntheticEffect()
        #expect(effect.estimand == .ate)
        #expect(!effect.warnings.contains { $0.hasPrefix("poor overlap") })
    }
}
