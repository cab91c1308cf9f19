import Foundation
import Testing
@testable import ChurnModel

/// Nelson–Aalen against R survival 3.5-3: `survfit(..., stype = 2, ctype = 1)` gives
/// `cumhaz` = Σ d/n and `std.chaz` = √(Σ d/n²); the H intervals are R's
/// `conf.type = "log"` / `"log-log"` intervals of exp(−H) mapped back by −log
/// (see `na_table()` in `Benchmarks/reference/survival_reference.R`).
@Suite struct NelsonAalenTests {
    private func expectMatchesR(
        _ table: EventTable, fixture: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let csv = try FixtureCSV(fixture)
        for (type, prefix) in [(CumulativeHazardIntervalType.plain, "plain"), (.log, "log")] {
            let options = try NelsonAalenOptions(confidenceIntervalType: type)
            let fit = try NelsonAalenEstimator(options: options).fit(table)
            let rows = fit.curves.flatMap { c in c.rows.map { (c.stratum ?? "", $0) } }
            try #require(rows.count == csv.rows.count, "row count", sourceLocation: sourceLocation)
            let strata = try csv.strings("stratum")
            let time = try csv.requiredDoubles("time")
            let nRisk = try csv.requiredDoubles("n.risk")
            let nEvent = try csv.requiredDoubles("n.event")
            let nCensor = try csv.requiredDoubles("n.censor")
            let cumhaz = try csv.requiredDoubles("cumhaz")
            let se = try csv.requiredDoubles("std.chaz")
            let lower = try csv.doubles("\(prefix).lower")
            let upper = try csv.doubles("\(prefix).upper")
            for (i, (stratum, row)) in rows.enumerated() {
                let at = "\(fixture) \(prefix) row \(i + 1) t=\(row.time)"
                #expect(stratum == strata[i], "\(at) stratum", sourceLocation: sourceLocation)
                #expect(row.time == time[i], "\(at) time", sourceLocation: sourceLocation)
                expectClose(row.atRisk, nRisk[i], tolerance: 1e-10, "\(at) n.risk", sourceLocation: sourceLocation)
                expectClose(row.events, nEvent[i], tolerance: 1e-10, "\(at) n.event", sourceLocation: sourceLocation)
                expectClose(row.censored, nCensor[i], tolerance: 1e-10, "\(at) n.censor", sourceLocation: sourceLocation)
                expectClose(row.cumulativeHazard, cumhaz[i], tolerance: 1e-10, "\(at) cumhaz", sourceLocation: sourceLocation)
                expectClose(row.standardError, se[i], tolerance: 1e-8, "\(at) std.chaz", sourceLocation: sourceLocation)
                expectClose(row.ciLower, lower[i], tolerance: 1e-8, "\(at) lower", sourceLocation: sourceLocation)
                expectClose(row.ciUpper, upper[i], tolerance: 1e-8, "\(at) upper", sourceLocation: sourceLocation)
            }
        }
    }

    /// R: `survfit(Surv(time, status) ~ 1, data = lung, stype = 2, ctype = 1)`.
    @Test func nelsonAalenMatchesRSurvfitCtype1OnLung() throws {
        try expectMatchesR(LungData.table(), fixture: "lung_na")
    }

    /// R: `survfit(Surv(time, status) ~ sex, data = lung, stype = 2, ctype = 1)`.
    @Test func nelsonAalenMatchesRSurvfitCtype1OnLungBySex() throws {
        try expectMatchesR(LungData.table(bySex: true), fixture: "lung_na_by_sex")
    }

    /// R: `survfit(Surv(time, status) ~ 1, data = lung, weights = 0.5 + (row %% 5) / 4,
    /// robust = FALSE, stype = 2, ctype = 1)`.
    @Test func nelsonAalenMatchesRSurvfitCtype1OnLungWithCaseWeights() throws {
        try expectMatchesR(LungData.table(weighted: true), fixture: "lung_na_weighted")
    }

    /// R: `survfit(Surv(entry, time, status) ~ 1, data = lung, stype = 2, ctype = 1)`.
    @Test func nelsonAalenMatchesRSurvfitCtype1OnLungWithLateEntry() throws {
        try expectMatchesR(LungData.table(lateEntry: true), fixture: "lung_na_late_entry")
    }

