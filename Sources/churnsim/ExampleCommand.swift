import ArgumentParser
import ChurnModel
import Foundation

/// `churnsim example`: write sample data to try `fit` on.
struct ExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Write a synthetic customer history with known churn drivers (history.csv, truth.yaml).")

    @Option(help: "Output folder.")
    var output = "Examples"

    @Option(help: "Number of customers.")
    var customers = 4000

    @Option(help: "Random seed.")
    var seed: UInt64 = 7

    @Option(name: .customLong("as-of"), help: "As-of date (YYYY-MM-DD) censoring active customers.")
    var asOf = "2026-10-31"

    func validate() throws {
        if customers < 1 { throw ValidationError("--customers must be at least 1") }
        if CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date as YYYY-MM-DD") }
    }

    func run() throws {
        let date = CalendarDate(iso: asOf) ?? CalendarDate(daysSinceEpoch: 0)
        let history = SyntheticHistory(count: customers, seed: seed, asOf: date)
        try ReportDirectory.write(
            [("history.csv", Data(history.csv.utf8)), ("truth.yaml", Data(history.truthYAML(seed: seed).utf8))],
            to: URL(fileURLWithPath: output))
        let churned = history.customers.filter { $0.end != nil }.count
        print("Wrote \(customers) customers (\(churned) churned by \(asOf)) to \(output)/history.csv")
        print("Try: churnsim fit \(output)/history.csv --model cox --duration tenure_months --event churned "
            + "--strata segment --covariates \(SyntheticHistory.covariateNames.joined(separator: ","))")
    }
}
