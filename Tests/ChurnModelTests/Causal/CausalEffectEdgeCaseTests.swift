import Foundation
@testable import ChurnModel
import Testing

/// Edge cases of `CausalEffect` and `EffectRun`: each either gives a clear error or keeps what the
/// estimand defines.
@Suite struct CausalEffectEdgeCaseTests {
    /// A propensity model with p terms needs p + 2 accounts in each arm.
    @Test func tooSmallAnArmIsAnError() throws {
        let n = 12
        let x = (0..<n).map { Double($0) }
        let treated = x.indices.map { $0 == 3 || $0 == 8 }
        let table = try EventTable(
            durations: x.map { $0 + 1 }, events: x.indices.map { $0 % 2 == 0 },
            covariates: Matrix(rows: n, columns: 1, columnMajor: x.map { ($0 * 7).truncatingRemainder(dividingBy: 5) }),
            covariateNames: ["x"])
        #expect(throws: CausalEffectError.armTooSmall(arm: "treated", accounts: 2, needed: 3)) {
            try CausalEffect(table: table, treated: treated, treatment: "csm", options: try CausalEffectOptions())
        }
    }

    /// ATT weights of the treated are 1 by definition: --trim winsorises the controls only.
    @Test func trimmingTheATTLeavesTheTreatedAlone() throws {
        let (table, treated) = try CausalReference.synthetic()
        let effect = try CausalEffect(
            table: table, treated: treated, treatment: "csm", options: try CausalEffectOptions(estimand: .att, trim: 0.05))
        let treatedWeights = effect.weights.values.indices.filter { effect.treated[$0] }.map { effect.weights.values[$0] }
        #expect(treatedWeights.allSatisfy { $0 == 1 })
        let limits = try #require(effect.weights.truncation)
        let control = effect.weights.values.indices.filter { !effect.treated[$0] }.map { effect.weights.values[$0] }
        #expect(control.allSatisfy { $0 >= limits.lower && $0 <= limits.upper })
        #expect(control.contains(limits.upper))
    }

    /// A confounder that is a combination of others is named.
    @Test func aCollinearConfounderIsNamed() throws {
        let (table, treated) = try CausalReference.synthetic()
        let covariates = try #require(table.covariates)
        let health = try #require(table.covariateNames.firstIndex(of: "health_score"))
        let doubled = covariates.column(health).map { 2 * $0 }
        let design = Matrix(rows: covariates.rows, columns: covariates.columns + 1, columnMajor: covariates.storage + doubled)
        let widened = try EventTable(
            durations: table.durations, events: table.events, covariates: design, covariateNames: table.covariateNames + ["health_twice"])
        #expect(throws: CausalEffectError.collinear(terms: ["health_twice"])) {
            try CausalEffect(table: widened, treated: treated, treatment: "csm", options: try CausalEffectOptions())
        }
    }

    @Test(arguments: [
        (0.0, [3.0], 12.0), (0.95, [-1.0], 12.0), (0.95, [3.0], 0.0), (1.0, [3.0], 12.0),
    ])
    func optionsOutsideTheirRangeAreErrors(confidence: Double, times: [Double], horizon: Double) {
        #expect(throws: CausalEffectError.self) {
            try CausalEffectOptions(times: times, horizon: horizon, confidenceLevel: confidence)
        }
    }

    /// With late entry, retention before an arm's first entry is not observed: an error, not 100%.
    @Test func aTimeBeforeTheFirstEntryIsAnError() throws {
        let n = 40
        let x = (0..<n).map { Double($0 % 7) }
        let table = try EventTable(
            durations: (0..<n).map { 3 + Double($0 % 10) }, events: (0..<n).map { $0 % 3 != 0 },
            entryTimes: [Double](repeating: 2, count: n),
            covariates: Matrix(rows: n, columns: 1, columnMajor: x), covariateNames: ["x"])
        let treated = (0..<n).map { ($0 * 5) % 9 < 4 }
        #expect(throws: CausalEffectError.beforeFollowUp(time: 1, arm: "treated", firstEntry: 2)) {
            try CausalEffect(
                table: table, treated: treated, treatment: "csm", options: try CausalEffectOptions(times: [1, 6], horizon: 10))
        }
    }

    /// A revenue column with durations of unknown unit would value days as months: refused.
    @Test func revenueNeedsATimeUnit() throws {
        let url = try #require(Bundle.module.url(forResource: "cs_confounded_history", withExtension: "csv", subdirectory: "Fixtures"))
        var specification = HistorySpecification(
            time: .duration(column: "tenure_months", event: "churned", entry: nil), covariates: ["segment", "health_score"])
        specification.treatment = "csm"
        specification.revenue = "tickets"
        let run = EffectRun(historyFile: url.path, specification: specification, options: try CausalEffectOptions())
        #expect(throws: CausalEffectError.revenueWithoutTimeUnit) { _ = try run.execute() }
    }
}
