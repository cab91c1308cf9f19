import Foundation

/// The library entry point of `churnsim effect`: customer history → causal effect of a
/// treatment (a CSM) on churn → `effect.json`, tables and a report, written atomically.
public struct EffectRun: Sendable {
    /// Path of the history CSV.
    public var historyFile: String
    /// Columns and how to read them; its `covariates` are the confounders and its `treatment` the
    /// 0/1 treatment column.
    public var specification: HistorySpecification
    /// Estimand, truncation, times and horizon.
    public var options: CausalEffectOptions
    /// Output folder; defaults to `Reports/effect-<file stem>-<treatment>`.
    public var outputDirectory: String?
    /// Unit of a duration column; dates give months.
    public var timeUnit: TimeUnit?
    /// Loaded annual cost of one CSM, to set against the retained revenue (with `accountsPerCSM`).
    public var csmCostAnnual: Double?
    /// Accounts one CSM carries.
    public var accountsPerCSM: Double?

    /// Describes an analysis.
    public init(
        historyFile: String, specification: HistorySpecification, options: CausalEffectOptions, outputDirectory: String? = nil,
        timeUnit: TimeUnit? = nil, csmCostAnnual: Double? = nil, accountsPerCSM: Double? = nil
    ) {
        self.historyFile = historyFile
        self.specification = specification
        self.options = options
        self.outputDirectory = outputDirectory
        self.timeUnit = timeUnit
        self.csmCostAnnual = csmCostAnnual
        self.accountsPerCSM = accountsPerCSM
    }

    /// The unit of the durations: months for dates, else the one given (nil: unknown).
    private var unit: TimeUnit? {
        if case .dates = specification.time { return .months }
        return timeUnit
    }

    /// Loads the history, estimates the effect and writes the report.
    /// - Throws: ``CausalEffectError`` for contradictory settings (no treatment, a treatment that is
    ///   also a confounder, revenue without a time unit); ``DataError`` for bad input and, naming the
    ///   file, when the data give no answer (separation, one arm, no events). Nothing is written then.
    public func execute() throws -> (effect: CausalEffect, verdict: EffectVerdict, warnings: [String], directory: URL) {
        guard let treatment = specification.treatment else { throw CausalEffectError.noTreatment }
        guard !specification.covariates.contains(treatment) else { throw CausalEffectError.treatmentIsConfounder(column: treatment) }
        guard !specification.covariates.isEmpty else { throw CausalEffectError.noConfounders }
        if specification.revenue != nil, unit == nil { throw CausalEffectError.revenueWithoutTimeUnit }
        let history = try HistoryLoader.load(path: historyFile, specification: specification)
        guard let treated = history.treatment else { throw CausalEffectError.noTreatment }
        let effect: CausalEffect
        do {
            let references = history.covariates.reduce(into: [String: String]()) { references, covariate in
                if case .categorical(_, let reference) = covariate.kind { references[covariate.column] = reference }
            }
            effect = try CausalEffect(
                table: history.table, treated: treated, treatment: treatment, options: options,
                referenceLevels: references)
        } catch {
            throw DataError.invalidTable(file: historyFile, reason: error.description)
        }
        let verdict = EffectVerdict(effect)
        let warnings = history.warnings + effect.warnings
        let stem = URL(fileURLWithPath: historyFile).deletingPathExtension().lastPathComponent
        let directory = URL(
            fileURLWithPath: outputDirectory ?? "Reports/effect-\(ScenarioRun.slug(stem))-\(ScenarioRun.slug(treatment))")
        // No value is put on an effect the verdict does not claim.
        var money: EffectMoney?
        if let revenue = history.revenue, let unit, verdict.conclusion != .notBalanced {
            money = EffectMoney(
                effect: effect, revenue: revenue, monthsPerUnit: unit.months, csmCostAnnual: csmCostAnnual,
                accountsPerCSM: accountsPerCSM)
        }
        let summary = EffectSummary(
            effect: effect, treatment: treatment, verdict: verdict, warnings: warnings, timeUnit: unit, money: money)
        let model = EffectReport.model(
            effect: effect, summary: summary, historyFile: historyFile, confounders: specification.covariates,
            generatedAt: Date())
        let files = try ReportFiles.rendered(model, after: [{ [(name: "effect.json", contents: try ReportFiles.json(summary))] }])
        try ReportDirectory.write(files, to: directory)
        return (effect, verdict, warnings, directory)
    }
}
