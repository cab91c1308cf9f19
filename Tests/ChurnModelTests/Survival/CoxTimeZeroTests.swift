import Foundation
import Testing
@testable import ChurnModel

/// Events at time 0 (customers who cancel within their first month, recorded with tenure 0 in
/// whole months) fit as R's `coxph` fits them, and the fitted curve keeps the jump at 0 for
/// customers who start now (issue 23, point 3).
@Suite struct CoxTimeZeroTests {
    /// Twenty rows, four of them events at time 0 and one censored at 0.
    static let time: [Double] = [0, 0, 0, 1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 12, 0, 3, 6, 11]
    static let event: [Double] = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0]
    static let x: [Double] = [1.2, 0.4, -0.3, 0.8, -1.1, 0.5, 0.9, -0.2, 0.1, 1.5, -0.7, 0.3, -0.4, 0.6, -1.3, 0.2, 2.0, -0.5, 0.7, -0.9]

    static func table() throws -> EventTable {
        try EventTable(
            durations: time, events: event.map { $0 == 1 },
            covariates: Matrix(rows: time.count, columns: 1, columnMajor: x), covariateNames: ["x"])
    }

    /// R 4.2.2, survival 3.5.3, `Benchmarks/reference/cox_time_zero_reference.R`:
    /// `coxph(Surv(time, event) ~ x, data = d, ties = …)` on the rows above, printed with
    /// `sprintf('%.17g')`: coefficient, its standard error, the null and fitted log partial
    /// likelihoods, the concordance, and `basehaz(fit, centered = FALSE)` at times 0, 1, 2.
    /// Tolerance 1e-8 relative, as for the other Cox references (Newton–Raphson stops at a
    /// relative change of 1e-9 in the log likelihood, as R's does).
    @Test(arguments: [
        (TieMethod.efron, [0.9483201792470749, 0.40989746069716892, -28.597695621501678, -25.664831032184843,
                           0.73076923076923084], [0.10262548329310382, 0.14956949874900366, 0.20174368800862008]),
        (TieMethod.breslow, [0.8951920303017209, 0.40205332082625173, -28.887880824171582, -26.193746004483259,
                             0.73076923076923084], [0.094295151800476096, 0.1426032844619318, 0.19621137145156542]),
    ])
    func fitWithEventsAtTimeZeroMatchesR(ties: TieMethod, reference: [Double], baseline: [Double]) throws {
        let fit = try CoxProportionalHazards(options: CoxOptions(ties: ties)).fit(Self.table())
        let found = [fit.coefficients[0].estimate, fit.coefficients[0].standardError, fit.nullLogLikelihood,
                     fit.logLikelihood, fit.concordance.value]
        for (value, expected) in zip(found, reference) {
            #expect(abs(value - expected) <= 1e-8 * abs(expected), "\(ties): \(value) vs R's \(expected)")
        }
        let hazard = try #require(fit.baselineHazards.first)
        #expect(Array(hazard.times.prefix(3)) == [0, 1, 2])
        for (value, expected) in zip(hazard.cumulativeHazard.prefix(3), baseline) {
            #expect(abs(value - expected) <= 1e-8 * expected, "\(ties): baseline \(value) vs R's \(expected)")
        }
    }

    /// The jump at 0 is churn ahead of a customer at tenure 0: H(0) = 0 and H(t) includes it
    /// for t > 0, and a share 1 − exp(−jump) of new customers' sampled lifetimes is 0.
    @Test func stepCurveKeepsTheJumpAtZeroForNewCustomers() throws {
        let curve = try StepCumulativeHazard(times: [0, 1, 2], cumulativeHazards: [0.2, 0.3, 0.5])
        #expect(curve.cumulativeHazard(at: 0) == 0)
        #expect(curve.cumulativeHazard(at: 0.5) == 0.2)
        #expect(curve.cumulativeHazard(at: 1) == 0.3)
        var stream = RandomStream(seed: 11, stream: 0)
        let draws = 20_000
        let zeros = (0..<draws).filter { _ in curve.sampleLifetime(using: &stream) == 0 }.count
        let share = 1 - Foundation.exp(-0.2)
        let standardError = (share * (1 - share) / Double(draws)).squareRoot()
        #expect(abs(Double(zeros) / Double(draws) - share) < 3.29 * standardError, "\(zeros) of \(draws) at 0")
    }

    /// A curve whose only step is at 0 says nothing about customers who stay past it.
    @Test func curveWithItsOnlyStepAtZeroIsRejected() {
        #expect(throws: FittedModelError.self) { try StepCumulativeHazard(times: [0], cumulativeHazards: [0.4]) }
    }
}
