/// Customer history read from CSV into an ``EventTable``, with what was done on the way.
public struct LoadedHistory: Sendable {
    /// The survival data.
    public let table: EventTable
    /// How each covariate column was encoded.
    public let covariates: [EncodedCovariate]
    /// Data rows (1-based) dropped for missing values.
    public let droppedRows: [Int]
    /// Plain-language notes for the report (e.g. rows dropped).
    public let warnings: [String]
}

/// Reads a customer-history CSV as a ``HistorySpecification`` describes.
public enum HistoryLoader {
    /// Loads the history at `path`.
    /// - Throws: ``DataError`` naming the file, row and column of the first problem.
    public static func load(path: String, specification spec: HistorySpecification) throws -> LoadedHistory {
        let csv = try CSVColumns.read(path: path, columns: spec.columns, delimiter: spec.delimiter)
        let (rows, dropped) = try keptRows(csv, spec: spec)
        guard !rows.isEmpty else {
            throw DataError.invalidTable(file: path, reason: "every row has a missing value in a used column")
        }
        let reader = CellReader(csv: csv, rows: rows)
        let (durations, events, entries) = try readTime(reader, spec.time, dateFormat: spec.dateFormat)
        let encoded = try spec.covariates.map { column in
            try CovariateEncoder.encode(
                column: column, cells: reader.cells(column), reference: spec.referenceLevels[column], file: path)
        }
        for column in spec.referenceLevels.keys where !spec.covariates.contains(column) {
            throw DataError.invalidTable(file: path, reason: "--reference names '\(column)', which is not a covariate")
        }
        let names = encoded.flatMap(\.names)
        let matrix = names.isEmpty ? nil : Matrix(
            rows: rows.count, columns: names.count, columnMajor: encoded.flatMap(\.columns).flatMap { $0 })
        let weights = try spec.weights.map { try reader.numbers($0, expected: "a positive weight") { $0 > 0 } }
        let table: EventTable
        do {
            table = try EventTable(
                durations: durations, events: events, entryTimes: entries, strata: spec.strata.map(reader.cells),
                weights: weights, covariates: matrix, covariateNames: names, clusters: spec.cluster.map(reader.cells))
        } catch {
            throw DataError.invalidTable(file: path, reason: error.description + " (rows counted after dropping missing values)")
        }
        let warnings = dropped.isEmpty ? [] : [
            "dropped \(dropped.count) row(s) with missing values: rows \(dropped.prefix(10).map(String.init).joined(separator: ", "))"
                + (dropped.count > 10 ? ", …" : "")
        ]
        return LoadedHistory(table: table, covariates: encoded, droppedRows: dropped, warnings: warnings)
    }

    /// Rows to keep (0-based) and rows dropped (1-based), by the missing-value policy.
    private static func keptRows(_ csv: CSVColumns, spec: HistorySpecification) throws -> ([Int], [Int]) {
        var optional: Set<String> = []
        if case .dates(_, let end, _) = spec.time { optional.insert(end) }
        let checked = spec.columns.filter { !optional.contains($0) }.map { ($0, csv.column($0)) }
        var kept: [Int] = [], dropped: [Int] = []
        kept.reserveCapacity(csv.rowCount)
        for row in 0..<csv.rowCount {
            guard let (blank, cells) = checked.first(where: { HistorySpecification.MissingValuePolicy.isMissing($0.1[row]) }) else {
                kept.append(row)
                continue
            }
            if spec.missingValues == .error {
                throw DataError.invalidValue(
                    file: csv.file, row: row + 1, column: blank, value: cells[row],
                    expected: "a value (or use --missing drop to drop such rows)")
            }
            dropped.append(row + 1)
        }
        return (kept, dropped)
    }

    private static func readTime(
        _ reader: CellReader, _ time: HistorySpecification.Time, dateFormat: DateFormat
    ) throws -> ([Double], [Bool], [Double]?) {
        switch time {
        case .duration(let column, let event, let entry):
            let durations = try reader.numbers(column, expected: "a duration ≥ 0") { $0 >= 0 }
            let events = try reader.flags(event)
            let entries = try entry.map { try reader.numbers($0, expected: "an entry time ≥ 0") { $0 >= 0 } }
            if let entries {
                for index in durations.indices where entries[index] >= durations[index] {
                    throw reader.invalid(entry ?? column, index, expected: "an entry time before the duration \(durations[index])")
                }
            }
            return (durations, events, entries)
        case .dates(let start, let end, let asOf):
            let order = try reader.dateOrder(dateFormat, columns: [start, end])
            let starts = try reader.cells(start).enumerated().map { index, cell in
                try reader.date(cell, column: start, index, order: order)
            }
            var durations: [Double] = [], events: [Bool] = []
            for (index, cell) in reader.cells(end).enumerated() {
                let ended = HistorySpecification.MissingValuePolicy.isMissing(cell) ? nil : try reader.date(cell, column: end, index, order: order)
                let churned = ended.map { $0 <= asOf } ?? false
                let stop = churned ? (ended ?? asOf) : asOf
                guard stop > starts[index] else {
                    throw reader.invalid(
                        churned ? end : start, index,
                        expected: churned ? "an end date after the start date" : "a start date before the as-of date \(asOf)")
                }
                durations.append(Double(stop.days(since: starts[index])) / CalendarDate.daysPerMonth)
                events.append(churned)
            }
            return (durations, events, nil)
        }
    }
}
