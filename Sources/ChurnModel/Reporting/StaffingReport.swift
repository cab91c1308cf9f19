import Foundation

/// Builds the report of a staffing sweep (`churnsim staffing`): per segment, the net value
/// of each accounts-per-CSM ratio, how often it is best across paths, whether it fits the
/// team's cap, the best feasible one and the range within 1% of it.
public enum StaffingReport {
    /// The report model: key figures, one chart and one table per swept segment, audit.
    public static func model(
        sweep: StaffingSweep, scenario: Scenario, scenarioFile: String, paths: Int, warnings: [String] = []
    ) -> ReportModel {
        let c = NumberFormatting.compactCurrency
        let figures = sweep.segments.map { segment -> String in
            let range = segment.nearBestRange.map { range in
                range.lowerBound == range.upperBound
                    ? "; the ratio \(NumberFormatting.grouped(range.lowerBound)) is within 1% of it"
                    : "; ratios from \(NumberFormatting.grouped(range.lowerBound)) to "
                        + "\(NumberFormatting.grouped(range.upperBound)) are within 1% of it"
            } ?? ""
            let feasible = sweep.cap.isLimiting ? "feasible " : ""
            return "\(segment.name): the value-maximising \(feasible)coverage is \(segment.best.coverage.label) "
                + "(\(segment.best.headcount) CSMs, net value \(c(segment.best.netValue.mean)), "
                + "P10–P90 \(c(segment.best.netValue.p10))–\(c(segment.best.netValue.p90)); best on "
                + "\(NumberFormatting.percent(segment.best.shareOfPathsBest)) of paths)\(range)."
        }
        let cap = sweep.cap.isLimiting
            ? ["The whole CS team (the swept segment plus the others at their scenario coverage) is kept within "
                + "\(sweep.cap.label); coverages over it are marked infeasible."]
            : []
        let effect = scenario.customerSuccess.map { [RunReport.customerSuccessEffectNote(CoverageEffectRecord($0.effect))] } ?? []
        return ReportModel(
            title: "\(scenario.name): CSM staffing",
            keyFigures: figures + cap + effect + [
                "Net value is the segment's NPV (today's customers and new logos) less the NPV of its CS team cost; "
                    + "\"best on\" is the share of paths on which a coverage beats every other feasible one (same random numbers)."
            ],
            warnings: warnings,
            charts: sweep.segments.compactMap { chart($0, cap: sweep.cap) }, tables: sweep.segments.flatMap(tables),
            audit: [
                ("Scenario file", scenarioFile), ("Scenario SHA-256", ReportAudit.sha256(ofFile: scenarioFile)),
                ("Seed", String(scenario.seed)), ("Paths per ratio", String(paths)),
                ("churnsim version", ChurnSimVersion.current), ("Generated (UTC)", ReportAudit.timestamp(Date())),
            ])
    }

    /// `results.json` (the sweep), `report.html`, `report.xlsx`, `summary.md` and one CSV per table.
    /// - Throws: an encoding or workbook error.
    public static func files(sweep: StaffingSweep, model: ReportModel) throws -> [(name: String, contents: Data)] {
        try ReportFiles.rendered(model, after: [{ [(name: "results.json", contents: try ReportFiles.json(sweep))] }])
    }

    /// Per segment two tables, narrow enough for the page: net value by coverage (with how
    /// often each is best and which is chosen) and the team and retention behind it.
    private static func tables(_ segment: StaffingSweep.SegmentSweep) -> [ReportTable] {
        let slug = ScenarioRun.slug(segment.name)
        let value = segment.points.map { point -> [ReportCell] in
            [.text(point.coverage.label), .currency(point.netValue.mean), .currency(point.netValue.p10),
             .currency(point.netValue.p90),
             point.isFeasible ? .share(point.shareOfPathsBest) : .missing(reason: "infeasible"),
             .text(point == segment.best ? "best" : point.isFeasible ? "" : "over the cap")]
        }
        let team = segment.points.map { point -> [ReportCell] in
            [.text(point.coverage.label), .integer(point.headcount), .integer(point.teamHeadcount), .estimate(point.hazardRatio),
             .currency(point.costNetPresentValue), .share(point.survival12.mean),
             point.netRevenueRetention12.map { .share($0.mean) } ?? .missing(reason: "horizon under 12 months")]
        }
        return [
            ReportTable(
                name: "staffing_\(slug)", title: "\(segment.name): net value by accounts per CSM",
                columns: ["coverage", "net_value", "net_value_p10", "net_value_p90", "best_on_share_of_paths", "status"],
                rows: value),
            ReportTable(
                name: "staffing_\(slug)_team", title: "\(segment.name): team, churn and NRR by accounts per CSM",
                columns: ["coverage", "csms", "team_csms", "hazard_ratio", "team_cost_npv", "survival_12", "nrr_12"],
                rows: team),
        ]
    }

    private static func chart(_ segment: StaffingSweep.SegmentSweep, cap: StaffingCap) -> ReportChart? {
        let points = segment.points.compactMap { point -> ReportChartPoint? in
            guard case .accountsPerCSM(let accounts) = point.coverage else { return nil }
            return ReportChartPoint(x: accounts, y: point.netValue.mean, lower: point.netValue.p10, upper: point.netValue.p90)
        }
        guard !points.isEmpty else { return nil }
        return ReportChart(
            name: "staffing-\(ScenarioRun.slug(segment.name))",
            title: cap.isLimiting
                ? "\(segment.name): best coverage within \(cap.label) is \(segment.best.coverage.label)"
                : "\(segment.name): net value peaks at \(segment.best.coverage.label)",
            kind: .band, xAxis: ReportChartAxis(title: "Accounts per CSM", unit: .plain),
            yAxis: ReportChartAxis(title: "Net value", unit: .currency),
            series: [ReportChartSeries(name: "\(segment.name): mean, P10–P90 band", points: points, colorIndex: 0)],
            note: "Tech-touch (no named CSM) and whether each ratio fits the cap are in the table; every ratio uses the "
                + "same random numbers.")
    }
}
