import Foundation
import Testing
@testable import ChurnModel

/// Kaplan–Meier against R survival 3.5-3 (`survfit`, see
/// `Benchmarks/reference/survival_reference.R` and `Fixtures/reference/provenance.txt`).
/// R printed 17 significant digits; survival is checked to 1e-10, standard errors and
/// confidence bounds to 1e-8, medians and their CIs exactly.
@Suite struct KaplanMeierTests {
    /// Compares every row of a fit with an R fixture written by `km_table()`.
    private func expectMatchesR(
        _ fit: KaplanMeierFit, fixture: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let csv = try FixtureCSV(fixture)
        let strata = try csv.strings("stratum")
        let rows = fit.curves.flatMap { curve in curve.rows.map { (curve.stratum ?? "", $0) } }
        try #require(rows.count == csv.rows.count, "row count", sourceLocation: sourceLocation)
        let time = try csv.requiredDoubles("time")
        let nRisk = try csv.requiredDoubles("n.risk")
        let nEvent = try csv.requiredDoubles("n.event")
        let nCensor = try csv.requiredDoubles("n.censor")
        let surv = try csv.requiredDoubles("surv")
        let seLog = try csv.doubles("std.err.cumhaz")
        let seSurv = try csv.doubles("std.err.surv")
        let lower = try csv.doubles("lower")
        let upper = try csv.doubles("upper")
        for (i, (stratum, row)) in rows.enumerated() {
            let at = "\(fixture) row \(i + 1) t=\(row.time)"
            #expect(stratum == strata[i], "\(at) stratum", sourceLocation: sourceLocation)
            #expect(row.time == time[i], "\(at) time", sourceLocation: sourceLocation)
            expectClose(row.atRisk, nRisk[i], tolerance: 1e-10, "\(at) n.risk", sourceLocation: sourceLocation)
            expectClose(row.events, nEvent[i], tolerance: 1e-10, "\(at) n.event", sourceLocation: sourceLocation)
            expectClose(row.censored, nCensor[i], tolerance: 1e-10, "\(at) n.censor", sourceLocation: sourceLocation)
            expectClose(row.survival, surv[i], tolerance: 1e-10, "\(at) surv", sourceLocation: sourceLocation)
            expectClose(row.standardErrorOfLogSurvival, seLog[i], tolerance: 1e-8, "\(at) std.err", sourceLocation: sourceLocation)
            expectClose(row.standardError, seSurv[i], tolerance: 1e-8, "\(at) summary std.err", sourceLocation: sourceLocation)
            expectClose(row.ciLower, lower[i], tolerance: 1e-8, "\(at) lower", sourceLocation: sourceLocation)
            expectClose(row.ciUpper, upper[i], tolerance: 1e-8, "\(at) upper", sourceLocation: sourceLocation)
        }
    }

    /// Compares medians with `summary(fit)$table[, c("median", "0.95LCL", "0.95UCL")]`, exactly.
    private func expectMediansMatchR(
        _ fit: KaplanMeierFit, case name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let csv = try FixtureCSV("medians")
        let cases = try csv.strings("case")
        let strata = try csv.strings("stratum")
        let median = try csv.doubles("median")
        let lcl = try csv.doubles("lcl")
        let ucl = try csv.doubles("ucl")
        let indices = cases.indices.filter { cases[$0] == name }
        try #require(indices.count == fit.curves.count, "median rows for \(name)", sourceLocation: sourceLocation)
        for i in indices {
            let stratum: String? = strata[i].isEmpty ? nil : strata[i]
            let curve = try #require(fit.curve(stratum: stratum), sourceLocation: sourceLocation)
            let m = curve.medianSurvivalTime
            #expect(m.estimate == median[i], "\(name) \(strata[i]) median", sourceLocation: sourceLocation)
            #expect(m.lowerBound == lcl[i], "\(name) \(strata[i]) LCL", sourceLocation: sourceLocation)
            #expect(m.upperBound == ucl[i], "\(name) \(strata[i]) UCL", sourceLocation: sourceLocation)
        }
    }

    private static let intervalCases: [(ConfidenceIntervalType, String)] = [
        (.log, "log"), (.logLog, "loglog"), (.plain, "plain"),
    ]

