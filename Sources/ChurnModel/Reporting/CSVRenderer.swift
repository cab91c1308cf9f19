/// Renders a ``ReportTable`` as RFC 4180 CSV for machines: full-precision numbers, shares
/// as fractions, empty cells for missing values.
public enum CSVRenderer {
    /// The table as CSV text with a header row and CRLF-free `\n` line ends.
    public static func render(_ table: ReportTable) -> String {
        var lines = [table.columns.map(quoted).joined(separator: ",")]
        for row in table.rows {
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func field(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let text): quoted(text)
        case .integer(let value): String(value)
        case .currency(let value), .share(let value), .number(let value), .estimate(let value), .pValue(let value):
            "\(value)"
        case .missing: ""
        }
    }

    /// Quotes a field when it holds a comma, quote or line break, doubling inner quotes.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
