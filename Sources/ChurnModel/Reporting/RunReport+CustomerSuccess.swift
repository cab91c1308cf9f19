import RealModule

/// The Customer Success part of a run report: one key figure and one table.
extension RunReport {
    /// "Customer Success returns X per 1 spent (P10–P90: …); it pays for itself in Y% of paths."
    static func customerSuccessFigure(_ impact: CustomerSuccessImpact) -> String {
        let c = NumberFormatting.compactCurrency
        let net = impact.netValue
        let value = "Customer Success retains \(c(impact.retainedNetPresentValue.mean)) of NPV for a team costing "
            + "\(c(impact.costNetPresentValue)) (net \(c(net.mean)), P10–P90: \(c(net.p10))–\(c(net.p90)))"
        guard let roi = impact.returnOnCost else { return value + " at no CSM cost." }
        func ratio(_ x: Double) -> String { NumberFormatting.grouped(x, decimals: 2) }
        return value + "; it returns \(ratio(roi.mean)) per 1 spent (P10–P90: \(ratio(roi.p10))–\(ratio(roi.p90))) "
            + "and pays for itself in \(NumberFormatting.percent(impact.probabilityPaysForItself)) of paths."
    }

    /// Which CS effect the numbers rest on and where it came from: the scenario's hazard
    /// ratio, or a Cox coefficient with its CI and how its uncertainty was carried.
    static func customerSuccessEffectNote(_ effect: CoverageEffectRecord) -> String {
        func number(_ x: Double) -> String { NumberFormatting.grouped(x, decimals: 3) }
        let reference = "\(NumberFormatting.grouped(effect.referenceAccountsPerCsm)) accounts per CSM"
        guard let file = effect.fitFile, let covariate = effect.covariate, let beta = effect.coefficient,
            let se = effect.standardError, let low = effect.hazardRatioCiLower, let high = effect.hazardRatioCiUpper
        else { return "The CSM effect is given in the scenario: hazard ratio \(number(effect.hazardRatio)) at \(reference)." }
        let source = "Cox coefficient of \(covariate) in \(file): β = \(number(beta)), SE \(number(se))"
        let carried = effect.drawnPerPath
            ? "each path draws its own coefficient from Normal(β, SE²), so the ranges include this uncertainty"
            : "SE 0, so the effect is fixed"
        if effect.covariateKind == EstimatedCoverageEffect.Kind.accountsPerCSM.rawValue {
            return "The CSM effect's dependence on load is estimated from history: hazard ratio "
                + "\(number(Double.exp(beta))) per extra account on a CSM's book (CI \(number(low))–\(number(high)); "
                + "\(source)), anchored at the scenario's \(number(effect.hazardRatio)) at \(reference); \(carried)."
        }
        return "The CSM effect is estimated from history: hazard ratio \(number(effect.hazardRatio)) for an account "
            + "with a CSM (CI \(number(low))–\(number(high)); \(source)), taken to hold at \(reference); \(carried)."
    }

    /// Per-path CS value (with CS minus without, on common random numbers) and the team by segment.
    static func customerSuccessTables(_ impact: CustomerSuccessImpact) -> [ReportTable] {
        let measures: [(String, AmountSummary?, (Double) -> ReportCell)] = [
            ("retained_logos_at_horizon", impact.retainedLogos, ReportCell.number),
            ("retained_arr_at_horizon", impact.retainedArrAtHorizon, ReportCell.currency),
            ("retained_npv", impact.retainedNetPresentValue, ReportCell.currency),
            ("net_value", impact.netValue, ReportCell.currency),
            ("return_per_1_spent", impact.returnOnCost, ReportCell.number),
        ]
        let rows = measures.map { name, summary, cell -> [ReportCell] in
            guard let summary else { return [.text(name)] + Array(repeating: .missing(reason: "no cost"), count: 4) }
            return [.text(name), cell(summary.mean), cell(summary.p10), cell(summary.p50), cell(summary.p90)]
        }
        let value = ReportTable(
            name: "customer_success", title: "Customer Success value per path (with CS − without CS, same random numbers)",
            columns: ["measure", "mean", "p10", "p50", "p90"], rows: rows)
        let team = ReportTable(
            name: "customer_success_team", title: "Customer Success team by segment",
            columns: ["segment", "accounts_per_csm", "hazard_ratio", "csms", "cost_npv"],
            rows: impact.segments.map { segment in
                [.text(segment.name), segment.accountsPerCsm.map(ReportCell.number) ?? .text("tech-touch"),
                 .number(segment.hazardRatio), .integer(segment.headcount), .currency(segment.costNetPresentValue)]
            })
        return [value, team]
    }

    /// The CFO's waterfall: retained gross-profit NPV, minus the team's cost, gives the net
    /// value (mean bars, P10–P90 whiskers where the quantity is uncertain).
    static func customerSuccessWaterfall(_ impact: CustomerSuccessImpact) -> ReportChart {
        let retained = impact.retainedNetPresentValue, net = impact.netValue
        let points = [
            ReportChartPoint(x: 0, y: retained.mean, lower: retained.p10, upper: retained.p90, label: "Retained NPV"),
            ReportChartPoint(x: 1, y: -impact.costNetPresentValue, label: "CS team cost"),
            ReportChartPoint(x: 2, y: net.mean, lower: net.p10, upper: net.p90, label: "Net value"),
        ]
        let verdict = net.mean >= 0 ? "pays for itself" : "costs more than it retains"
        return ReportChart(
            name: "cs-waterfall",
            title: "Customer Success \(verdict): net value \(NumberFormatting.compactCurrency(net.mean)) "
                + "(pays for itself in \(NumberFormatting.percent(impact.probabilityPaysForItself)) of paths)",
            kind: .bar, xAxis: ReportChartAxis(title: "", unit: .plain), yAxis: ReportChartAxis(title: "NPV", unit: .currency),
            series: [ReportChartSeries(name: "Mean; whiskers P10–P90", points: points, colorIndex: 0)],
            note: "Retained NPV: gross profit kept by CS against the same paths without CS (common random numbers).")
    }
}