    /// R: `survfit(Surv(time, status) ~ 1, data = lung, conf.type = "log" | "log-log" | "plain")`
    /// and `summary(fit)$table` for the median.
    @Test(arguments: intervalCases)
    func kaplanMeierMatchesRSurvfitOnLung(type: ConfidenceIntervalType, suffix: String) throws {
        let options = try KaplanMeierOptions(confidenceIntervalType: type)
        let fit = try KaplanMeierEstimator(options: options).fit(LungData.table())
        try expectMatchesR(fit, fixture: "lung_km_\(suffix)")
        try expectMediansMatchR(fit, case: "lung_\(suffix)")
    }

    /// R: `survfit(Surv(time, status) ~ sex, data = lung)`.
    @Test func kaplanMeierMatchesRSurvfitOnLungBySex() throws {
        let fit = try KaplanMeierEstimator().fit(LungData.table(bySex: true))
        #expect(fit.curves.map(\.stratum) == ["1", "2"])
        try expectMatchesR(fit, fixture: "lung_km_by_sex")
        try expectMediansMatchR(fit, case: "lung_by_sex")
    }

    /// R: `survfit(Surv(time, status) ~ 1, data = lung, weights = 0.5 + (row %% 5) / 4,
    /// robust = FALSE)` — weighted Greenwood variance (R's default for non-integer weights
    /// would be the robust variance).
    @Test func kaplanMeierMatchesRSurvfitOnLungWithCaseWeights() throws {
        let fit = try KaplanMeierEstimator().fit(LungData.table(weighted: true))
        try expectMatchesR(fit, fixture: "lung_km_weighted")
        try expectMediansMatchR(fit, case: "lung_weighted")
    }

    /// R: `survfit(Surv(entry, time, status) ~ 1, data = lung)` with
    /// `entry = floor(time * (row %% 4) / 5)`.
    @Test func kaplanMeierMatchesRSurvfitOnLungWithLateEntry() throws {
        let fit = try KaplanMeierEstimator().fit(LungData.table(lateEntry: true))
        try expectMatchesR(fit, fixture: "lung_km_late_entry")
        try expectMediansMatchR(fit, case: "lung_late_entry")
    }

    /// R: `survfit(Surv(time, status) ~ x, data = aml, conf.type = ...)` — tied event
    /// times, and the "Nonmaintained" curve drops to 0 at t = 45 (R: std.err `Inf`, CI `NA`).
    @Test(arguments: intervalCases)
    func kaplanMeierMatchesRSurvfitOnAmlWithTies(type: ConfidenceIntervalType, suffix: String) throws {
        let options = try KaplanMeierOptions(confidenceIntervalType: type)
        let fit = try KaplanMeierEstimator(options: options).fit(AmlData.table())
        try expectMatchesR(fit, fixture: "aml_km_\(suffix)")
        try expectMediansMatchR(fit, case: "aml_\(suffix)")
        let last = try #require(fit.curve(stratum: "Nonmaintained")?.rows.last)
        #expect(last.survival == 0 && last.standardError == nil && last.ciLower == nil)
    }

    /// Identity: without censoring the product-limit estimate is the empirical survival
    /// function, Ŝ(t) = #{Tᵢ > t} / n.
    @Test func kaplanMeierWithoutCensoringEqualsEmpiricalSurvival() throws {
        let durations: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
        let table = try EventTable(durations: durations, events: durations.map { _ in true })
        let curve = try #require(try KaplanMeierEstimator().fit(table).curves.first)
        for row in curve.rows {
            let empirical = Double(durations.filter { $0 > row.time }.count) / Double(durations.count)
            #expect(Swift.abs(row.survival - empirical) <= 1e-15, "t=\(row.time)")
        }
        #expect(curve.rows.last?.survival == 0)
    }

