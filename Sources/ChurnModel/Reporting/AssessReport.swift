import Foundation

/// Builds the report of `churnsim assess`: the verdict first, then Brier score and AUC over time
/// against the flat Kaplan–Meier forecast, then the tables.
enum AssessReport {
    /// The report model of `summary`.
    static func model(summary: AssessmentSummary, historyFile: String, generatedAt: Date) -> ReportModel {
        let s = { (value: Double) in NumberFormatting.significant(value, digits: 3) }
        var figures: [String] = []
        for assessment in summary.models {
            let m = assessment.metrics
            figures.append(assessment.verdict.prefix(1).uppercased() + assessment.verdict.dropFirst() + ".")
            figures.append(
                "On \(assessment.testRows) held-out rows (\(assessment.testEvents) churned): Harrell's C \(s(m.harrellC)), "
                    + "Uno's C \(s(m.unoC)), mean AUC \(s(m.meanAUC))"
                    + (m.ibs.map { ", integrated Brier score \(s($0))" } ?? "") + ".")
        }
        if summary.models.count > 1, let best = summary.models.min(by: { ($0.metrics.ibs ?? .infinity) < ($1.metrics.ibs ?? .infinity) }),
           best.metrics.ibs != nil {
            figures.insert("Lowest integrated Brier score on the held-out rows: \(best.model) (\(s(best.metrics.ibs ?? 0))).", at: 0)
        }
        let times = summary.times.map(NumberFormatting.exact).joined(separator: ", ")
        return ReportModel(
            title: "How well \(summary.models.map(\.model).joined(separator: ", ")) "
                + (summary.models.count > 1 ? "predict" : "predicts") + " churn it has not seen",
            keyFigures: figures, charts: charts(summary.models),
            tables: (summary.models.count > 1 ? [comparison(summary.models)] : []) + summary.models.flatMap(tables),
            audit: [
                ("History file", historyFile), ("History SHA-256", ReportAudit.sha256(ofFile: historyFile)),
                ("Split", "random, \(NumberFormatting.exactPercent(summary.split.testShare)) held out, seed \(summary.split.seed)"),
                ("Times", times),
            ] + summary.conventions.enumerated().map { ("Convention \($0.offset + 1)", $0.element) } + [
                ("churnsim version", ChurnSimVersion.current), ("Generated (UTC)", ReportAudit.timestamp(generatedAt)),
            ])
    }

    private static func charts(_ models: [ModelAssessment]) -> [ReportChart] {
        let series = { (name: String, points: [ModelAssessment.Point], color: Int, dashed: Bool) in
            ReportChartSeries(
                name: name, points: points.map { ReportChartPoint(x: $0.time, y: $0.value) }, colorIndex: color, dashed: dashed)
        }
        let names = models.map(\.model).joined(separator: ", ")
        let null = models.first.map { [series("Kaplan–Meier (null)", $0.metrics.brierNull, 0, true)] } ?? []
        return [
            ReportChart(
                name: "brier", title: "Brier score over time: \(names) against a flat Kaplan–Meier forecast",
                kind: .line, xAxis: ReportChartAxis(title: "Time", unit: .plain), yAxis: ReportChartAxis(title: "Brier score", unit: .plain),
                series: models.enumerated().map { series($1.model, $1.metrics.brier, $0 + 1, false) } + null,
                note: "Lower is better. IPCW Brier score of the held-out rows; below the dashed line a model beats the flat forecast."),
            ReportChart(
                name: "auc", title: "Cumulative/dynamic AUC(t) of \(names)",
                kind: .line, xAxis: ReportChartAxis(title: "Time", unit: .plain), yAxis: ReportChartAxis(title: "AUC", unit: .plain),
                series: models.enumerated().map { series($1.model, $1.metrics.auc, $0 + 1, false) },
                note: "Share of (churned by t, still active after t) pairs a model ranks right; 0.5 is chance."),
        ]
    }

    private static func comparison(_ models: [ModelAssessment]) -> ReportTable {
        ReportTable(
            name: "comparison", title: "Models compared on the same held-out rows",
            columns: ["model", "harrell_c", "uno_c", "mean_auc", "ibs", "train_aic", "train_bic", "akaike_weight"],
            rows: models.map { m in
                let criteria = m.informationCriteria
                let notParametric = ReportCell.missing(reason: "not parametric")
                return [.text(m.model), .estimate(m.metrics.harrellC), .estimate(m.metrics.unoC), .estimate(m.metrics.meanAUC),
                        m.metrics.ibs.map(ReportCell.estimate) ?? .missing(reason: "one time"),
                        criteria.map { .estimate($0.aic) } ?? notParametric, criteria.map { .estimate($0.bic) } ?? notParametric,
                        criteria.map { .estimate($0.akaikeWeight) } ?? notParametric]
            })
    }

    private static func tables(_ assessment: ModelAssessment) -> [ReportTable] {
        let m = assessment.metrics
        let rows = m.brier.indices.map { k -> [ReportCell] in
            [.number(m.brier[k].time), .estimate(m.auc[k].value), .estimate(m.brier[k].value), .estimate(m.brierNull[k].value),
             .estimate(m.ipa[k].value)]
        }
        return [
            ReportTable(
                name: "metrics_\(assessment.model)", title: "\(assessment.model): held-out metrics by time",
                columns: ["time", "auc", "brier", "brier_kaplan_meier", "ipa"], rows: rows),
            ReportTable(
                name: "summary_\(assessment.model)", title: "\(assessment.model): held-out summary",
                columns: ["measure", "value"],
                rows: [
                    [.text("harrell_c"), .estimate(m.harrellC)], [.text("uno_c"), .estimate(m.unoC)],
                    [.text("mean_auc"), .estimate(m.meanAUC)],
                    [.text("ibs"), m.ibs.map(ReportCell.estimate) ?? .missing(reason: "one time")],
                    [.text("train_rows"), .integer(assessment.trainRows)], [.text("test_rows"), .integer(assessment.testRows)],
                    [.text("test_events"), .integer(assessment.testEvents)],
                ]),
        ]
    }
}
