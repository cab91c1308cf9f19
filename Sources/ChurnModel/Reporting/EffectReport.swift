import Foundation

/// Builds the report of `churnsim effect`: the verdict first, then the love plot, the weighted
/// retention curves and the overlap of propensities, then the tables behind them.
enum EffectReport {
    /// The report model of `effect`.
    static func model(
        effect: CausalEffect, summary: EffectSummary, historyFile: String, confounders: [String], generatedAt: Date
    ) -> ReportModel {
        ReportModel(
            title: "Does \(summary.treatment) lower churn? Propensity-weighted comparison (\(effect.estimand.rawValue.uppercased()))",
            keyFigures: keyFigures(effect, summary), warnings: summary.warnings,
            charts: [lovePlot(effect), retentionCurves(effect, unit: summary.timeUnit), overlapHistogram(effect)],
            tables: tables(effect, summary),
            audit: [
                ("History file", historyFile), ("History SHA-256", ReportAudit.sha256(ofFile: historyFile)),
                ("Treatment", summary.treatment), ("Confounders", confounders.joined(separator: ", ")),
                ("Estimand", effect.estimand.population),
                ("Weights", effect.weights.truncation.map {
                    "winsorised at \(NumberFormatting.significant($0.lower, digits: 4)) and \(NumberFormatting.significant($0.upper, digits: 4))"
                } ?? "not truncated"),
                ("Hazard ratio", "Cox, Efron ties, robust sandwich variance (clustered when a cluster column is given)"),
                ("churnsim version", ChurnSimVersion.current), ("Generated (UTC)", ReportAudit.timestamp(generatedAt)),
            ])
    }

    private static func keyFigures(_ effect: CausalEffect, _ summary: EffectSummary) -> [String] {
        let s = { (value: Double) in NumberFormatting.significant(value, digits: 3) }
        let hr = effect.hazardRatio, naive = effect.naiveHazardRatio
        var figures = [summary.verdict]
        figures.append(
            "Weighted hazard ratio \(s(hr.estimate)) (95% CI \(s(hr.ci95[0]))–\(s(hr.ci95[1]))); naive, unadjusted "
                + "\(s(naive.estimate)) (\(s(naive.ci95[0]))–\(s(naive.ci95[1]))).")
        let unit = summary.timeUnit ?? "time units"
        if let last = effect.retention.last {
            figures.append(
                "Retention at \(NumberFormatting.exact(last.time)) \(unit): \(NumberFormatting.percent(last.treated)) with a CSM vs "
                    + "\(NumberFormatting.percent(last.control)) without, a difference of \(points(last.difference)) "
                    + "(95% CI \(points(last.ci95[0])) to \(points(last.ci95[1]))).")
        }
        let rmst = effect.restrictedMean
        figures.append(
            "Within the first \(NumberFormatting.exact(rmst.time)) \(unit), an account with a CSM stays \(s(abs(rmst.difference))) \(unit) "
                + (rmst.difference >= 0 ? "longer" : "less long")
                + " on average (RMST difference; 95% CI \(s(rmst.ci95[0])) to \(s(rmst.ci95[1]))).")
        if let money = summary.money { figures.append(moneyFigure(money)) }
        figures.append(
            "An unmeasured confounder would need a risk ratio of \(s(effect.eValue.estimate)) with both CSM assignment and churn "
                + "to explain the estimate away, and \(s(effect.eValue.ci)) to move its interval to 1 (E-values"
                + (effect.eValue.commonOutcome ? ", churn being common" : "") + ").")
        figures.append(
            "\(effect.accounts) accounts (\(effect.treatedAccounts) treated, \(effect.events) churned); effective sample sizes "
                + "\(s(effect.weights.effectiveTreated)) treated and \(s(effect.weights.effectiveControl)) controls; "
                + "propensity c-statistic \(s(effect.cStatistic)).")
        return figures
    }

    private static func moneyFigure(_ money: EffectMoney) -> String {
        let c = NumberFormatting.compactCurrency
        var text = "That is \(c(money.retainedRevenuePerCoveredAccount)) of revenue kept per account given a CSM within "
            + "\(NumberFormatting.exact(money.horizonMonths)) months (95% CI \(c(money.retainedRevenueInterval[0])) to "
            + "\(c(money.retainedRevenueInterval[1]))), at a mean MRR of \(c(money.meanMonthlyRevenue)) for \(money.population)"
        if let cost = money.csmCostPerCoveredAccount, let net = money.netValuePerCoveredAccount, let interval = money.netValueInterval {
            text += "; against a CSM cost of \(c(cost)) per covered account, the net value is \(c(net)) (95% CI \(c(interval[0])) to "
                + "\(c(interval[1])))" + (interval[0] > 0 ? ": coverage pays for itself" : interval[1] < 0 ? ": coverage does not pay for itself" : "")
        }
        return text + ". (Revenue, not margin, and only within the horizon: a longer --horizon, or a scenario with "
            + "customer_success.effect.from_effect, values the whole lifetime.)"
    }

