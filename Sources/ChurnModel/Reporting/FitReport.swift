import Foundation

/// Builds the report of a fit (`churnsim fit`) from its ``FitSummary``.
public enum FitReport {
    /// The report model: key figures, charts, coefficients, medians and the survival table.
    /// - Parameters:
    ///   - historyFile: path of the history, shown with its SHA-256 in the audit block.
    ///   - history: the rows a Cox or parametric model was fitted to; with them the report
    ///     draws the fitted survival over the Kaplan–Meier estimate and the hazard.
    ///   - timeUnit: the unit of the history's durations, for axis titles and hazard units
    ///     ("per month"); nil when unknown.
    ///   - confidenceLevel: level of the Kaplan–Meier and hazard bands the report computes.
    ///   - generatedAt: the time shown in the audit block (UTC).
    /// - Throws: an estimation error from the Kaplan–Meier estimate of `history`, or
    ///   ``FittedModelError`` when `history` does not match the fit.
    public static func model(
        summary: FitSummary, historyFile: String, history: EventTable? = nil, timeUnit: TimeUnit? = nil,
        confidenceLevel: Double = 0.95, generatedAt: Date = Date()
    ) throws -> ReportModel {
        try model(
            summary: summary, historyFile: historyFile, sampledHistory: history.map(SampledHistory.init),
            timeUnit: timeUnit, confidenceLevel: confidenceLevel, generatedAt: generatedAt)
    }

    /// ``model(summary:historyFile:history:timeUnit:confidenceLevel:generatedAt:)`` from the
    /// history's rows and sampled covariates, taken before the fit.
    static func model(
        summary: FitSummary, historyFile: String, sampledHistory: SampledHistory?, timeUnit: TimeUnit?,
        confidenceLevel: Double, generatedAt: Date = Date()
    ) throws -> ReportModel {
        let evidence = try FitEvidence(
            summary: summary, history: sampledHistory, file: historyFile, scale: FitTimeScale(unit: timeUnit),
            confidenceLevel: confidenceLevel)
        var figures = ["\(summary.n) customers, \(summary.events) churned (\(NumberFormatting.percent(Double(summary.events) / Double(max(summary.n, 1)))))."]
        for median in summary.median ?? [] {
            let scope = median.stratum.map { "\($0): " } ?? ""
            let estimate = median.estimate.map { NumberFormatting.grouped($0, decimals: 1) } ?? "not reached"
            let lower = median.ciLower.map { NumberFormatting.grouped($0, decimals: 1) } ?? "n/a"
            let upper = median.ciUpper.map { NumberFormatting.grouped($0, decimals: 1) } ?? "not reached"
            figures.append("\(scope)median survival time is \(estimate) (95% CI \(lower)–\(upper)).")
        }
        if let logLikelihood = summary.logLikelihood, let aic = summary.aic {
            figures.append("Log-likelihood \(NumberFormatting.significant(logLikelihood, digits: 6)), AIC \(NumberFormatting.significant(aic, digits: 6)).")
        }
        if let concordance = summary.concordance {
            figures.append("Concordance \(NumberFormatting.significant(concordance, digits: 4)): the share of comparable customer pairs the model ranks correctly.")
        }
        for test in summary.tests {
            figures.append("\(test.name.replacingOccurrences(of: "_", with: "-")) test: χ² = \(NumberFormatting.significant(test.statistic, digits: 4)) on \(test.degreesOfFreedom) df, p \(test.p < 1e-4 ? "< 0.0001" : "= " + NumberFormatting.significant(test.p, digits: 2)).")
        }
        var tables: [ReportTable] = []
        if !summary.coefficients.isEmpty { tables.append(coefficientTable(summary.coefficients)) }
        if let projection = summary.projection { tables.append(projectionTable(projection)) }
        if let tests = summary.proportionalHazards { tables.append(proportionalityTable(tests)) }
        if let baseline = summary.baseline { tables.append(baselineTable(baseline)) }
        if let medians = summary.median { tables.append(medianTable(medians)) }
        if let rows = summary.table { tables.append(survivalTable(rows)) }
        return ReportModel(
            title: "Fit of \(summary.model.replacingOccurrences(of: "_", with: "-")) to \(historyFile)",
            keyFigures: figures, warnings: summary.warnings, charts: charts(summary, evidence), tables: tables,
            audit: [
                ("History file", historyFile), ("History SHA-256", ReportAudit.sha256(ofFile: historyFile)),
                ("Model", summary.model), ("Rows used", String(summary.n)), ("churnsim version", ChurnSimVersion.current),
                ("Generated (UTC)", ReportAudit.timestamp(generatedAt)),
            ])
    }

