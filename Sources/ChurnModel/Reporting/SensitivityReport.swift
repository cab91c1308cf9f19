import Foundation

/// Builds the tornado report (`churnsim sensitivity`): which uncertain input moves the
/// portfolio NPV most between its P10 and its P90.
public enum SensitivityReport {
    /// The report model: the answer, a tornado chart and the table.
    public static func model(
        analysis: SensitivityAnalysis, scenario: Scenario, scenarioFile: String, paths: Int, warnings: [String] = []
    ) -> ReportModel {
        let c = NumberFormatting.compactCurrency
        var figures = ["With every uncertain input at its median, portfolio NPV is \(c(analysis.baseNetPresentValue))."]
        if let top = analysis.inputs.first {
            figures.insert(
                "The biggest driver of portfolio NPV is \(top.name): \(c(top.netPresentValueAtLow)) at its P10 "
                    + "(\(NumberFormatting.significant(top.low, digits: 3))) and \(c(top.netPresentValueAtHigh)) at its P90 "
                    + "(\(NumberFormatting.significant(top.high, digits: 3))).", at: 0)
        } else {
            figures.append("The scenario has no uncertain inputs (every per-path quantity is a fixed number).")
        }
        let rows = analysis.inputs.map { input -> [ReportCell] in
            [.text(input.name), .estimate(input.low), .estimate(input.high), .currency(input.netPresentValueAtLow),
             .currency(input.netPresentValueAtHigh), .currency(input.swing),
             input.paybackAtLow.map(ReportCell.integer) ?? .missing(reason: "beyond horizon"),
             input.paybackAtHigh.map(ReportCell.integer) ?? .missing(reason: "beyond horizon")]
        }
        let table = ReportTable(
            name: "tornado", title: "Portfolio NPV and median payback with each input at its P10 and P90",
            columns: ["input", "p10", "p90", "npv_at_p10", "npv_at_p90", "swing", "payback_p50_at_p10", "payback_p50_at_p90"],
            rows: rows)
        let points = analysis.inputs.map { input in
            ReportChartPoint(
                x: analysis.baseNetPresentValue, y: analysis.baseNetPresentValue,
                lower: min(input.netPresentValueAtLow, input.netPresentValueAtHigh),
                upper: max(input.netPresentValueAtLow, input.netPresentValueAtHigh), label: input.name)
        }
        let chart = ReportChart(
            name: "tornado", title: analysis.inputs.first.map { "\($0.name) moves portfolio NPV the most" } ?? "Tornado",
            kind: .forest, xAxis: ReportChartAxis(title: "Portfolio NPV", unit: .currency),
            yAxis: ReportChartAxis(title: "Input", unit: .plain),
            series: [ReportChartSeries(name: "NPV range from P10 to P90 of the input", points: points, colorIndex: 0)],
            note: "Dot: every input at its median. Whisker: this input at its P10 and P90, the others at their medians, same random numbers.")
        return ReportModel(
            title: "\(scenario.name): sensitivity of portfolio NPV", keyFigures: figures, warnings: warnings,
            charts: points.isEmpty ? [] : [chart], tables: [table],
            audit: [
                ("Scenario file", scenarioFile), ("Scenario SHA-256", ReportAudit.sha256(ofFile: scenarioFile)),
                ("Seed", String(scenario.seed)), ("Paths per run", String(paths)),
                ("churnsim version", ChurnSimVersion.current), ("Generated (UTC)", ReportAudit.timestamp(Date())),
            ])
    }
}
