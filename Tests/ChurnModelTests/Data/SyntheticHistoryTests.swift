import Foundation
import Testing
@testable import ChurnModel

/// The synthetic history carries its true drivers: a stratified Cox fit recovers them.
@Suite struct SyntheticHistoryTests {
    /// With a Weibull baseline per segment and proportional covariate effects, Cox stratified
    /// by segment is the true model; each estimate lies within 4 standard errors of the truth
    /// (a fixed seed; the chance that any of 5 exceeds 4 SE by accident is about 3e-4).
    @Test func stratifiedCoxRecoversTrueCoefficients() throws {
        let asOf = try #require(CalendarDate(iso: "2026-10-31"))
        let history = SyntheticHistory(count: 4000, seed: 11, asOf: asOf)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-synthetic-\(UUID().uuidString).csv")
        try Data(history.csv.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try HistoryLoader.load(
            path: url.path,
            specification: HistorySpecification(
                time: .duration(column: "tenure_months", event: "churned", entry: nil),
                covariates: SyntheticHistory.covariateNames, strata: "segment"))
        let fit = try CoxProportionalHazards().fit(loaded.table)
        for (coefficient, truth) in zip(fit.coefficients, SyntheticHistory.trueCoefficients) {
            #expect(abs(coefficient.estimate - truth) <= 4 * coefficient.standardError, "\(coefficient.name)")
        }
        #expect(loaded.table.events.contains(true) && loaded.table.events.contains(false))
    }

    @Test func sameSeedSameHistoryAndDatesAreConsistent() throws {
        let asOf = try #require(CalendarDate(iso: "2026-10-31"))
        let a = SyntheticHistory(count: 50, seed: 3, asOf: asOf), b = SyntheticHistory(count: 50, seed: 3, asOf: asOf)
        #expect(a.csv == b.csv)
        for customer in a.customers {
            #expect(customer.start < asOf)
            if let end = customer.end { #expect(end > customer.start && end <= asOf) }
        }
    }
}
