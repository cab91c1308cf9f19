/// A problem in an input data file (customer history, current book), located by file,
/// row and column.
///
/// Rows are data rows numbered from 1 (the header is row 0); lines are the 1-based lines of
/// the file on which those rows start (see ``RowLines``), which differ from `r + 1` after
/// quoted line breaks, skipped blank lines or a header over several lines.
public enum DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or decoded.
    case unreadable(file: String, reason: String)
    /// The file has no header row or no data rows.
    case empty(file: String)
    /// A requested column is not in the header; `available` lists the header.
    case missingColumn(file: String, column: String, available: [String])
    /// A row has a different number of fields than the header.
    case raggedRow(file: String, row: Int, line: Int, fields: Int, expected: Int)
    /// A cell that cannot be read as the column requires, in data row `row` starting on `line`.
    case invalidValue(file: String, row: Int, line: Int, column: String, value: String, expected: String)
    /// The rows are readable but inconsistent as survival data.
    case invalidTable(file: String, reason: String)
    /// A covariate column of numbers with cells that are not finite numbers: the first few
    /// such `cells`, how many there are in all (`count`) and how many cells are numbers.
    case nonNumericCells(file: String, column: String, cells: [LocatedCell], count: Int, numbers: Int)

    /// `file: row R (line L): column 'c': expected …, found '…'`, and the like.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .empty(let file):
            return "\(file): no header row or no data rows"
        case .missingColumn(let file, let column, let available):
            let hint = nearestKey(to: column, among: available).map { "; did you mean '\($0)'?" } ?? ""
            return "\(file): no column named '\(column)'\(hint) (columns: \(available.joined(separator: ", ")))"
        case .raggedRow(let file, let row, let line, let fields, let expected):
            return "\(file): row \(row) (line \(line)): \(fields) fields, expected \(expected) as in the header"
        case .invalidValue(let file, let row, let line, let column, let value, let expected):
            return "\(file): row \(row) (line \(line)): column '\(column)': expected \(expected), found '\(value)'"
        case .invalidTable(let file, let reason):
            return "\(file): \(reason)"
        case .nonNumericCells(let file, let column, let cells, let count, let numbers):
            let found = cells.map { "'\($0.value)' in row \($0.row) (line \($0.line))" }.joined(separator: ", ")
            let more = count > cells.count ? " and \(count - cells.count) more" : ""
            let share = "\(NumberFormatting.grouped(Double(numbers))) of its \(NumberFormatting.grouped(Double(numbers + count))) cells"
            return "\(file): column '\(column)': expected a finite number in every row, as \(share) are; found \(found)\(more). "
                + "Correct those cells, or pass --categorical \(column) to use the column as text levels"
        }
    }
}

/// One cell of a data file, located for a message: its data row (from 1), the line that row
/// starts on, and its text.
public struct LocatedCell: Sendable, Equatable {
    /// Data row, numbered from 1.
    public let row: Int
    /// 1-based line of the file on which the row starts.
    public let line: Int
    /// The cell's text.
    public let value: String

    /// A located cell.
    public init(row: Int, line: Int, value: String) {
        self.row = row
        self.line = line
        self.value = value
    }
}
