/// The cells of one kept CSV column: numbers parsed straight from the bytes, or text.
enum CSVColumn: Sendable {
    /// A column whose first non-missing cell is a number.
    case numbers(NumericCells)
    /// A column read as text (asked for, or whose first non-missing cell is not a number).
    case text([String])

    /// How a column is to be kept.
    enum Kind: Sendable {
        /// Numbers where the cells allow it (see ``NumericCells``), text otherwise.
        case numbers
        /// Text, e.g. labels and dates, whose exact spelling matters.
        case text
    }
}

/// A numeric column: 8 bytes a cell, with the text of the few cells that are not finite
/// numbers (missing-value tokens, a stray word) kept aside by row.
struct NumericCells: Sendable {
    /// The value of each row; NaN where ``exceptions`` holds the cell.
    var values: [Double]
    /// The text of each cell that is not a finite number, by 0-based row.
    var exceptions: [Int: String]
}

/// Collects one column's cells, one `append` per data row.
///
/// A ``CSVColumn/Kind/numbers`` column stays undecided while its cells are missing-value
/// tokens; the first other cell settles it: a number makes it numeric (later non-numbers go
/// to ``NumericCells/exceptions``), anything else makes it text. Numbers are parsed by
/// ``DecimalParsing`` from the bytes, so a numeric cell never becomes a `String`.
struct CSVColumnBuilder {
    private enum State { case undecided, numbers, text }
    private var state: State
    private var values: [Double] = []
    private var exceptions: [Int: String] = [:]
    private var texts: [String] = []

    /// An empty column of `kind`, with room for about `expectedRows` cells.
    init(kind: CSVColumn.Kind, expectedRows: Int) {
        switch kind {
        case .numbers:
            state = .undecided
            values.reserveCapacity(expectedRows)
        case .text:
            state = .text
            texts.reserveCapacity(expectedRows)
        }
    }

    /// Adds the next row's cell.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if state == .text {
            texts.append(String(decoding: bytes, as: UTF8.self))
            return
        }
        if let value = DecimalParsing.plainDecimal(bytes) {
            state = .numbers
            values.append(value)
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let value = Double(text), value.isFinite {
            state = .numbers
            values.append(value)
        } else if state == .numbers || HistorySpecification.MissingValuePolicy.isMissing(text) {
            exceptions[values.count] = text
            values.append(.nan)
        } else {
            texts = values.indices.map { exceptions[$0] ?? "" } + [text]
            (state, values, exceptions) = (.text, [], [:])
        }
    }

    /// The finished column.
    func column() -> CSVColumn {
        state == .text ? .text(texts) : .numbers(NumericCells(values: values, exceptions: exceptions))
    }
}