    /// R: `survfit(Surv(time, status) ~ x, data = aml, stype = 2, ctype = 1)` (tied times).
    @Test func nelsonAalenMatchesRSurvfitCtype1OnAmlWithTies() throws {
        try expectMatchesR(AmlData.table(), fixture: "aml_na")
    }

    /// Hand calculation (Klein & Moeschberger §4.2 style), times 1, 2, 2, 3+, 4, 5+:
    ///
    ///     t   n  d   Ĥ(t)                      Σ d/n²
    ///     1   6  1   1/6                       1/36
    ///     2   5  2   1/6 + 2/5  = 17/30        1/36 + 2/25 = 97/900
    ///     3   3  0   17/30                     97/900
    ///     4   2  1   17/30 + 1/2 = 32/30       97/900 + 1/4 = 322/900
    ///     5   1  0   32/30                     322/900
    @Test func nelsonAalenMatchesHandCalculation() throws {
        let table = try EventTable(
            durations: [1, 2, 2, 3, 4, 5], events: [true, true, true, false, true, false])
        let curve = try #require(try NelsonAalenEstimator().fit(table).curves.first)
        let hazard = [1.0 / 6, 17.0 / 30, 17.0 / 30, 32.0 / 30, 32.0 / 30]
        let variance = [1.0 / 36, 97.0 / 900, 97.0 / 900, 322.0 / 900, 322.0 / 900]
        #expect(curve.rows.map(\.atRisk) == [6, 5, 3, 2, 1])
        for (i, row) in curve.rows.enumerated() {
            #expect(Swift.abs(row.cumulativeHazard - hazard[i]) <= 1e-15, "t=\(row.time)")
            #expect(Swift.abs(row.standardError - variance[i].squareRoot()) <= 1e-15, "t=\(row.time)")
        }
        #expect(curve.cumulativeHazard(at: 0.5) == 0)
        #expect(curve.cumulativeHazard(at: 2.5) == curve.rows[1].cumulativeHazard)
    }

    /// Hand calculation with late entry and weights. Rows (entry, duration, event, weight):
    /// (0, 2, 1, 1), (1, 3, 1, 2), (2, 4, 0, 1), (0, 5, 1, 0.5).
    /// At t = 2: at risk = rows 1, 2, 4 (row 3 enters at 2, not yet at risk) → n = 3.5, d = 1.
    /// At t = 3: rows 2, 3, 4 → n = 3.5, d = 2. At t = 4: rows 3, 4 → n = 1.5, d = 0.
    /// At t = 5: row 4 → n = 0.5, d = 0.5.
    /// Ĥ = 1/3.5, + 2/3.5, same, + 1; Σ d/n² = 1/12.25, + 2/12.25, same, + 0.5/0.25 = 2.
    @Test func nelsonAalenMatchesHandCalculationWithLateEntryAndWeights() throws {
        let table = try EventTable(
            durations: [2, 3, 4, 5], events: [true, true, false, true],
            entryTimes: [0, 1, 2, 0], weights: [1, 2, 1, 0.5])
        let curve = try #require(try NelsonAalenEstimator().fit(table).curves.first)
        #expect(curve.rows.map(\.atRisk) == [3.5, 3.5, 1.5, 0.5])
        let hazard = [1 / 3.5, 3 / 3.5, 3 / 3.5, 3 / 3.5 + 1]
        let variance = [1 / 12.25, 3 / 12.25, 3 / 12.25, 3 / 12.25 + 2]
        for (i, row) in curve.rows.enumerated() {
            #expect(Swift.abs(row.cumulativeHazard - hazard[i]) <= 1e-15, "t=\(row.time)")
            #expect(Swift.abs(row.standardError - variance[i].squareRoot()) <= 1e-15, "t=\(row.time)")
        }
    }

    /// Log intervals are undefined at Ĥ = 0 (a censoring before the first event).
    @Test func nelsonAalenLogIntervalIsNilBeforeFirstEvent() throws {
        let table = try EventTable(durations: [1, 2, 3], events: [false, true, true])
        let options = try NelsonAalenOptions(confidenceIntervalType: .log)
        let curve = try #require(try NelsonAalenEstimator(options: options).fit(table).curves.first)
        #expect(curve.rows[0].ciLower == nil && curve.rows[0].ciUpper == nil)
        #expect(curve.rows[1].ciLower != nil)
    }
}