    /// Hand calculation (Klein & Moeschberger style): times 1, 2, 2, 3+, 4, 5+.
    /// n = 6, 5, 3, 2, 1 at t = 1, 2, 3, 4, 5; Ŝ = 5/6, 5/6·3/5 = 1/2, 1/2, 1/2·1/2 = 1/4, 1/4.
    /// Greenwood σ² at t = 2: 1/(6·5) + 2/(5·3) = 1/30 + 4/30 = 1/6.
    /// The curve is exactly 0.5 on [2, 4), so R's median is (2 + 4)/2 = 3.
    @Test func kaplanMeierMatchesHandCalculation() throws {
        let table = try EventTable(
            durations: [1, 2, 2, 3, 4, 5], events: [true, true, true, false, true, false])
        let curve = try #require(try KaplanMeierEstimator().fit(table).curves.first)
        #expect(curve.rows.map(\.time) == [1, 2, 3, 4, 5])
        #expect(curve.rows.map(\.atRisk) == [6, 5, 3, 2, 1])
        let expected = [5.0 / 6, 0.5, 0.5, 0.25, 0.25]
        for (row, s) in zip(curve.rows, expected) { #expect(Swift.abs(row.survival - s) <= 1e-15) }
        expectClose(curve.rows[1].standardErrorOfLogSurvival, (1.0 / 6).squareRoot(), tolerance: 1e-15, "sigma")
        #expect(curve.medianSurvivalTime.estimate == 3)
        #expect(curve.survivalProbability(at: 0.5) == 1)
        #expect(curve.survivalProbability(at: 2) == curve.rows[1].survival)
        #expect(curve.survivalProbability(at: 3.9) == curve.rows[2].survival)
        #expect(curve.survivalProbability(at: 100) == curve.rows[4].survival)
    }

    /// Times within √ε of each other are one time (R's `aeqSurv`): 2 and 2 + 1e-10 tie.
    @Test func kaplanMeierMergesNearTiedTimesLikeAeqSurv() throws {
        let exact = try EventTable(durations: [1, 2, 2, 3], events: [true, true, true, false])
        let noisy = try EventTable(durations: [1, 2 + 1e-10, 2, 3], events: [true, true, true, false])
        let a = try KaplanMeierEstimator().fit(exact)
        let b = try KaplanMeierEstimator().fit(noisy)
        #expect(a == b)
        let strict = try KaplanMeierEstimator(options: KaplanMeierOptions(tieTolerance: 0)).fit(noisy)
        #expect(strict.curves.first?.rows.count == 4)
    }

    /// Tie merging that collapses a late-entry interval throws, naming the row.
    @Test func kaplanMeierRejectsIntervalCollapsedByTieMerging() throws {
        let table = try EventTable(
            durations: [5, 1 + 1e-12], events: [true, true], entryTimes: [0, 1])
        #expect(throws: SurvivalEstimationError.zeroLengthIntervalAfterTieCorrection(
            row: 2, entryTime: 1, duration: 1 + 1e-12)) {
            try KaplanMeierEstimator().fit(table)
        }
    }

    /// Options are validated.
    @Test(arguments: [0.0, 1.0, -0.5, .nan])
    func kaplanMeierOptionsRejectInvalidConfidenceLevel(level: Double) {
        #expect(throws: SurvivalEstimationError.self) {
            try KaplanMeierOptions(confidenceLevel: level)
        }
    }

    /// Identity: 1 − x ≤ e^(−x), so exp(−Ĥ_NA) ≥ Ŝ_KM at every time (they are not equal).
    @Test func kaplanMeierIsBelowExpOfMinusNelsonAalen() throws {
        let table = try LungData.table()
        let km = try #require(try KaplanMeierEstimator().fit(table).curves.first)
        let na = try #require(try NelsonAalenEstimator().fit(table).curves.first)
        for (k, n) in zip(km.rows, na.rows) {
            #expect(exp(-n.cumulativeHazard) >= k.survival)
        }
        #expect(km.rows.contains { exp(-na.cumulativeHazard(at: $0.time)) > $0.survival })
    }

    /// Shape checks: survival within [0, 1], non-increasing, CIs bracket the estimate.
    @Test(arguments: ConfidenceIntervalType.allCases)
    func kaplanMeierCurveIsMonotoneWithBracketingIntervals(type: ConfidenceIntervalType) throws {
        let options = try KaplanMeierOptions(confidenceIntervalType: type)
        let fit = try KaplanMeierEstimator(options: options).fit(LungData.table(weighted: true, lateEntry: true, bySex: true))
        for curve in fit.curves {
            var previous = 1.0
            for row in curve.rows {
                #expect(row.survival >= 0 && row.survival <= previous)
                previous = row.survival
                if let lower = row.ciLower, let upper = row.ciUpper {
                    #expect(lower.isFinite && upper.isFinite)
                    #expect(0 <= lower && lower <= row.survival && row.survival <= upper && upper <= 1)
                }
            }
        }
    }
}
