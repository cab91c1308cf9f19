/// One worksheet of the report workbook and the shared style sheet.
///
/// Cells are typed: counts, amounts, shares and estimates are numeric cells (`<c><v>…</v></c>`)
/// with a display format, text is an inline string (`t="inlineStr"`), a missing value with a
/// reason is that reason as text, and a missing value without one is left out.
enum XLSXSheet {
    /// Style indices into `cellXfs` of ``styles``.
    enum Style: Int {
        case plain = 0, header = 1, count = 2, currency = 3, share = 4, missing = 5
    }

    /// The worksheet XML of `table`: a bold header row, then one row per table row.
    static func xml(_ table: ReportTable) -> String {
        var rows = ["<row r=\"1\">" + table.columns.enumerated().map { column, name in
            inlineString(name, reference: reference(column: column, row: 1), style: .header)
        }.joined() + "</row>"]
        for (index, row) in table.rows.enumerated() {
            let number = index + 2
            let cells = row.enumerated().map { column, value in cell(value, reference: reference(column: column, row: number)) }
            rows.append("<row r=\"\(number)\">" + cells.joined() + "</row>")
        }
        let widths = table.columns.enumerated().map { column, name in
            "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(Swift.max(10, name.count + 3))\" customWidth=\"1\"/>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + "<cols>" + widths.joined() + "</cols>"
            + "<sheetData>" + rows.joined() + "</sheetData></worksheet>"
    }

    /// The cell XML for one value.
    static func cell(_ value: ReportCell, reference: String) -> String {
        switch value {
        case .text(let text): inlineString(text, reference: reference, style: .plain)
        case .integer(let number): "<c r=\"\(reference)\" s=\"\(Style.count.rawValue)\"><v>\(number)</v></c>"
        case .currency(let number): numeric(number, reference: reference, style: .currency)
        case .share(let number): numeric(number, reference: reference, style: .share)
        case .number(let number), .estimate(let number), .pValue(let number):
            numeric(number, reference: reference, style: .plain)
        case .missing(let reason):
            reason.isEmpty ? "" : inlineString(reason, reference: reference, style: .missing)
        }
    }

    /// The A1-style reference of a zero-based column and one-based row ("A1", "AA12").
    static func reference(column: Int, row: Int) -> String {
        var letters = ""
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            remaining = (remaining - 1) / 26
        }
        return letters + String(row)
    }

    private static func numeric(_ value: Double, reference: String, style: Style) -> String {
        guard value.isFinite else {
            return inlineString(value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞"), reference: reference, style: .missing)
        }
        return "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(value.description)</v></c>"
    }

    private static func inlineString(_ text: String, reference: String, style: Style) -> String {
        "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(HTMLEscaping.escape(text))</t></is></c>"
    }

    /// Fonts (regular, bold, italic grey) and the cell formats of ``Style``: general,
    /// bold header, `#,##0`, `#,##0.00`, `0.0%`, italic grey text.
    static let styles = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/></numFmts>"
        + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><i/><sz val=\"11\"/><color rgb=\"FF57606A\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
