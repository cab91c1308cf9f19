import Foundation

/// The charts of a fit: survival or cumulative-hazard steps with numbers at risk, the fitted
/// survival over the Kaplan–Meier estimate, the hazard, a forest plot of coefficients, and
/// observed versus projected sBG survival.
extension FitReport {
    /// Every chart that applies to `summary`, in reading order; renderers skip empty ones.
    static func charts(_ summary: FitSummary, _ evidence: FitEvidence) -> [ReportChart] {
        var charts: [ReportChart] = []
        if let table = summary.table, !table.isEmpty {
            charts.append(stepChart(table, medians: summary.median ?? [], axis: evidence.scale.axis))
        }
        if let check = fitCheckChart(summary, evidence) { charts.append(check) }
        if let hazard = hazardChart(summary, evidence) { charts.append(hazard) }
        if summary.model != "sbg", let forest = forest(summary) { charts.append(forest) }
        if let projection = summary.projection, !projection.isEmpty { charts.append(projectionChart(projection)) }
        return charts
    }

    /// One stratum's Kaplan–Meier (or Nelson–Aalen) steps with their band, starting at time 0.
    static func stepSeries(_ rows: [FitTableRow], name: String, colorIndex: Int, isSurvival: Bool) -> ReportChartSeries {
        let origin = isSurvival ? 1.0 : 0.0
        let points = rows.compactMap { row -> ReportChartPoint? in
            guard let y = isSurvival ? row.survival : row.cumulativeHazard else { return nil }
            return ReportChartPoint(x: row.time, y: y, lower: row.ciLower ?? y, upper: row.ciUpper ?? y)
        }
        let start = ReportChartPoint(x: 0, y: origin, lower: origin, upper: origin)
        return ReportChartSeries(name: name, points: (points.first?.x ?? 1) > 0 ? [start] + points : points, colorIndex: colorIndex)
    }

    /// Numbers at risk per stratum at about six round times, for the table under a step chart.
    static func atRiskTable(_ groups: [(name: String, rows: [FitTableRow])]) -> ReportTable {
        let ticks = ChartTicks.linear(0, groups.flatMap { $0.rows.map(\.time) }.max() ?? 1, target: 6)
        let rows = groups.map { group -> [ReportCell] in
            [.text(group.name)] + ticks.map { tick in
                .integer(Int((group.rows.first { $0.time >= tick }?.atRisk ?? 0).rounded()))
            }
        }
        return ReportTable(
            name: "at_risk", title: "Number at risk",
            columns: ["stratum"] + ticks.map { "t=" + ChartTickLabels.label($0, unit: .plain, step: ticks.count > 1 ? ticks[1] - ticks[0] : 1) },
            rows: rows)
    }

    private static func stepChart(_ rows: [FitTableRow], medians: [FitMedian], axis: ReportChartAxis) -> ReportChart {
        let isSurvival = rows.first?.survival != nil
        let groups = FitEvidence.strata(rows)
        let series = groups.enumerated().map { index, group in
            stepSeries(group.rows, name: group.name, colorIndex: index, isSurvival: isSurvival)
        }
        return ReportChart(
            name: isSurvival ? "kaplan-meier" : "nelson-aalen", title: stepTitle(medians, isSurvival: isSurvival),
            kind: .step, xAxis: axis,
            yAxis: isSurvival ? ReportChartAxis(title: "Customers still active", unit: .share)
                : ReportChartAxis(title: "Cumulative hazard", unit: .plain),
            series: series,
            note: isSurvival ? "Kaplan–Meier estimate with its pointwise confidence band; numbers at risk below."
                : "Nelson–Aalen estimate with its pointwise confidence band; numbers at risk below.",
            table: atRiskTable(groups.map { ($0.name, $0.rows) }))
    }

