import Foundation
import Testing
@testable import ChurnModel

/// A fit of `Benchmarks/reference/cox_zph_reference.R`: its case name, table and options.
struct CoxDiagnosticsCase: Sendable, CustomStringConvertible {
    let name: String
    let ties: TieMethod
    let table: @Sendable () throws -> EventTable

    var description: String { name }

    func fit() throws -> (CoxFit, EventTable) {
        let table = try table()
        return (try CoxProportionalHazards(options: CoxOptions(ties: ties)).fit(table), table)
    }

    static let all: [CoxDiagnosticsCase] = [
        // R: coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung)
        .init(name: "lung_efron", ties: .efron) { try CoxData.lung() },
        // R: coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung, ties = "breslow")
        .init(name: "lung_breslow", ties: .breslow) { try CoxData.lung() },
        // R: coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), data = lung)
        .init(name: "lung_strata_sex", ties: .efron) {
            try CoxData.lung(covariates: ["age", "ph.ecog"], strataColumn: "sex")
        },
        // R: coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung, weights = weight)
        .init(name: "lung_weighted", ties: .efron) { try CoxData.lung(weighted: true) },
        // R: coxph(Surv(time, status) ~ age + sex + ph.ecog + strata(z), data = lung3),
        // z = row %% 3, no events where z == 2
        .init(name: "lung_strata_noevents", ties: .efron) { try CoxData.lungWithEventlessStratum() },
        // R: coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = heart)
        .init(name: "heart_efron", ties: .efron) { try CoxData.heart() },
        // R: coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio, data = rossi)
        .init(name: "rossi_efron", ties: .efron) { try CoxData.rossi() },
    ]
}

extension CoxData {
    /// `lung_cox.csv` with strata z = R row mod 3 and every event of stratum 2 censored,
    /// as `lung3` in `cox_zph_reference.R`.
    static func lungWithEventlessStratum() throws -> EventTable {
        let base = try lung()
        let csv = try FixtureCSV("lung_cox", subdirectory: "Fixtures")
        let z = try csv.requiredDoubles("row").map { Int($0) % 3 }
        return try EventTable(
            durations: base.durations, events: zip(base.events, z).map { $0 && $1 != 2 },
            strata: z.map(String.init), covariates: base.covariates,
            covariateNames: base.covariateNames)
    }
}

/// Residuals against R 4.2.2, survival 3.5-3 `residuals.coxph(fit, type)` for
/// "martingale", "deviance", "schoenfeld" and "scaledsch"
/// (`Benchmarks/reference/cox_zph_reference.R`, `reference/cox_zph_{martingale,schoenfeld}.csv`,
/// 17 significant digits). Tolerance 1e-8 absolute (scaled Schoenfeld: 1e-8 relative to
/// max(1, |value|), as it is d·V·s + β̂ with values up to ~10³).
@Suite struct CoxResidualsTests {
    static let residualCases = CoxDiagnosticsCase.all.filter { $0.name != "rossi_efron" }

    @Test(arguments: residualCases)
    func coxResidualsMatchRResidualsCoxph(_ reference: CoxDiagnosticsCase) throws {
        let (fit, table) = try reference.fit()
        let residuals = try CoxResiduals(fit: fit, table: table)
        let name = reference.name

        let mart = try FixtureCSV("cox_zph_martingale")
        let rows = mart.rows.indices.filter { mart.rows[$0][0] == name }
        try #require(rows.count == table.count)
        let index = try mart.requiredDoubles("index")
        let martingale = try mart.requiredDoubles("martingale")
        let deviance = try mart.requiredDoubles("deviance")
        for r in rows {
            let i = Int(index[r]) - 1
            expectClose(residuals.martingale[i], martingale[r], tolerance: 1e-8, "\(name) martingale row \(i + 1)")
            expectClose(residuals.deviance[i], deviance[r], tolerance: 1e-8, "\(name) deviance row \(i + 1)")
        }

        let scho = try FixtureCSV("cox_zph_schoenfeld")
        let sRows = scho.rows.indices.filter { scho.rows[$0][0] == name }
        let p = fit.covariateNames.count
        let events = residuals.eventRows.count
        try #require(sRows.count == events * p)
        let sIndex = try scho.requiredDoubles("index")
        let time = try scho.requiredDoubles("time")
        let terms = try scho.strings("term")
        let plain = try scho.requiredDoubles("schoenfeld")
        let scaled = try scho.requiredDoubles("scaled")
        for (k, r) in sRows.enumerated() {
            let e = k % events
            let j = k / events
            #expect(terms[r] == fit.covariateNames[j])
            #expect(residuals.eventRows[e] == Int(sIndex[r]) - 1, "\(name) event \(e) row")
            #expect(residuals.eventTimes[e] == time[r], "\(name) event \(e) time")
            let at = "\(name) \(terms[r]) event \(e)"
            expectClose(residuals.schoenfeld[e, j], plain[r], tolerance: 1e-8, "\(at) schoenfeld")
            expectClose(residuals.scaledSchoenfeld[e, j], scaled[r],
                        tolerance: 1e-8 * Swift.max(1, Swift.abs(scaled[r])), "\(at) scaled")
        }
    }

    /// Identities: martingale residuals sum to 0 within each stratum (unweighted fit), and
    /// Schoenfeld residuals sum to the score U(β̂) ≈ 0 per covariate.
    @Test func coxResidualsSumToZeroAtTheEstimate() throws {
        let (fit, table) = try CoxDiagnosticsCase.all[0].fit()
        let residuals = try CoxResiduals(fit: fit, table: table)
        #expect(Swift.abs(residuals.martingale.reduce(0, +)) < 1e-9)
        for j in 0..<fit.covariateNames.count {
            var sum = 0.0
            for e in 0..<residuals.eventRows.count { sum += residuals.schoenfeld[e, j] }
            #expect(Swift.abs(sum) < 1e-6, "column \(j): \(sum)")
        }
        let finite = residuals.deviance.allSatisfy { $0.isFinite }
        #expect(finite)
    }

    @Test func coxResidualsRejectATableThatIsNotTheFittedOne() throws {
        let (fit, _) = try CoxDiagnosticsCase.all[0].fit()
        let other = try CoxData.lung(weighted: true)
        #expect(throws: CoxResidualsError.self) { _ = try CoxResiduals(fit: fit, table: other) }
        let fewer = try CoxData.lung(covariates: ["age", "sex"])
        #expect(throws: CoxResidualsError.self) { _ = try CoxResiduals(fit: fit, table: fewer) }
    }
}
