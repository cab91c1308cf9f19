import ArgumentParser
import ChurnModel
import Foundation

extension TimeUnit: ExpressibleByArgument {}

/// `churnsim score CUSTOMERS.csv --model fit.yaml`: rank current accounts by churn risk.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Rank current accounts by the probability of not renewing at their next renewal and by expected ARR lost.",
        discussion: "Covariate columns are read by the names the model was fitted with; rows with values the model never saw are listed, the rest are scored.")

    @Argument(help: "Current customers CSV (one row per account).")
    var customers: String

    @Option(help: "Fitted model (fit.yaml or fit.json from `churnsim fit`).")
    var model: String

    @Option(help: "Tenure-so-far column, in months.")
    var tenure: String

    @Option(help: "MRR column.")
    var mrr: String

    @Option(help: "Account id column.")
    var id: String?

    @Option(help: "Stratum column, for a stratified fit.")
    var strata: String?

    @Option(name: .customLong("term-months"), help: "Contract term in months (renewals every term).")
    var termMonths: Int = 1

    @Option(name: .customLong("time-unit"), help: "Time unit the model was fitted in: months, days, weeks or years.")
    var timeUnit: TimeUnit = .months

    @Option(help: "Report folder (default: Reports/score-<file>).")
    var output: String?

    @OptionGroup var csv: CSVInputOptions

    func validate() throws {
        if termMonths < 1 { throw ValidationError("--term-months must be at least 1") }
    }

    func run() throws {
        let specification = ScoringSpecification(
            tenure: tenure, mrr: mrr, id: id, stratum: strata, termMonths: termMonths,
            monthsPerUnit: timeUnit.months, delimiter: csv.delimiter)
        let (scores, errors, directory) = try ScoreRun(
            customersFile: customers, fitFile: model, specification: specification, outputDirectory: output
        ).execute()
        for error in errors { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
        print("Scored \(scores.count) accounts (\(errors.count) row(s) not scored).")
        print("Report written to \(directory.path)/")
    }
}
