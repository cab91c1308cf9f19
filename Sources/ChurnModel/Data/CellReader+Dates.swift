/// Dates in the kept rows, in a ``DateFormat`` given or settled by the data.
extension CellReader {
    /// The day-month order for the dates of `columns`: `format` itself unless it is
    /// ``DateFormat/auto``. In auto mode, year-last dates are day-first when some first part
    /// exceeds 12 and month-first when some second part does, judged over all `columns`
    /// together; missing and unparseable cells are left to ``date(_:column:_:order:)``.
    /// - Throws: ``DataError/invalidValue(file:row:column:value:expected:)`` at the first
    ///   date that contradicts an earlier one's order, or at the first year-last date when no
    ///   cell settles the order; both ask for `--date-format`.
    func dateOrder(_ format: DateFormat, columns: [String]) throws -> DateFormat {
        guard format == .auto else { return format }
        var dayFirst: (column: String, index: Int)?, monthFirst: (column: String, index: Int)?
        var unsettled: (column: String, index: Int)?
        for column in columns {
            for (index, cell) in try cells(column).enumerated() {
                guard let fields = DateFields(cell), !fields.yearFirst else { continue }
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
            throw invalid(
                later.column, later.index,
                expected: "dates in one order, but row \((rows?[earlier.index] ?? earlier.index) + 1) has '\(try cells(earlier.column)[earlier.index])' "
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

    /// `cell`, the value in kept row `index` of `column`, as a date in `order`.
    func date(_ cell: String, column: String, _ index: Int, order: DateFormat) throws -> CalendarDate {
        guard let date = DateFields(cell)?.date(order) else {
            throw invalid(column, index, expected: "a date as \(order.pattern)")
        }
        return date
    }
}
