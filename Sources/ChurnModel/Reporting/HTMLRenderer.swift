/// Renders a ``ReportModel`` as one self-contained HTML file (`report.html`): inline CSS and
/// inline SVG charts, no JavaScript and no network, readable on screen and printed on A4 or
/// Letter.
///
/// Reading order: title, warnings, key figures, charts (each titled by its finding, with legend and
/// note), tables, then the audit block. Every piece of text is escaped.
public enum HTMLRenderer {
    /// Tables wider than this many columns (and short enough) are shown transposed, one
    /// column per row of data, so they fit the page.
    static let widestTable = 8

    /// The report as an HTML document.
    public static func render(_ report: ReportModel) -> String {
        var html = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"generator\" content=\"churnsim\">",
            "<title>\(HTMLEscaping.escape(report.title))</title>", "<style>", HTMLStyle.css, "</style>", "</head>",
            "<body>", "<main>", "<h1>\(HTMLEscaping.escape(report.title))</h1>",
        ]
        html += warnings(report.warnings)
        html += keyFigures(report.keyFigures)
        let charts = report.charts.compactMap { chart in SVGChartRenderer.render(chart).map { (chart, $0) } }
        if !charts.isEmpty {
            html.append("<section id=\"charts\" class=\"charts\">")
            html.append("<h2>Charts</h2>")
            for (chart, svg) in charts { html += figure(chart, svg: svg) }
            html.append("</section>")
        }
        let results = report.tables.filter { !$0.isAudit }
        if !results.isEmpty {
            html.append("<section id=\"tables\" class=\"tables\">")
            html.append("<h2>Tables</h2>")
            for table in results { html += tableBlock(table) }
            html.append("</section>")
        }
        html += audit(report)
        html += ["</main>", "</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    private static func warnings(_ warnings: [String]) -> [String] {
        guard !warnings.isEmpty else { return [] }
        return ["<section id=\"warnings\" class=\"warnings\">", "<h2>Warnings</h2>", "<ul>"]
            + warnings.map { "<li>\(HTMLEscaping.escape($0))</li>" } + ["</ul>", "</section>"]
    }

    private static func keyFigures(_ figures: [String]) -> [String] {
        guard !figures.isEmpty else { return [] }
        var html = ["<section id=\"key-figures\" class=\"key-figures\">", "<h2>Key figures</h2>", "<ul>"]
        for (index, figure) in figures.enumerated() {
            html.append("<li\(index == 0 ? " class=\"lead\"" : "")>\(HTMLEscaping.escape(figure))</li>")
        }
        html += ["</ul>", "</section>"]
        return html
    }

    private static func figure(_ chart: ReportChart, svg: String) -> [String] {
        var html = [
            "<figure class=\"chart-block\" id=\"chart-\(HTMLEscaping.escape(chart.name))\">",
            "<figcaption>\(HTMLEscaping.escape(chart.title))</figcaption>", svg,
        ]
        let legend = SVGChartRenderer.legend(chart)
        if !legend.isEmpty { html.append(legend) }
        if let note = chart.note { html.append("<p class=\"note\">\(HTMLEscaping.escape(note))</p>") }
        if let table = chart.table { html.append(tableHTML(table, caption: table.title)) }
        html.append("</figure>")
        return html
    }

    private static func tableBlock(_ table: ReportTable) -> [String] {
        guard table.showInSummary else {
            return [
                "<p class=\"elsewhere\"><strong>\(HTMLEscaping.escape(table.title))</strong>: \(table.rows.count) rows, "
                    + "in the workbook (sheet <code>\(HTMLEscaping.escape(XLSXWriter.sheetName(table.name)))</code>) "
                    + "and in <code>\(HTMLEscaping.escape(table.name)).csv</code>.</p>"
            ]
        }
        return ["<div class=\"table-block\" id=\"table-\(HTMLEscaping.escape(table.name))\">", tableHTML(table, caption: table.title), "</div>"]
    }

    /// A table as HTML; a wide table with few rows is transposed to fit the page.
    static func tableHTML(_ table: ReportTable, caption: String?) -> String {
        let transposed = table.columns.count > widestTable && table.rows.count <= widestTable
        var html = ["<table\(transposed ? " class=\"transposed\"" : "")>"]
        if let caption { html.append("<caption>\(HTMLEscaping.escape(caption))</caption>") }
        if transposed {
            let header = table.rows.map { $0.first.map(cellText) ?? "" }
            html.append("<thead><tr><th></th>" + header.map { "<th>\(HTMLEscaping.escape($0))</th>" }.joined() + "</tr></thead><tbody>")
            for (column, name) in table.columns.enumerated().dropFirst() {
                let cells = table.rows.map { cell($0[column]) }.joined()
                html.append("<tr><th scope=\"row\">\(HTMLEscaping.escape(heading(name)))</th>\(cells)</tr>")
            }
        } else {
            html.append("<thead><tr>" + table.columns.map { "<th>\(HTMLEscaping.escape(heading($0)))</th>" }.joined() + "</tr></thead><tbody>")
            for row in table.rows { html.append("<tr>" + row.map(cell).joined() + "</tr>") }
        }
        html.append("</tbody></table>")
        return html.joined(separator: "\n")
    }

    private static func audit(_ report: ReportModel) -> [String] {
        var html = ["<section id=\"audit\" class=\"audit\">", "<h2>Audit</h2>", "<table class=\"audit-facts\"><tbody>"]
        for fact in report.audit {
            html.append("<tr><th scope=\"row\">\(HTMLEscaping.escape(fact.label))</th><td class=\"text\">\(HTMLEscaping.escape(fact.value))</td></tr>")
        }
        html.append("</tbody></table>")
        for table in report.tables where table.isAudit {
            html += ["<div class=\"table-block\" id=\"table-\(HTMLEscaping.escape(table.name))\">", tableHTML(table, caption: table.title), "</div>"]
        }
        html.append("</section>")
        return html
    }

    private static func cell(_ value: ReportCell) -> String {
        let kind: String
        switch value {
        case .text: kind = "text"
        case .missing: kind = "missing"
        default: kind = "num"
        }
        return "<td class=\"\(kind)\">\(HTMLEscaping.escape(cellText(value)))</td>"
    }

    private static func cellText(_ value: ReportCell) -> String {
        if case .text(let text) = value { return text }
        return MarkdownRenderer.render(value)
    }

    private static func heading(_ column: String) -> String {
        let words = column.split(separator: "_").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
