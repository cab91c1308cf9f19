import Foundation

/// The assumptions tables of a run report: every scenario input as written (shares as
/// percentages from their shortest decimal, amounts unrounded), so a reader can check the
/// inputs against the scenario file cell by cell.
extension RunReport {
    /// The per-segment assumptions, then the portfolio-wide ones (downturn, CS team) if any.
    static func assumptionsTables(_ scenario: Scenario) -> [ReportTable] {
        [assumptionsTable(scenario)] + [portfolioAssumptionsTable(scenario)].compactMap { $0 }
    }

    /// One row per segment: customers, MRR, margin, CAC, term, churn, revenue dynamics, new logos.
    static func assumptionsTable(_ scenario: Scenario) -> ReportTable {
        let rows = scenario.segments.map { segment -> [ReportCell] in
            [.text(segment.name), .integer(segment.customers), .text(describe(segment.monthlyRecurringRevenue)),
             .text(NumberFormatting.exactPercent(segment.grossMargin)), .text(describe(segment.acquisitionCost)),
             .integer(segment.contractTermMonths),
             .text(segment.churn.fixedMonthlyRate.map(NumberFormatting.exactPercent) ?? describe(segment.churn)),
             .text(describe(segment.revenue)),
             .text(segment.newBusiness.map { describe($0.perMonth) + "/mo" } ?? "none")]
        }
        return ReportTable(
            name: "assumptions", title: "Assumptions",
            columns: ["segment", "customers", "mrr", "gross_margin", "cac", "contract_term_months", "churn",
                      "revenue_dynamics", "new_logos"],
            rows: rows, isAudit: true)
    }

    /// A distribution as written in the scenario, every number exact: amounts as numbers,
    /// shares (`asShares`) as percentages ("triangular(10%, 15%, 22%)").
    static func describe(_ distribution: ValueDistribution, asShares: Bool = false) -> String {
        let value = asShares ? NumberFormatting.exactPercent : NumberFormatting.exact
        return switch distribution {
        case .fixed(let number): value(number)
        case .lognormal(let median, let sigma): "lognormal(median \(value(median)), sigma \(NumberFormatting.exact(sigma)))"
        case .triangular(let minimum, let mode, let maximum): "triangular(\(value(minimum)), \(value(mode)), \(value(maximum)))"
        case .empirical(let values):
            "empirical(\(values.file) column \(values.column), \(values.sortedValues.count) values, mean \(NumberFormatting.grouped(values.mean)))"
        }
    }

    static func describe(_ churn: ChurnSpecification) -> String {
        switch churn {
        case .rate(let distribution, let period): "\(describe(distribution, asShares: true)) per \(period.rawValue) (drawn per path)"
        case .piecewise(let pieces):
            pieces.map { piece in
                NumberFormatting.exactPercent(piece.monthlyRate) + " a month" + (piece.untilMonth.map { " to month \($0)" } ?? " after")
            }.joined(separator: ", ")
        case .fitted(let model): "fitted model \(model.file)" + (model.stratum.map { " (stratum \($0))" } ?? "")
        case .shiftedBetaGeometric(let alpha, let beta):
            "sBG α \(NumberFormatting.exact(alpha)), β \(NumberFormatting.exact(beta)) per term"
        }
    }

    static func describe(_ revenue: RevenueDynamics) -> String {
        let parts = [
            ("expansion", revenue.expansionAnnual, "/yr", true), ("contraction", revenue.contractionAnnual, "/yr", true),
            ("uplift at renewal", revenue.priceUpliftAtRenewal, "", true), ("cost to serve", revenue.costToServeMonthly, "/mo", false),
        ].filter { $0.1 != .fixed(0) }.map { "\($0.0) \(describe($0.1, asShares: $0.3))\($0.2)" }
        return parts.isEmpty ? "none" : parts.joined(separator: "; ")
    }

    /// The `downturn` and `customer_success` inputs, one row per scenario key; nil when the
    /// scenario has neither.
    static func portfolioAssumptionsTable(_ scenario: Scenario) -> ReportTable? {
        var rows: [[ReportCell]] = []
        if let downturn = scenario.downturn {
            rows.append([.text("downturn.annual_probability"), .text(NumberFormatting.exactPercent(downturn.annualProbability))])
            rows.append([.text("downturn.hazard_multiplier"), .text(describe(downturn.hazardMultiplier))])
            rows.append([.text("downturn.correlation"), .text(describe(correlation: downturn.correlation))])
        }
        if let cs = scenario.customerSuccess {
            rows.append([.text("customer_success.csm_cost_annual"), .text(NumberFormatting.exact(cs.csmCostAnnual))])
            let coverage = zip(scenario.segments, cs.coverage).map { segment, coverage in
                "\(segment.name): " + (coverage.accountsPerCSM.map(NumberFormatting.exact) ?? "tech_touch")
            }
            rows.append([.text("customer_success.coverage"), .text(coverage.joined(separator: ", "))])
            rows.append([.text("customer_success.effect"), .text(describe(cs.effect))])
        }
        guard !rows.isEmpty else { return nil }
        return ReportTable(
            name: "assumptions_portfolio", title: "Portfolio assumptions", columns: ["input", "value"], rows: rows,
            isAudit: true)
    }

    /// One number when every pair of segments has the same correlation, else the matrix by rows.
    private static func describe(correlation: [[Double]]) -> String {
        let offDiagonal = correlation.indices.flatMap { i in correlation[i].indices.filter { $0 != i }.map { correlation[i][$0] } }
        if let first = offDiagonal.first, offDiagonal.allSatisfy({ $0 == first }) { return NumberFormatting.exact(first) }
        if offDiagonal.isEmpty { return "none (one segment)" }
        return "[" + correlation.map { $0.map(NumberFormatting.exact).joined(separator: ", ") }.joined(separator: "; ") + "]"
    }

    /// The CS effect as the scenario gives it: a hazard ratio at a reference load, or a fit's
    /// coefficient with its standard error.
    private static func describe(_ effect: CoverageEffect) -> String {
        let reference = "reference_accounts_per_csm " + NumberFormatting.exact(effect.referenceAccountsPerCSM)
        guard let estimate = effect.estimate else {
            return "hazard_ratio \(NumberFormatting.exact(effect.hazardRatio)), \(reference)"
        }
        if estimate.source == .effect {
            let estimand = estimate.estimand.map { ", \($0.rawValue.uppercased())" } ?? ""
            return "from_effect \(estimate.file), treatment \(estimate.covariate) (propensity-weighted\(estimand)): "
                + "β \(NumberFormatting.exact(estimate.coefficient)), SE \(NumberFormatting.exact(estimate.standardError)); " + reference
        }
        return "from_fit \(estimate.file), covariate \(estimate.covariate) (\(estimate.kind.rawValue), unadjusted): "
            + "β \(NumberFormatting.exact(estimate.coefficient)), SE \(NumberFormatting.exact(estimate.standardError)); "
            + (estimate.kind == .accountsPerCSM ? "hazard_ratio \(NumberFormatting.exact(effect.hazardRatio)), " : "")
            + reference
    }
}