    /// A difference of shares in percentage points.
    private static func points(_ share: Double) -> String {
        NumberFormatting.grouped(share * 100, decimals: 1) + " pts"
    }

    private static func lovePlot(_ effect: CausalEffect) -> ReportChart {
        let points = effect.balance.map { balance in
            ReportChartPoint(
                x: balance.smdAfter, y: 0, lower: min(balance.smdBefore, balance.smdAfter),
                upper: max(balance.smdBefore, balance.smdAfter), label: balance.covariate)
        }
        let worst = effect.balance.map { abs($0.smdAfter) }.max() ?? 0
        return ReportChart(
            name: "balance", title: "After weighting the largest standardised difference is \(NumberFormatting.significant(worst, digits: 2))",
            kind: .forest, xAxis: ReportChartAxis(title: "Standardised mean difference (treated − control)", unit: .plain),
            yAxis: ReportChartAxis(title: "Confounder term", unit: .plain),
            series: [ReportChartSeries(name: "After weighting (line reaches the unweighted difference)", points: points, colorIndex: 0)],
            note: "Love plot. Square: the difference after weighting; line: from there to the difference before. "
                + "Balanced means |SMD| < 0.1 for every term (binary terms: difference in proportions).",
            referenceX: 0)
    }

    private static func retentionCurves(_ effect: CausalEffect, unit: String?) -> ReportChart {
        let series = [("With a CSM (weighted)", effect.treatedCurve, 1), ("Without a CSM (weighted)", effect.controlCurve, 2)]
            .map { name, curve, color in
                ReportChartSeries(
                    name: name, points: [ReportChartPoint(x: 0, y: 1)] + zip(curve.times, curve.survival).map { ReportChartPoint(x: $0, y: $1) },
                    colorIndex: color)
            }
        return ReportChart(
            name: "retention", title: "Weighted share of accounts still active, with and without a CSM",
            kind: .step,
            xAxis: ReportChartAxis(title: "Time since start", unit: unit == "months" ? .months : unit.map { .time($0) } ?? .plain),
            yAxis: ReportChartAxis(title: "Accounts still active", unit: .share), series: series,
            note: "Inverse-probability-weighted Kaplan–Meier curves: each arm reweighted to the \(effect.estimand.population).")
    }

    private static func overlapHistogram(_ effect: CausalEffect) -> ReportChart {
        let width = 0.05
        let series = [(true, "With a CSM", 1), (false, "Without a CSM", 2)].map { arm, name, color in
            let scores = effect.treated.indices.filter { effect.treated[$0] == arm }.map { effect.propensity.fitted[$0] }
            var counts = [Int](repeating: 0, count: 20)
            for score in scores { counts[min(Int((score * 20).rounded(.down)), 19)] += 1 }
            return ReportChartSeries(
                name: name,
                points: counts.enumerated().map { ReportChartPoint(x: Double($0.offset) * width, y: Double($0.element) / Double(scores.count)) },
                colorIndex: color)
        }
        return ReportChart(
            name: "overlap", title: "Propensity to have a CSM, by arm",
            kind: .histogram, xAxis: ReportChartAxis(title: "Propensity score", unit: .plain),
            yAxis: ReportChartAxis(title: "Accounts in the arm", unit: .share), series: series,
            note: "Where one arm has accounts and the other none, there is nothing to compare them with.", binWidth: width)
    }

