/// A renderer-independent report: the answer first, then tables, then the audit block.
///
/// Commands fill a `ReportModel`; Markdown and CSV renderers turn it into files, so every
/// output format shows the same numbers.
public struct ReportModel: Sendable, Equatable {
    /// Report title.
    public var title: String
    /// Key findings in plain words, most important first.
    public var keyFigures: [String]
    /// Warnings about the inputs or the fit (implausible values, too few paths), shown before
    /// the key figures so nobody reads a number without them.
    public var warnings: [String]
    /// Charts in reading order, shown after the key figures and before the tables.
    public var charts: [ReportChart]
    /// Tables in reading order.
    public var tables: [ReportTable]
    /// Facts needed to reproduce the report (scenario, seed, paths, version), in order.
    public var audit: [(label: String, value: String)]

    /// Creates a report.
    public init(
        title: String, keyFigures: [String], warnings: [String] = [], charts: [ReportChart] = [],
        tables: [ReportTable], audit: [(label: String, value: String)]
    ) {
        self.title = title
        self.keyFigures = keyFigures
        self.warnings = warnings
        self.charts = charts
        self.tables = tables
        self.audit = audit
    }

    /// Reports are equal when every part is.
    public static func == (lhs: ReportModel, rhs: ReportModel) -> Bool {
        lhs.title == rhs.title && lhs.keyFigures == rhs.keyFigures && lhs.warnings == rhs.warnings
            && lhs.charts == rhs.charts
            && lhs.tables == rhs.tables
            && lhs.audit.map(\.label) == rhs.audit.map(\.label) && lhs.audit.map(\.value) == rhs.audit.map(\.value)
    }
}

/// A table of typed cells, written as one CSV file and one Markdown table.
public struct ReportTable: Sendable, Equatable {
    /// File stem of the CSV (`segments` → `segments.csv`).
    public var name: String
    /// Heading shown above the table.
    public var title: String
    /// Column names, snake_case as in the CSV header.
    public var columns: [String]
    /// Rows; each has one cell per column.
    public var rows: [[ReportCell]]
    /// Whether the Markdown and HTML reports show this table (long tables are left to the CSV and workbook).
    public var showInSummary: Bool
    /// Whether the table belongs to the audit block (assumptions) rather than the results.
    public var isAudit: Bool

    /// Creates a table; every row must have one cell per column.
    public init(
        name: String, title: String, columns: [String], rows: [[ReportCell]], showInSummary: Bool = true,
        isAudit: Bool = false
    ) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "row width differs from column count")
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.showInSummary = showInSummary
        self.isAudit = isAudit
    }
}

/// One table cell.
public enum ReportCell: Sendable, Equatable {
    /// Free text.
    case text(String)
    /// A whole number (counts, months).
    case integer(Int)
    /// A currency amount.
    case currency(Double)
    /// A share in [0, 1], shown as a percentage.
    case share(Double)
    /// Any other real number (months, rates).
    case number(Double)
    /// A statistical estimate, shown with 4 significant digits.
    case estimate(Double)
    /// A p-value, shown with 2 significant digits, or "< 0.0001".
    case pValue(Double)
    /// No value (e.g. a percentile beyond the horizon); `reason` is shown to readers.
    case missing(reason: String)
}
