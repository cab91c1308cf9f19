import Foundation

/// Builds the report of a portfolio run (`churnsim run`) from its ``RunSummary``.
public enum RunReport {
    /// The report model: key figures, charts, per-scope table, ARR by month, assumptions, audit.
    /// - Parameters:
    ///   - scenarioFile: path of the scenario, shown with its SHA-256 in the audit block.
    ///   - warnings: the run's warnings (implausible inputs, too few paths), shown first.
    ///   - generatedAt: the time shown in the audit block (UTC).
    public static func model(
        summary: RunSummary, scenario: Scenario, scenarioFile: String, warnings: [String] = [], generatedAt: Date = Date()
    ) -> ReportModel {
        let scopes = summary.segments + [summary.portfolio]
        return ReportModel(
            title: "\(scenario.name): portfolio outlook over \(scenario.horizonMonths) months",
            keyFigures: (summary.customerSuccess.map { [customerSuccessFigure($0), customerSuccessEffectNote($0.effect)] } ?? [])
                + keyFigures(summary),
            warnings: warnings,
            charts: charts(summary),
            tables: [
                scopeTable(scopes), unitEconomicsTable(scopes), retentionTable(scopes), renewalTable(summary.segments, scenario),
                arrTable(scopes, showInSummary: false),
                arrYearlyTable(summary.portfolio),
            ] + (summary.customerSuccess.map(customerSuccessTables) ?? []) + assumptionsTables(scenario),
            audit: [
                ("Scenario file", scenarioFile), ("Scenario SHA-256", ReportAudit.sha256(ofFile: scenarioFile)),
                ("Seed", String(summary.run.seed)),
                ("Paths", String(summary.run.paths)), ("Horizon", "\(summary.run.horizonMonths) months"),
                ("Discount rate", NumberFormatting.exactPercent(summary.run.discountRateAnnual) + " a year"),
                ("churnsim version", summary.run.churnsimVersion),
                ("Generated (UTC)", ReportAudit.timestamp(generatedAt)),
            ])
    }

    /// The report's files: `results.json`, `report.html`, `report.xlsx`, `summary.md` and one CSV per table.
    /// - Throws: an encoding or workbook error.
    public static func files(summary: RunSummary, model: ReportModel) throws -> [(name: String, contents: Data)] {
        try ReportFiles.rendered(model, after: [{ [(name: "results.json", contents: try ReportFiles.json(summary))] }])
    }

    private static func keyFigures(_ summary: RunSummary) -> [String] {
        let portfolio = summary.portfolio
        let npv = portfolio.netPresentValue
        let horizon = summary.run.horizonMonths
        let payback = portfolio.cacPaybackMonth
        func month(_ value: Int?) -> String { value.map { "\($0)" } ?? "beyond \(horizon)" }
        var figures = [
            "Median CAC payback is \(month(payback.p50)) months (P10–P90: \(month(payback.p10))–\(month(payback.p90))); "
                + "\(NumberFormatting.percent(payback.shareNeverPaidBack)) of customers do not pay back within \(horizon) months.",
            "Portfolio NPV of gross profit less CAC over \(horizon) months is \(NumberFormatting.compactCurrency(npv.mean)) "
                + "(P5–P95: \(NumberFormatting.compactCurrency(npv.p5))–\(NumberFormatting.compactCurrency(npv.p95))).",
        ]
        let c = NumberFormatting.compactCurrency
        if let arr = portfolio.annualRecurringRevenueByMonth.last, let start = portfolio.annualRecurringRevenueByMonth.first {
            let newLogos = portfolio.unitEconomics.newCustomers.mean
            figures.append(
                "ARR goes from \(c(start.value.p50)) today to \(c(arr.value.p50)) at month \(horizon) "
                    + "(P5–P95: \(c(arr.value.p5))–\(c(arr.value.p95)))"
                    + (newLogos > 0 ? ", with \(NumberFormatting.grouped(newLogos)) new logos on average." : ", without new business."))
        }
        if let atRisk = portfolio.unitEconomics.arrAtRisk12Months {
            figures.append("ARR at risk over the next 12 months (expected ARR at month 12 less its 5th percentile): \(c(atRisk)).")
        }
        if let nrr = portfolio.retention.netRevenueRetention.first, let grr = portfolio.retention.grossRevenueRetention.first {
            figures.append(
                "First-year NRR \(NumberFormatting.percent(nrr.value.mean)) and GRR \(NumberFormatting.percent(grr.value.mean)) "
                    + "for today's customers (P5–P95 NRR: \(NumberFormatting.percent(nrr.value.p5))–\(NumberFormatting.percent(nrr.value.p95))).")
        }
        if let ratio = portfolio.unitEconomics.lifetimeValueToAcquisitionCost {
            figures.append(
                "LTV:CAC is \(NumberFormatting.grouped(ratio, decimals: 1)) over the \(horizon)-month horizon "
                    + (ratio >= 3 ? "(above the usual health bar of 3)." : "(below the usual health bar of 3)."))
        }
        for segment in summary.segments {
            figures.append(
                "\(segment.name): median payback \(month(segment.cacPaybackMonth.p50)) months, "
                    + "mean profit per customer \(NumberFormatting.compactCurrency(segment.profitPerCustomer.mean)), "
                    + "\(NumberFormatting.percent(segment.survival.first?.probability.mean ?? 0)) still active after 12 months.")
        }
        return figures
    }

