/// Typed access to the kept rows of selected CSV columns, with located errors.
struct CellReader {
    let csv: CSVColumns
    /// 0-based indices of the data rows in use.
    let rows: [Int]

    /// Trimmed cells of `column` in the kept rows; the stored column itself, without a copy,
    /// when every row is kept.
    func cells(_ column: String) -> [String] {
        let all = csv.column(column)
        return rows.count == all.count ? all : rows.map { all[$0] }
    }

    /// The error for kept row `index` of `column`.
    func invalid(_ column: String, _ index: Int, expected: String) -> DataError {
        let row = rows[index]
        return .invalidValue(file: csv.file, row: row + 1, column: column, value: csv.column(column)[row], expected: expected)
    }

    /// Finite numbers satisfying `isValid`.
    func numbers(_ column: String, expected: String, where isValid: (Double) -> Bool = { _ in true }) throws -> [Double] {
        try cells(column).enumerated().map { index, cell in
            guard let value = DecimalParsing.number(cell), value.isFinite, isValid(value) else {
                throw invalid(column, index, expected: expected)
            }
            return value
        }
    }

    /// Event flags: 1/0, true/false, yes/no (any case).
    func flags(_ column: String) throws -> [Bool] {
        try cells(column).enumerated().map { index, cell in
            if cell == "1" { return true }
            if cell == "0" { return false }
            switch cell.lowercased() {
            case "1", "true", "yes", "y", "t": return true
            case "0", "false", "no", "n", "f": return false
            default: throw invalid(column, index, expected: "an event flag (1/0, true/false or yes/no)")
            }
        }
    }
}