    private static func stepTitle(_ medians: [FitMedian], isSurvival: Bool) -> String {
        let described = medians.map { median -> String in
            let value = median.estimate.map { NumberFormatting.grouped($0, decimals: 1) } ?? "not reached"
            return median.stratum.map { "\(value) (\($0))" } ?? value
        }
        guard !described.isEmpty else {
            return isSurvival ? "Share of customers still active over time" : "Cumulative churn hazard over time"
        }
        return "Median time to churn is " + described.joined(separator: " vs ")
    }

    /// Hazard ratios (Cox, log axis) or covariate coefficients (parametric, without the
    /// intercept and scale, which are not effects); nil when there is no effect to show.
    private static func forest(_ summary: FitSummary) -> ReportChart? {
        let isCox = summary.coefficients.contains { $0.hazardRatio != nil }
        let coefficients = summary.coefficients.filter { isCox || ($0.name != "Log(scale)" && $0.name != "(Intercept)") }
        guard !coefficients.isEmpty else { return nil }
        let points = coefficients.map { c in
            isCox
                ? ReportChartPoint(x: c.hazardRatio ?? exp(c.estimate), y: 0, lower: exp(c.ciLower), upper: exp(c.ciUpper), label: c.name)
                : ReportChartPoint(x: c.estimate, y: 0, lower: c.ciLower, upper: c.ciUpper, label: c.name)
        }
        let strongest = coefficients.max { abs($0.estimate) < abs($1.estimate) }
        let s = { (value: Double) in NumberFormatting.significant(value, digits: 3) }
        let title: String
        if isCox, let c = strongest {
            title = "\(c.name) has the largest effect: it multiplies the churn hazard by \(s(exp(c.estimate))) "
                + "(95% CI \(s(exp(c.ciLower)))–\(s(exp(c.ciUpper))))"
        } else if let c = strongest {
            title = "\(c.name) has the largest coefficient: \(s(c.estimate)) (95% CI \(s(c.ciLower))–\(s(c.ciUpper)))"
        } else {
            title = "Coefficients"
        }
        return ReportChart(
            name: isCox ? "hazard-ratios" : "coefficients", title: title, kind: .forest,
            xAxis: isCox ? ReportChartAxis(title: "Hazard ratio", unit: .ratio, logarithmic: true)
                : ReportChartAxis(title: "Coefficient (log-time scale)", unit: .plain),
            yAxis: ReportChartAxis(title: "", unit: .plain),
            series: [ReportChartSeries(name: isCox ? "Hazard ratio" : "Coefficient", points: points, colorIndex: 0)],
            note: isCox ? "Squares: hazard ratios; lines: 95% confidence intervals. Right of 1 means faster churn."
                : "Squares: estimates; lines: confidence intervals. Positive coefficients lengthen customer lifetimes.",
            referenceX: isCox ? 1 : 0)
    }

    private static func projectionChart(_ rows: [FitProjectionRow]) -> ReportChart {
        let projected = [ReportChartPoint(x: 0, y: 1)] + rows.map { ReportChartPoint(x: Double($0.period), y: $0.survival) }
        let observed = [ReportChartPoint(x: 0, y: 1)]
            + rows.compactMap { row in row.observedSurvival.map { ReportChartPoint(x: Double(row.period), y: $0) } }
        var title = "Projected cohort survival"
        if let last = rows.last {
            title = "The sBG model projects \(NumberFormatting.percent(last.survival)) of the cohort still active after period \(last.period)"
            if let seen = rows.last(where: { $0.observedSurvival != nil }), let share = seen.observedSurvival {
                title += " (observed: \(NumberFormatting.percent(share)) after period \(seen.period))"
            }
        }
        return ReportChart(
            name: "sbg-projection", title: title, kind: .line,
            xAxis: ReportChartAxis(title: "Renewal period", unit: .plain),
            yAxis: ReportChartAxis(title: "Cohort still active", unit: .share),
            series: [
                ReportChartSeries(name: "Observed", points: observed.count > 1 ? observed : [], colorIndex: 1),
                ReportChartSeries(name: "Projected (sBG)", points: projected, colorIndex: 0, dashed: true),
            ],
            note: "Solid: observed share of the cohort; dashed: shifted-beta-geometric fit and projection.")
    }
}