    private static func tables(_ effect: CausalEffect, _ summary: EffectSummary) -> [ReportTable] {
        let optional = { (value: Double?) in value.map(ReportCell.estimate) ?? .missing(reason: "binary") }
        let balance = ReportTable(
            name: "balance", title: "Balance of the confounder terms before and after weighting",
            columns: ["covariate", "binary", "smd_before", "smd_after", "variance_ratio_after", "balanced"],
            rows: effect.balance.map {
                [.text($0.covariate), .text($0.isBinary ? "yes" : "no"), .estimate($0.smdBefore), .estimate($0.smdAfter),
                 optional($0.varianceRatioAfter), .text($0.isBalanced ? "yes" : "no")]
            })
        let ratio = { (name: String, hr: CausalEffect.HazardRatio) -> [ReportCell] in
            [.text(name), .estimate(hr.estimate), .estimate(hr.ci95[0]), .estimate(hr.ci95[1]), .estimate(hr.logEstimate), .estimate(hr.standardError)]
        }
        let hazardRatios = ReportTable(
            name: "hazard_ratios", title: "Hazard ratio of churn with a CSM",
            columns: ["estimate", "hazard_ratio", "ci_lower", "ci_upper", "log_hazard_ratio", "standard_error"],
            rows: [ratio("weighted (marginal)", effect.hazardRatio), ratio("naive (unadjusted)", effect.naiveHazardRatio)])
        let difference = { (name: String, d: CausalEffect.Difference, cell: (Double) -> ReportCell) -> [ReportCell] in
            [.text(name), .number(d.time), cell(d.treated), cell(d.control), cell(d.difference), .estimate(d.standardError), cell(d.ci95[0]), cell(d.ci95[1])]
        }
        let differences = ReportTable(
            name: "differences", title: "Retention and restricted mean survival, with and without a CSM",
            columns: ["measure", "time", "treated", "control", "difference", "standard_error", "ci_lower", "ci_upper"],
            rows: effect.retention.map { difference("retention", $0, ReportCell.share) }
                + [difference("restricted mean survival", effect.restrictedMean, ReportCell.estimate)])
        let propensity = ReportTable(
            name: "propensity_model", title: "Propensity model (logistic regression of having a CSM)",
            columns: ["term", "coefficient", "standard_error"],
            rows: summary.propensity.terms.map { [.text($0.name), .estimate($0.coefficient), .estimate($0.standardError)] })
        let overlap = ReportTable(
            name: "overlap", title: "Propensity overlap by arm (extreme: below 0.05 or above 0.95)",
            columns: ["arm", "min", "max", "share_extreme", "effective_sample_size"],
            rows: [
                [.text("treated"), .estimate(effect.overlapTreated.min), .estimate(effect.overlapTreated.max),
                 .share(effect.overlapTreated.shareOutside), .estimate(effect.weights.effectiveTreated)],
                [.text("control"), .estimate(effect.overlapControl.min), .estimate(effect.overlapControl.max),
                 .share(effect.overlapControl.shareOutside), .estimate(effect.weights.effectiveControl)],
            ])
        let curve = { (arm: String, c: WeightedSurvivalCurve) -> [[ReportCell]] in
            c.times.indices.map { j in
                [.text(arm), .number(c.times[j]), .estimate(c.atRisk[j]), .estimate(c.events[j]), .estimate(c.effectiveAtRisk[j]),
                 .estimate(c.survival[j]), .estimate(c.standardError(at: c.times[j]))]
            }
        }
        let curves = ReportTable(
            name: "weighted_curves", title: "Weighted Kaplan–Meier curves (Xie–Liu standard errors)",
            columns: ["arm", "time", "weighted_at_risk", "weighted_events", "effective_at_risk", "survival", "standard_error"],
            rows: curve("treated", effect.treatedCurve) + curve("control", effect.controlCurve), showInSummary: false)
        let money = summary.money.map { money in
            let cost = { (value: Double?) in value.map(ReportCell.currency) ?? .missing(reason: "no --csm-cost") }
            return ReportTable(
                name: "value", title: "Revenue kept per covered account, against CSM cost",
                columns: ["horizon_months", "extra_months_retained", "mean_mrr", "retained_revenue", "retained_revenue_ci_lower",
                          "retained_revenue_ci_upper", "csm_cost_per_account", "net_value", "net_value_ci_lower", "net_value_ci_upper"],
                rows: [[.number(money.horizonMonths), .estimate(money.extraMonthsRetained), .currency(money.meanMonthlyRevenue),
                        .currency(money.retainedRevenuePerCoveredAccount), .currency(money.retainedRevenueInterval[0]),
                        .currency(money.retainedRevenueInterval[1]), cost(money.csmCostPerCoveredAccount), cost(money.netValuePerCoveredAccount),
                        cost(money.netValueInterval?[0]), cost(money.netValueInterval?[1])]])
        }
        return [hazardRatios, differences] + (money.map { [$0] } ?? []) + [balance, overlap, propensity, curves]
    }
}
