import Foundation
@testable import ChurnModel
import Testing

/// The reference values of `Benchmarks/reference/causal_reference.R` (R 4.2.2, survival 3.5.3:
/// `glm(binomial)`, `coxph(weights =, robust = TRUE, ties = "efron")`, `survfit(weights =)`, with
/// cobalt's balance conventions, Xie & Liu's variance and VanderWeele & Ding's E-value written
/// out), keyed by case, quantity and term.
struct CausalReference {
    private let values: [String: Double]

    init() throws {
        let csv = try FixtureCSV("causal_reference")
        let cases = try csv.strings("case")
        let quantities = try csv.strings("quantity")
        let terms = try csv.strings("term")
        let numbers = try csv.requiredDoubles("value")
        var values: [String: Double] = [:]
        for index in cases.indices { values["\(cases[index])|\(quantities[index])|\(terms[index])"] = numbers[index] }
        self.values = values
    }

    /// The value of `quantity` (and `term`) in `case`.
    func value(_ case: String, _ quantity: String, _ term: String = "") throws -> Double {
        try #require(values["\(`case`)|\(quantity)|\(term)"], "no reference \(`case`) \(quantity) \(term)")
    }

    /// Loads a fixture history the way `churnsim effect` does.
    static func history(
        _ name: String, duration: String, event: String, treatment: String, confounders: [String],
        references: [String: String] = [:], cluster: String? = nil
    ) throws -> LoadedHistory {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"))
        var specification = HistorySpecification(
            time: .duration(column: duration, event: event, entry: nil), covariates: confounders,
            cluster: cluster, referenceLevels: references)
        specification.treatment = treatment
        return try HistoryLoader.load(path: url.path, specification: specification)
    }
}

extension CausalReference {
    /// The synthetic CS history as an event table with its treatment flags (segment, health score
    /// and tickets as confounders).
    static func synthetic() throws -> (EventTable, [Bool]) {
        let loaded = try history(
            "cs_confounded_history", duration: "tenure_months", event: "churned", treatment: "csm",
            confounders: ["segment", "health_score", "tickets"])
        return (loaded.table, try #require(loaded.treatment))
    }

    /// The default analysis (estimand chosen by overlap) of the synthetic CS history.
    static func syntheticEffect() throws -> CausalEffect {
        let (table, treated) = try synthetic()
        return try CausalEffect(table: table, treated: treated, treatment: "csm", options: try CausalEffectOptions())
    }
}

/// Expects `actual` within `relative` of `expected`, relative to max(1, |expected|).
func expectRelative(
    _ actual: Double, _ expected: Double, _ relative: Double, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(abs(actual - expected) <= relative * max(1, abs(expected)), "\(what()): \(actual) vs R \(expected)",
            sourceLocation: sourceLocation)
}
