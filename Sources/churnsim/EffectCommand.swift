import ArgumentParser
import ChurnModel
import Foundation

extension CausalEstimand: ExpressibleByArgument {}

/// `churnsim effect HISTORY.csv --treatment COL --confounders A,B,C`: does the treatment (a CSM)
/// lower churn, once the accounts that got it are compared with comparable ones that did not?
struct EffectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effect",
        abstract: "Estimate whether a treatment (e.g. a CSM) lowers churn, adjusting for confounders by propensity weighting.",
        discussion: """
            A logistic propensity model of the treatment on the confounders gives weights (ATE stabilised, ATT or \
            overlap/ATO) that balance the arms; balance is checked in cobalt's conventions and no effect is claimed \
            unless every term has |SMD| < 0.1 and a variance ratio within 0.5-2. The effect: a weighted Cox hazard \
            ratio (Efron ties, robust sandwich SE, clustered with --cluster) beside the naive one, weighted \
            Kaplan-Meier curves (Xie-Liu variance), retention and RMST differences, and E-values. Writes \
            effect.json, summary.md, report.html, report.xlsx and CSV tables.
            """)

    @Argument(help: "Customer history CSV (comma, semicolon or tab separated, with a header row).")
    var history: String

    @Option(help: "Treatment column: 1/0, true/false or yes/no (1 = treated, e.g. has a CSM).")
    var treatment: String

    @Option(help: "Confounder columns, comma-separated: what drives both who is treated and churn (text columns become indicators).")
    var confounders: String

    @OptionGroup var columns: HistoryColumnOptions

    @Option(help: ArgumentHelp(
        "Estimand: ate (all accounts), att (the treated accounts) or ato (overlap: accounts that could have gone either way). Default: ate, or ato when overlap is poor (10% of an arm with a propensity outside [0.05, 0.95]).",
        valueName: "ate|att|ato"))
    var estimand: CausalEstimand?

    @Option(help: ArgumentHelp("Winsorise the weights at their Q and 1 − Q quantiles (e.g. 0.01).", valueName: "Q"))
    var trim: Double?

    @Option(help: "Cluster column for the robust standard error (e.g. a parent company).")
    var cluster: String?

    @Option(help: ArgumentHelp("Times at which retention is compared, comma-separated.", valueName: "T1,T2,..."))
    var times: String = "3,6,12"

    @Option(help: "Horizon of the restricted mean survival time (RMST).")
    var horizon: Double = 12

    @Option(name: .customLong("time-unit"), help: "Unit of --duration (months, days, weeks or years), for the report and the value of retention. Dates give months.")
    var timeUnit: TimeUnit?

    @Option(help: "MRR column: puts a value on the extra months a covered account stays (RMST difference × mean MRR).")
    var mrr: String?

    @Option(name: .customLong("csm-cost"), help: "Loaded annual cost of one CSM, set against that value (with --accounts-per-csm).")
    var csmCost: Double?

    @Option(name: .customLong("accounts-per-csm"), help: "Accounts one CSM carries.")
    var accountsPerCSM: Double?

    @Option(help: "Report folder (default: Reports/effect-<file>-<treatment>).")
    var output: String?

    func validate() throws {
        try columns.validateTimeColumns()
        if HistoryColumnOptions.list(confounders).isEmpty { throw ValidationError("--confounders needs at least one column") }
        if parsedTimes == nil { throw ValidationError("--times takes positive numbers separated by commas, got '\(times)'") }
        if (csmCost == nil) != (accountsPerCSM == nil) { throw ValidationError("--csm-cost and --accounts-per-csm go together") }
        if csmCost != nil, mrr == nil { throw ValidationError("--csm-cost needs --mrr: the cost is set against the revenue kept") }
        if mrr != nil, columns.duration != nil, timeUnit == nil {
            throw ValidationError("--mrr values the extra time retained: give --time-unit for --duration (months, days, weeks or years)")
        }
        if let csmCost, !(csmCost >= 0 && csmCost.isFinite) { throw ValidationError("--csm-cost must be 0 or more") }
        if let accountsPerCSM, !(accountsPerCSM >= 1 && accountsPerCSM.isFinite) { throw ValidationError("--accounts-per-csm must be at least 1") }
    }

    private var parsedTimes: [Double]? { HistoryColumnOptions.positiveNumbers(times) }

    func run() throws {
        var specification = columns.specification(
            covariates: HistoryColumnOptions.list(confounders), strata: nil, weights: nil, cluster: cluster)
        specification.treatment = treatment
        specification.revenue = mrr
        let options = try CausalEffectOptions(estimand: estimand, trim: trim, times: parsedTimes ?? [], horizon: horizon)
        let run = EffectRun(
            historyFile: history, specification: specification, options: options, outputDirectory: output, timeUnit: timeUnit,
            csmCostAnnual: csmCost, accountsPerCSM: accountsPerCSM)
        let (_, verdict, warnings, directory) = try run.execute()
        for warning in warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        print(verdict.text)
        if let disagreement = verdict.naiveDisagreement { print(disagreement) }
        print("Report written to \(directory.path)/")
    }
}
