import Foundation

/// Builds the at-risk accounts report (`churnsim score`).
public enum ScoreReport {
    /// Key figures (expected ARR lost, concentration), the ranked accounts and row errors.
    public static func model(
        scores: [AccountScore], rowErrors: [DataError], customersFile: String, fitFile: String, model: String
    ) -> ReportModel {
        let c = NumberFormatting.compactCurrency
        let lost = scores.reduce(0) { $0 + $1.expectedARRLost12Months }
        let byLoss = scores.map(\.expectedARRLost12Months).sorted(by: >)
        let topDecile = byLoss.prefix(max(1, scores.count / 10)).reduce(0, +)
        var figures = [
            "Expected ARR lost over the next 12 months is \(c(lost)) across \(NumberFormatting.grouped(Double(scores.count))) scored accounts.",
        ]
        if lost > 0 {
            figures.append("The 10% of accounts with the largest expected loss carry \(NumberFormatting.percent(topDecile / lost)) of it.")
        }
        if let top = scores.first {
            figures.append("Most at risk: \(top.id), \(NumberFormatting.percent(top.probabilityNotRenewing)) likely not to renew in \(NumberFormatting.grouped(top.monthsToRenewal, decimals: 1)) months.")
        }
        if !rowErrors.isEmpty { figures.append("\(rowErrors.count) row(s) could not be scored; see the row errors table.") }
        let rows = scores.map { s -> [ReportCell] in
            [.text(s.id), .integer(s.row), .number(s.tenureMonths), .currency(s.mrr), .number(s.monthsToRenewal),
             .share(s.probabilityNotRenewing), .currency(s.expectedARRLost12Months)]
        }
        var tables = [ReportTable(
            name: "scores", title: "Accounts by probability of not renewing at the next renewal",
            columns: ["account", "row", "tenure_months", "mrr", "months_to_renewal", "probability_not_renewing",
                      "expected_arr_lost_12_months"],
            rows: rows, showInSummary: false)]
        tables.append(ReportTable(
            name: "top_accounts", title: "The 20 accounts most likely not to renew", columns: tables[0].columns,
            rows: Array(rows.prefix(20))))
        if !rowErrors.isEmpty {
            tables.append(ReportTable(
                name: "row_errors", title: "Rows that could not be scored", columns: ["error"],
                rows: rowErrors.map { [.text($0.description)] }))
        }
        return ReportModel(
            title: "Accounts at risk (\(model) model)", keyFigures: figures, tables: tables,
            audit: [
                ("Customers file", customersFile), ("Customers SHA-256", ReportAudit.sha256(ofFile: customersFile)),
                ("Model file", fitFile), ("Model SHA-256", ReportAudit.sha256(ofFile: fitFile)),
                ("churnsim version", ChurnSimVersion.current), ("Generated (UTC)", ReportAudit.timestamp(Date())),
            ])
    }
}
