import Foundation
import Testing
@testable import ChurnModel

/// The proportional-hazards test against R 4.2.2, survival 3.5-3
/// `cox.zph(fit, transform = tr, terms = TRUE)$table` for tr in "km", "rank", "identity",
/// "log" (`Benchmarks/reference/cox_zph_reference.R`, `reference/cox_zph_tests.csv`, 17
/// significant digits). Chi-squares and p-values to 1e-6 relative. The fits are listed in
/// ``CoxDiagnosticsCase/all`` with their R calls.
@Suite struct CoxProportionalityTestTests {
    static let arguments = CoxDiagnosticsCase.all.flatMap { reference in
        CoxProportionalityTest.TimeTransform.allCases.map { (reference, $0) }
    }

    @Test(arguments: arguments)
    func coxZphMatchesRCoxZph(
        _ reference: CoxDiagnosticsCase, _ transform: CoxProportionalityTest.TimeTransform
    ) throws {
        let (fit, table) = try reference.fit()
        let test = try CoxProportionalityTest(fit: fit, table: table, transform: transform)
        let csv = try FixtureCSV("cox_zph_tests")
        let rows = csv.rows.filter { $0[0] == reference.name && $0[1] == transform.rawValue }
        let ours = test.terms + [test.global]
        try #require(rows.count == ours.count)
        for (row, r) in zip(ours, rows) {
            let at = "\(reference.name) \(transform) \(row.term)"
            #expect(row.term == r[2], "\(at)")
            expectRelative(row.chiSquare, Double(r[3]), 1e-6, "\(at) chisq")
            #expect(Double(row.degreesOfFreedom) == Double(r[4]), "\(at) df")
            expectRelative(row.pValue, Double(r[5]), 1e-6, "\(at) p")
        }
        #expect(test.transformedTimes.count == fit.eventCount)
    }

    /// `transformedTimes` (R's `cox.zph(...)$x`) lists g at the event rows in
    /// `orderedEventRows()` order (stratum by stratum, increasing time): with g(t) = t they
    /// are exactly the event rows' tie-corrected times in that order, for every reference
    /// fit (strata, weights, an eventless stratum, counting-process rows).
    @Test(arguments: CoxDiagnosticsCase.all)
    func transformedTimesFollowTheOrderedEventRows(_ reference: CoxDiagnosticsCase) throws {
        let (fit, table) = try reference.fit()
        let test = try CoxProportionalityTest(fit: fit, table: table, transform: .identity)
        let design = try CoxDesign(matching: fit, table: table, tieTolerance: Double.ulpOfOne.squareRoot())
        #expect(test.transformedTimes == design.orderedEventRows().map { design.stop[$0.row] })
    }

    /// R: `cox.zph(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung))` prints
    /// age 0.188, sex 2.305, ph.ecog 2.054, GLOBAL 4.464 on 3 df (p = 0.22).
    @Test func coxZphDefaultIsKaplanMeierTransform() throws {
        let (fit, table) = try CoxDiagnosticsCase.all[0].fit()
        let test = try CoxProportionalityTest(fit: fit, table: table)
        #expect(test.transform == .km)
        #expect((test.global.chiSquare * 1000).rounded() == 4464)
        #expect(test.global.degreesOfFreedom == 3)
        #expect(test.transformedTimes.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    /// A single distinct event time leaves g(t) constant: an error, not NaN.
    @Test func coxZphRejectsConstantTimeTransform() throws {
        let table = try EventTable(
            durations: [1, 2, 2, 3, 4, 5], events: [false, true, true, false, false, false],
            covariates: Matrix(rowMajor: [[0], [1], [0], [1], [0], [1]]), covariateNames: ["x"])
        let fit = try CoxProportionalHazards().fit(table)
        for transform in CoxProportionalityTest.TimeTransform.allCases {
            #expect(throws: CoxResidualsError.constantTimeTransform) {
                _ = try CoxProportionalityTest(fit: fit, table: table, transform: transform)
            }
        }
    }

    /// The log transform needs event times > 0.
    @Test func coxZphLogTransformRejectsEventAtTimeZero() throws {
        let table = try EventTable(
            durations: [0, 1, 2, 3, 4, 5], events: [true, true, false, true, true, false],
            covariates: Matrix(rowMajor: [[0], [1], [0], [1], [1], [0]]), covariateNames: ["x"])
        let fit = try CoxProportionalHazards().fit(table)
        #expect(throws: CoxResidualsError.nonPositiveEventTime(row: 0, time: 0)) {
            _ = try CoxProportionalityTest(fit: fit, table: table, transform: .log)
        }
        let km = try CoxProportionalityTest(fit: fit, table: table)
        #expect(km.global.chiSquare.isFinite && km.global.pValue.isFinite)
    }

    /// A stratum without events contributes nothing (R gives finite values, see the
    /// `lung_strata_noevents` reference); its rows get martingale residual 0.
    @Test func coxZphWithAnEventlessStratumIsFinite() throws {
        let table = try CoxData.lungWithEventlessStratum()
        let fit = try CoxProportionalHazards().fit(table)
        let test = try CoxProportionalityTest(fit: fit, table: table)
        let values = (test.terms + [test.global]).flatMap { [$0.chiSquare, $0.pValue] }
        #expect(values.allSatisfy { $0.isFinite })
        let residuals = try CoxResiduals(fit: fit, table: table)
        let strata = try #require(table.strata)
        for i in 0..<table.count where strata[i] == "2" { #expect(residuals.martingale[i] == 0) }
    }
}
