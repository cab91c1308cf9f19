/// Dates in the kept rows, in a ``DateFormat`` given or settled by the data.
extension CellReader {
    /// The day-month order for the dates of `columns`: `format` itself unless it is
    /// ``DateFormat/auto``. In auto mode, year-last dates are day-first when some first part
    /// exceeds 12 and month-first when some second part does, judged over all `columns`
    /// together; missing and unparseable cells are left to ``date(_:column:_:order:)``.
    /// - Throws: ``DataError/invalidValue(file:row:line:column:value:expected:)`` at the first
    ///   date that contradicts an earlier one's order, or at the first year-last date when no
    ///   cell settles the order; both ask for `--date-format`.
    func dateOrder(_ format: DateFormat, columns: [String]) throws -> DateFormat {
        guard format == .auto else { return format }
        var dayFirst: (column: String, index: Int)?, monthFirst: (column: String, index: Int)?
        var unsettled: (column: String, index: Int)?
        for column in columns {
            try forEachDate(in: column) { index, fields in
                guard let fields, !fields.yearFirst else { return }
                if fields.first > 12 {
                    dayFirst = dayFirst ?? (column, index)
                } else if fields.second > 12 {
                    monthFirst = monthFirst ?? (column, index)
                } else {
                    unsettled = unsettled ?? (column, index)
                }
            }
        }
        switch (dayFirst, monthFirst) {
        case (let day?, let month?):
            let dayIsEarlier = day.index <= month.index
            let (earlier, later) = dayIsEarlier ? (day, month) : (month, day)
            let earlierRow = rows?[earlier.index] ?? earlier.index
            throw invalid(
                later.column, later.index,
                expected: "dates in one order, but row \(earlierRow + 1) (line \(csv.rowLines.line(ofRow: earlierRow + 1))) has '\(text(earlier.column, row: earlierRow))' "
                    + "(\(dayIsEarlier ? "day" : "month") first); give --date-format dmy or mdy")
        case (.some, nil): return .dmy
        case (nil, .some): return .mdy
        case (nil, nil):
            if let unsettled {
                throw invalid(
                    unsettled.column, unsettled.index,
                    expected: "a date whose order the file settles: DD/MM/YYYY and MM/DD/YYYY both fit every "
                        + "such date in \(columns.map { "'\($0)'" }.joined(separator: " and ")); give --date-format dmy or mdy")
            }
            return .iso
        }
    }

    /// The dates of `column` in the kept rows, in `order`; nil for a missing cell.
    /// - Throws: ``DataError/invalidValue(file:row:line:column:value:expected:)`` at the first cell
    ///   that is neither a date in `order` nor missing.
    func dates(_ column: String, order: DateFormat) throws -> [CalendarDate?] {
        var dates: [CalendarDate?] = []
        dates.reserveCapacity(rows?.count ?? csv.rowCount)
        try forEachDate(in: column) { index, fields in
            if let date = fields?.date(order) {
                dates.append(date)
            } else if fields == nil, HistorySpecification.MissingValuePolicy.isMissing(text(column, row: rows?[index] ?? index)) {
                dates.append(nil)
            } else {
                throw invalid(column, index, expected: "a date as \(order.pattern)")
            }
        }
        return dates
    }

    /// Calls `body` with each kept row's index and the date fields of its cell in `column`
    /// (nil when the cell is not a date), in row order.
    private func forEachDate(in column: String, _ body: (Int, DateFields?) throws -> Void) throws {
        guard case .dates(let cells) = csv.columns[column] else {
            for (index, cell) in try cells(column).enumerated() { try body(index, DateFields(cell)) }
            return
        }
        for index in 0..<(rows?.count ?? csv.rowCount) {
            let packed = cells.values[rows?[index] ?? index]
            try body(index, packed < 0 ? nil : DateFields(packed: packed))
        }
    }
}
