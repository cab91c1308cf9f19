/// Renders a ``ReportModel`` as GitHub-flavoured Markdown.
public enum MarkdownRenderer {
    /// The report as Markdown text: title, warnings, key figures, tables, audit block.
    public static func render(_ report: ReportModel) -> String {
        var lines = ["# \(report.title)", ""]
        if !report.warnings.isEmpty {
            lines += ["## Warnings", ""] + report.warnings.map { "- \($0)" } + [""]
        }
        lines += report.keyFigures.map { "- \($0)" }
        let charts = report.charts.filter(\.hasData)
        if !charts.isEmpty {
            lines += ["", "## Charts (in report.html)", ""]
            lines += charts.map { "- \($0.title.replacingPipes())" }
        }
        for table in report.tables where table.showInSummary {
            lines += ["", "## \(table.title)", ""]
            lines.append("| " + table.columns.map(heading).joined(separator: " | ") + " |")
            lines.append("|" + table.columns.map { _ in " ---: |" }.joined())
            for row in table.rows {
                lines.append("| " + row.map(render).joined(separator: " | ") + " |")
            }
        }
        lines += ["", "## Audit", "", "| | |", "| --- | --- |"]
        lines += report.audit.map { "| \($0.label) | \($0.value) |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell for people: grouped digits, percentages, and the reason for a missing value.
    static func render(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let text): text.replacingPipes()
        case .integer(let value): NumberFormatting.grouped(Double(value))
        case .currency(let value): NumberFormatting.grouped(value)
        case .share(let value): NumberFormatting.percent(value)
        case .number(let value): NumberFormatting.grouped(value, decimals: 2)
        case .estimate(let value): NumberFormatting.significant(value, digits: 4)
        case .pValue(let value): value < 1e-4 ? "< 0.0001" : NumberFormatting.significant(value, digits: 2)
        case .missing(let reason): reason.replacingPipes()
        }
    }

    private static func heading(_ column: String) -> String {
        column.split(separator: "_").joined(separator: " ")
    }
}

extension String {
    /// The text with `|` escaped for Markdown tables.
    fileprivate func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
