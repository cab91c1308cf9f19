import Foundation

/// The human-facing files every report writes, from one ``ReportModel``.
enum ReportFiles {
    /// `report.html`, `report.xlsx`, `summary.md` and one CSV per table, in that order.
    /// - Throws: a workbook (ZIP) error.
    static func rendered(_ model: ReportModel) throws -> [(name: String, contents: Data)] {
        var files: [(name: String, contents: Data)] = [
            (name: "report.html", contents: Data(HTMLRenderer.render(model).utf8)),
            (name: "report.xlsx", contents: try XLSXWriter.workbook(model.tables)),
            (name: "summary.md", contents: Data(MarkdownRenderer.render(model).utf8)),
        ]
        for table in model.tables {
            files.append((name: "\(table.name).csv", contents: Data(CSVRenderer.render(table).utf8)))
        }
        return files
    }
}
