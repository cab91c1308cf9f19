/// Typed access to the kept rows of selected CSV columns, with located errors.
struct CellReader {
    /// The columns read; ``release(_:)`` drops one once it has been taken.
    private(set) var csv: CSVColumns
    /// 0-based indices of the data rows in use; nil when every row is.
    var rows: [Int]?

    /// A reader over `rows` (0-based; nil for all) of `csv`.
    init(csv: CSVColumns, rows: [Int]? = nil) {
        self.csv = csv
        self.rows = rows
    }

    /// `all` restricted to the kept rows; `all` itself, without a copy, when every row is kept.
    func kept<Element>(_ all: [Element]) -> [Element] {
        rows.map { $0.map { all[$0] } } ?? all
    }

    /// Trimmed cells of `column` in the kept rows, as text (see ``CSVColumns/texts(_:)``).
    func cells(_ column: String) throws -> [String] {
        kept(try csv.texts(column))
    }

    /// Frees `column` once its values have been taken; later errors about it read its text
    /// from the file again.
    mutating func release(_ column: String) {
        csv.columns[column] = nil
    }

    /// The error for kept row `index` of `column`.
    func invalid(_ column: String, _ index: Int, expected: String) -> DataError {
        let row = rows?[index] ?? index
        return .invalidValue(
            file: csv.file, row: row + 1, line: csv.rowLines.line(ofRow: row + 1), column: column,
            value: text(column, row: row), expected: expected)
    }

    /// The text of data row `row` (0-based) of `column`, for a message: as kept, or read
    /// again from the file (see ``CSVColumns/rereadCell(_:row:)``).
    func text(_ column: String, row: Int) -> String {
        switch csv.columns[column] {
        case .text(let cells): return cells[row]
        case .numbers(let cells):
            return cells.exceptions[row] ?? (try? csv.rereadCell(column, row: row)) ?? cells.values[row].description
        case .dates(let cells):
            if cells.values[row] == CSVColumn.emptyDate { return "" }
            return cells.exceptions[row] ?? (try? csv.rereadCell(column, row: row)) ?? ""
        case nil: return (try? csv.rereadCell(column, row: row)) ?? ""
        }
    }

    /// Finite numbers satisfying `isValid`; a numeric column's values are returned without a
    /// copy when every row is kept.
    func numbers(_ column: String, expected: String, where isValid: (Double) -> Bool = { _ in true }) throws -> [Double] {
        let values: [Double]
        if case .numbers(let cells) = csv.columns[column] {
            values = kept(cells.values)
        } else {
            values = try cells(column).map { DecimalParsing.number($0) ?? .nan }
        }
        if let index = values.firstIndex(where: { !($0.isFinite && isValid($0)) }) {
            throw invalid(column, index, expected: expected)
        }
        return values
    }

    /// Event flags: 1/0 (as any number equal to them), true/false, yes/no, t/f, y/n (any case).
    /// - Parameter meaning: what a flag of this column is, for the error ("an event flag").
    func flags(_ column: String, meaning: String = "an event flag") throws -> [Bool] {
        guard case .numbers(let cells) = csv.columns[column] else {
            return try cells(column).enumerated().map { index, cell in
                guard let flag = Self.flag(cell) else { throw invalidFlag(column, index, meaning) }
                return flag
            }
        }
        return try (0..<(rows?.count ?? csv.rowCount)).map { index in
            let row = rows?[index] ?? index
            switch cells.values[row] {
            case 1: return true
            case 0: return false
            default:
                guard let flag = cells.exceptions[row].flatMap(Self.flag) else { throw invalidFlag(column, index, meaning) }
                return flag
            }
        }
    }

    private func invalidFlag(_ column: String, _ index: Int, _ meaning: String) -> DataError {
        invalid(column, index, expected: "\(meaning) (1/0, true/false or yes/no)")
    }

    private static func flag(_ cell: String) -> Bool? {
        switch cell.lowercased() {
        case "1", "true", "yes", "y", "t": true
        case "0", "false", "no", "n", "f": false
        default: nil
        }
    }

    /// The kept cells of covariate `column`: its numbers when it was read as numbers (and
    /// `asText` is false), else its text.
    ///
    /// A column whose cells are at least 90% numbers is a numeric covariate: a stray word,
    /// `inf` or another cell that is not a finite number is an error naming those cells, not
    /// a reason to read the whole column as text levels. With fewer numbers it is text levels,
    /// where ``CovariateEncoder/implicitLevelLimit`` catches a numeric column with many bad
    /// cells. Missing-value tokens never get here: they were dropped or reported under the
    /// history's ``HistorySpecification/MissingValuePolicy``.
    /// - Throws: ``DataError/nonNumericCells(file:column:cells:count:numbers:)`` for such a
    ///   column, unless `asText` (the user asked for levels).
    func covariateCells(_ column: String, asText: Bool) throws -> CovariateCells {
        guard !asText else { return .text(try cells(column)) }
        if case .numbers(let cells) = csv.columns[column] {
            let values = kept(cells.values)
            if cells.exceptions.isEmpty || values.allSatisfy(\.isFinite) { return .numbers(values) }
            try rejectStrayCells(column, isNumber: values.map(\.isFinite))
        }
        let texts = try cells(column)
        try rejectStrayCells(column, isNumber: texts.map { DecimalParsing.number($0)?.isFinite ?? false })
        return .text(texts)
    }

    /// Throws when at least 90% of the kept cells of `column` are numbers (`isNumber`, by kept
    /// row) but not all are.
    private func rejectStrayCells(_ column: String, isNumber: [Bool]) throws {
        let others = isNumber.indices.filter { !isNumber[$0] }
        guard !others.isEmpty, (isNumber.count - others.count) * 10 >= isNumber.count * 9 else { return }
        let cells = others.prefix(5).map { index -> LocatedCell in
            let row = rows?[index] ?? index
            return LocatedCell(row: row + 1, line: csv.rowLines.line(ofRow: row + 1), value: text(column, row: row))
        }
        throw DataError.nonNumericCells(
            file: csv.file, column: column, cells: cells, count: others.count, numbers: isNumber.count - others.count)
    }
}
