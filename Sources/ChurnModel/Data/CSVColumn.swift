/// The cells of one kept CSV column: numbers parsed straight from the bytes, or text.
enum CSVColumn: Sendable {
    /// A column whose first non-missing cell is a number.
    case numbers(ParsedCells<Double>)
    /// A column read as text (asked for, or whose first non-missing cell is not a number).
    case text([String])
    /// A date column: each cell's ``DateFields/packed`` fields, ``emptyDate`` where the cell
    /// is empty (common: an end date while active), -1 where it is not a date.
    case dates(ParsedCells<Int64>)

    /// The placeholder of an empty date cell, which needs no text in ``ParsedCells/exceptions``.
    static let emptyDate: Int64 = -2

    /// How a column is to be kept.
    enum Kind: Sendable {
        /// Numbers where the cells allow it (see ``ParsedCells``), text otherwise.
        case numbers
        /// Text, e.g. labels, whose exact spelling matters.
        case text
        /// Dates (see ``DateFields``), parsed from the bytes before their order is known.
        case dates
    }
}

/// A parsed column: 8 bytes a cell, with the text of the few cells that do not parse
/// (missing-value tokens, a stray word) kept aside by row.
struct ParsedCells<Value: Sendable>: Sendable {
    /// The value of each row; a placeholder (NaN, -1) where ``exceptions`` holds the cell.
    var values: [Value]
    /// The text of each cell that does not parse (for numbers: is not a finite number), by
    /// 0-based row.
    var exceptions: [Int: String]
}

/// Collects one column's cells, one `append` per data row.
///
/// A ``CSVColumn/Kind/numbers`` column stays undecided while its cells are missing-value
/// tokens; the first other cell settles it: a number makes it numeric (later non-numbers go
/// to ``ParsedCells/exceptions``), anything else makes it text. Numbers are parsed by
/// ``DecimalParsing`` and dates by ``DateFields`` from the bytes, so such a cell never
/// becomes a `String`.
struct CSVColumnBuilder {
    private enum State { case undecided, numbers, text, dates }
    private var state: State
    private var values: [Double] = []
    private var dates: [Int64] = []
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
        case .dates:
            state = .dates
            dates.reserveCapacity(expectedRows)
        }
    }

    /// Adds the next row's cell.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if state == .text {
            texts.append(String(decoding: bytes, as: UTF8.self))
            return
        }
        if state == .dates {
            if let fields = DateFields(bytes) {
                dates.append(fields.packed)
            } else if bytes.isEmpty {
                dates.append(CSVColumn.emptyDate)
            } else {
                exceptions[dates.count] = String(decoding: bytes, as: UTF8.self)
                dates.append(-1)
            }
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
        switch state {
        case .text: .text(texts)
        case .dates: .dates(ParsedCells(values: dates, exceptions: exceptions))
        case .undecided, .numbers: .numbers(ParsedCells(values: values, exceptions: exceptions))
        }
    }
}