    private static func scopeTable(_ scopes: [ScopeSummary]) -> ReportTable {
        let columns = [
            "scope", "customers", "survival_12", "survival_24", "survival_36", "expected_lifetime_months",
            "expected_lifetime_se", "payback_p10", "payback_p50", "payback_p90", "share_never_paid_back",
            "profit_mean", "profit_se", "profit_p10", "profit_p50", "profit_p90", "npv_mean", "npv_se", "npv_p5",
            "npv_p95",
        ]
        let rows = scopes.map { scope -> [ReportCell] in
            let survival = scope.survival.map { ReportCell.share($0.probability.mean) }
            let lifetime = scope.expectedLifetimeMonths
            let payback = scope.cacPaybackMonth
            let profit = scope.profitPerCustomer
            let npv = scope.netPresentValue
            return [.text(scope.name), .integer(scope.customers)] + survival + [
                lifetime.map { .number($0.mean) } ?? .missing(reason: "infinite"),
                optionalNumber(lifetime?.standardError), month(payback.p10), month(payback.p50), month(payback.p90),
                .share(payback.shareNeverPaidBack), .currency(profit.mean), optionalNumber(profit.standardError),
                .currency(profit.p10), .currency(profit.p50), .currency(profit.p90), .currency(npv.mean),
                optionalNumber(npv.standardError), .currency(npv.p5), .currency(npv.p95),
            ]
        }
        return ReportTable(name: "segments", title: "Segments and portfolio", columns: columns, rows: rows)
    }

    private static func arrTable(_ scopes: [ScopeSummary], showInSummary: Bool) -> ReportTable {
        let rows = scopes.flatMap { scope in
            scope.annualRecurringRevenueByMonth.map { point -> [ReportCell] in
                [.text(scope.name), .integer(point.month), .currency(point.value.mean),
                 .currency(point.value.p5), .currency(point.value.p50), .currency(point.value.p95)]
            }
        }
        return ReportTable(
            name: "arr_by_month", title: "ARR by month", columns: ["scope", "month", "mean", "p5", "p50", "p95"],
            rows: rows, showInSummary: showInSummary)
    }

    private static func unitEconomicsTable(_ scopes: [ScopeSummary]) -> ReportTable {
        let rows = scopes.map { scope -> [ReportCell] in
            let unit = scope.unitEconomics
            return [.text(scope.name), unit.lifetimeValue.map { .currency($0.mean) } ?? .missing(reason: "n/a"),
                    unit.acquisitionCost.map(ReportCell.currency) ?? .missing(reason: "n/a"),
                    unit.lifetimeValueToAcquisitionCost.map(ReportCell.number) ?? .missing(reason: "n/a"),
                    unit.arrAtRisk12Months.map(ReportCell.currency) ?? .missing(reason: "n/a"),
                    .number(unit.newCustomers.mean), .currency(unit.newBusinessValue.mean)]
        }
        return ReportTable(
            name: "unit_economics", title: "Unit economics (LTV over the horizon) and new business",
            columns: ["scope", "ltv", "cac", "ltv_to_cac", "arr_at_risk_12_months", "new_logos", "new_logo_npv"], rows: rows)
    }

    private static func retentionTable(_ scopes: [ScopeSummary]) -> ReportTable {
        let rows = scopes.flatMap { scope in
            zip(scope.retention.netRevenueRetention, scope.retention.grossRevenueRetention).map { nrr, grr -> [ReportCell] in
                [.text(scope.name), .integer(nrr.year), .share(nrr.value.mean), .share(nrr.value.p5), .share(nrr.value.p95),
                 .share(grr.value.mean), .share(grr.value.p5), .share(grr.value.p95)]
            }
        }
        return ReportTable(
            name: "revenue_retention", title: "Net and gross revenue retention of today's customers, by year",
            columns: ["scope", "year", "nrr", "nrr_p5", "nrr_p95", "grr", "grr_p5", "grr_p95"], rows: rows)
    }

    private static func renewalTable(_ segments: [ScopeSummary], _ scenario: Scenario) -> ReportTable {
        let rows = zip(segments, scenario.segments).filter { $0.1.contractTermMonths > 1 }.flatMap { scope, _ in
            scope.retention.renewalProbability.map { point -> [ReportCell] in
                [.text(scope.name), .integer(point.renewal), .integer(point.month), .share(point.value.mean),
                 .share(point.value.p5), .share(point.value.p95)]
            }
        }
        return ReportTable(
            name: "renewal_probability", title: "Renewal probability at each renewal (contract segments)",
            columns: ["segment", "renewal", "month", "probability", "p5", "p95"], rows: rows)
    }

    private static func arrYearlyTable(_ portfolio: ScopeSummary) -> ReportTable {
        let yearly = arrTable([portfolio], showInSummary: true).rows.enumerated()
            .filter { $0.offset % 12 == 0 }.map(\.element)
        return ReportTable(
            name: "arr_by_year", title: "Portfolio ARR at each year end",
            columns: ["scope", "month", "mean", "p5", "p50", "p95"], rows: yearly)
    }

    private static func month(_ value: Int?) -> ReportCell {
        value.map(ReportCell.integer) ?? .missing(reason: "beyond horizon")
    }

    private static func optionalNumber(_ value: Double?) -> ReportCell {
        value.map(ReportCell.number) ?? .missing(reason: "n/a")
    }
}