    /// `fit.json`, `fit.yaml`, `summary.md` and one CSV per table.
    public static func files(summary: FitSummary, model: ReportModel) throws -> [(name: String, contents: Data)] {
        try ReportFiles.rendered(model, after: [{
            let json = try ReportFiles.json(summary)
            return [(name: "fit.json", contents: json), (name: "fit.yaml", contents: Data(try YAMLRendering.yaml(fromJSON: json).utf8))]
        }])
    }

    private static func coefficientTable(_ coefficients: [FitCoefficient]) -> ReportTable {
        let hasHazardRatio = coefficients.contains { $0.hazardRatio != nil }
        let columns = ["name", "estimate", "standard_error", "z", "p", "ci_lower", "ci_upper"] + (hasHazardRatio ? ["hazard_ratio"] : [])
        let rows = coefficients.map { c -> [ReportCell] in
            [.text(c.name), .estimate(c.estimate), .estimate(c.standardError), .estimate(c.z), .pValue(c.p),
             .estimate(c.ciLower), .estimate(c.ciUpper)] + (hasHazardRatio ? [c.hazardRatio.map(ReportCell.estimate) ?? .missing(reason: "")] : [])
        }
        return ReportTable(name: "coefficients", title: "Coefficients", columns: columns, rows: rows)
    }

    private static func projectionTable(_ rows: [FitProjectionRow]) -> ReportTable {
        let cells = rows.map { r -> [ReportCell] in
            [.integer(r.period), r.observedSurvival.map(ReportCell.share) ?? .missing(reason: "—"), .share(r.survival),
             .share(r.retention), .estimate(r.discountedExpectedResidualLifetime)]
        }
        return ReportTable(
            name: "projection", title: "Projected survival and renewal probability",
            columns: ["period", "observed_survival", "survival", "retention", "discounted_expected_residual_lifetime"], rows: cells)
    }

    private static func proportionalityTable(_ tests: [FitTest]) -> ReportTable {
        let cells = tests.map { [.text($0.name), .estimate($0.statistic), .integer($0.degreesOfFreedom), .pValue($0.p)] as [ReportCell] }
        return ReportTable(
            name: "proportional_hazards", title: "Proportional-hazards check (scaled Schoenfeld residuals, as R's cox.zph)",
            columns: ["term", "chi_square", "df", "p"], rows: cells)
    }

    private static func baselineTable(_ rows: [FitBaselineRow]) -> ReportTable {
        let cells = rows.map { [.text($0.stratum ?? "all"), .number($0.time), .estimate($0.cumulativeHazard)] as [ReportCell] }
        return ReportTable(
            name: "baseline", title: "Baseline cumulative hazard", columns: ["stratum", "time", "cumulative_hazard"],
            rows: cells, showInSummary: false)
    }

    private static func medianTable(_ medians: [FitMedian]) -> ReportTable {
        let rows = medians.map { m -> [ReportCell] in
            [.text(m.stratum ?? "all"), optional(m.estimate, "not reached"), optional(m.ciLower, "n/a"), optional(m.ciUpper, "not reached")]
        }
        return ReportTable(name: "median", title: "Median survival time", columns: ["stratum", "median", "ci_lower", "ci_upper"], rows: rows)
    }

    private static func survivalTable(_ rows: [FitTableRow]) -> ReportTable {
        let isSurvival = rows.first?.survival != nil
        let columns = ["stratum", "time", "at_risk", "events", "censored", isSurvival ? "survival" : "cumulative_hazard",
                       "standard_error", "ci_lower", "ci_upper"]
        let cells = rows.map { r -> [ReportCell] in
            [.text(r.stratum ?? "all"), .number(r.time), .number(r.atRisk), .number(r.events), .number(r.censored),
             optional(isSurvival ? r.survival : r.cumulativeHazard, ""), optional(r.standardError, ""),
             optional(r.ciLower, ""), optional(r.ciUpper, "")]
        }
        return ReportTable(name: "table", title: isSurvival ? "Survival table" : "Cumulative hazard table",
                           columns: columns, rows: cells, showInSummary: false)
    }

    private static func optional(_ value: Double?, _ reason: String) -> ReportCell {
        value.map(ReportCell.number) ?? .missing(reason: reason)
    }
}
