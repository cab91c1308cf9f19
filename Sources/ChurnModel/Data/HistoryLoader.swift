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
    /// The treatment flag per row (true = treated), when the specification names a treatment column.
    public let treatment: [Bool]?
    /// The revenue (MRR) per row, when the specification names a revenue column.
    public let revenue: [Double]?
}

/// Reads a customer-history CSV as a ``HistorySpecification`` describes.
public enum HistoryLoader {
    /// Loads the history at `path`.
    /// - Throws: ``DataError`` naming the file, row and column of the first problem.
    public static func load(path: String, specification spec: HistorySpecification) throws -> LoadedHistory {
        var reader = CellReader(csv: try CSVColumns.read(path: path, columns: spec.columnKinds, delimiter: spec.delimiter))
        let dropped = try droppedRows(reader.csv, spec: spec)
        if !dropped.isEmpty {
            let droppedSet = Set(dropped.map { $0 - 1 })
            reader.rows = (0..<reader.csv.rowCount).filter { !droppedSet.contains($0) }
        }
        let rowCount = reader.rows?.count ?? reader.csv.rowCount
        guard rowCount > 0 else {
            throw DataError.invalidTable(file: path, reason: "every row has a missing value in a used column")
        }
        let (durations, events, entries) = try readTime(
            &reader, spec.time, dateFormat: spec.dateFormat, positiveDurations: spec.positiveDurations)
        let (encoded, matrix) = try readCovariates(&reader, spec: spec, rows: rowCount)
        let weights = try spec.weights.map { try reader.numbers($0, expected: "a positive weight") { $0 > 0 } }
        let strata = try spec.strata.map { try reader.cells($0) }
        let clusters = try spec.cluster.map { try reader.cells($0) }
        let treatment = try spec.treatment.map { try reader.flags($0, meaning: "a treatment flag") }
        let revenue = try spec.revenue.map { try reader.numbers($0, expected: "a revenue (MRR) of 0 or more") { $0 >= 0 } }
        let table: EventTable
        do {
            table = try EventTable(
                durations: durations, events: events, entryTimes: entries, strata: strata, weights: weights,
                covariates: matrix, covariateNames: encoded.flatMap(\.names), clusters: clusters)
        } catch {
            throw DataError.invalidTable(file: path, reason: error.description + " (rows counted after dropping missing values)")
        }
        let located = dropped.prefix(10).map { "row \($0) (line \(reader.csv.rowLines.line(ofRow: $0)))" }
        let warnings = dropped.isEmpty ? [] : [
            "dropped \(dropped.count) row(s) with missing values: \(located.joined(separator: ", "))"
                + (dropped.count > 10 ? ", …" : "")
        ]
        return LoadedHistory(
            table: table, covariates: encoded, droppedRows: dropped, warnings: warnings, treatment: treatment,
            revenue: revenue)
    }

    /// The covariates' encodings and their column-major matrix (nil without covariates).
    ///
    /// Each covariate column is released once encoded, and the matrix is filled only after
    /// every column is encoded (its size is then known), so memory holds the covariates
    /// about once plus one column, not twice.
    private static func readCovariates(
        _ reader: inout CellReader, spec: HistorySpecification, rows: Int
    ) throws -> ([EncodedCovariate], Matrix?) {
        var encoded: [EncodedCovariate] = [], sources: [CovariateCells] = []
        for column in spec.covariates {
            let reference = spec.referenceLevels[column]
            let asLevels = reference != nil || spec.categorical.contains(column)
            let cells = try reader.covariateCells(column, asText: asLevels)
            encoded.append(try CovariateEncoder.encode(
                column: column, cells: cells, reference: reference, asLevels: asLevels, file: reader.csv.file))
            sources.append(cells)
            reader.release(column)
        }
        for column in spec.referenceLevels.keys where !spec.covariates.contains(column) {
            throw DataError.invalidTable(
                file: reader.csv.file, reason: "--reference names '\(column)', which is not a covariate")
        }
        for column in spec.categorical.sorted() where !spec.covariates.contains(column) {
            throw DataError.invalidTable(
                file: reader.csv.file, reason: "--categorical names '\(column)', which is not a covariate")
        }
        let columns = encoded.reduce(0) { $0 + $1.names.count }
        guard columns > 0 else { return (encoded, nil) }
        var storage: [Double] = []
        storage.reserveCapacity(rows * columns)
        for index in encoded.indices {
            CovariateEncoder.appendColumns(of: encoded[index], cells: sources[index], to: &storage)
            sources[index] = .numbers([])
        }
        return (encoded, Matrix(rows: rows, columns: columns, columnMajor: storage))
    }

    /// Data rows (1-based, ascending) with a missing cell in a used column (a missing end
    /// date only marks an active customer); none when the policy is to stop at the first.
    /// - Throws: ``DataError/invalidValue(file:row:line:column:value:expected:)`` at the first
    ///   missing cell, by row then column order, under ``HistorySpecification/MissingValuePolicy/error``.
    private static func droppedRows(_ csv: CSVColumns, spec: HistorySpecification) throws -> [Int] {
        var optional: Set<String> = []
        if case .dates(_, let end, _) = spec.time { optional.insert(end) }
        var missing: [(row: Int, column: String, cell: String)] = []
        for column in spec.columns where !optional.contains(column) {
            switch csv.columns[column] {
            case .numbers(let cells)?:
                missing += missingCells(cells, column: column)
            case .dates(let cells)?:
                missing += missingCells(cells, column: column)
                missing += cells.values.indices.filter { cells.values[$0] == CSVColumn.emptyDate }.map { ($0, column, "") }
            case .text(let cells)?:
                missing += cells.indices.filter { HistorySpecification.MissingValuePolicy.isMissing(cells[$0]) }
                    .map { ($0, column, cells[$0]) }
            case nil: break
            }
        }
        let order = Dictionary(spec.columns.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        guard let first = missing.min(by: { ($0.row, order[$0.column] ?? 0) < ($1.row, order[$1.column] ?? 0) }) else {
            return []
        }
        if spec.missingValues == .error {
            throw DataError.invalidValue(
                file: csv.file, row: first.row + 1, line: csv.rowLines.line(ofRow: first.row + 1), column: first.column,
                value: first.cell,
                expected: "a value (or use --missing drop to drop such rows)")
        }
        return Set(missing.map { $0.row + 1 }).sorted()
    }

    /// The cells of `column` that are missing-value tokens, by 0-based row.
    private static func missingCells<Value>(
        _ cells: ParsedCells<Value>, column: String
    ) -> [(row: Int, column: String, cell: String)] {
        cells.exceptions.filter { HistorySpecification.MissingValuePolicy.isMissing($0.value) }.map { ($0.key, column, $0.value) }
    }

    /// Durations (> 0 when `positiveDurations`, else ≥ 0; dates always give > 0), event flags
    /// and entry times, each column released once taken.
    private static func readTime(
        _ reader: inout CellReader, _ time: HistorySpecification.Time, dateFormat: DateFormat, positiveDurations: Bool
    ) throws -> ([Double], [Bool], [Double]?) {
        switch time {
        case .duration(let column, let event, let entry):
            let durations = try positiveDurations
                ? reader.numbers(column, expected: "a duration > 0 (a log-time model needs log T)") { $0 > 0 }
                : reader.numbers(column, expected: "a duration ≥ 0") { $0 >= 0 }
            let events = try reader.flags(event)
            let entries = try entry.map { try reader.numbers($0, expected: "an entry time ≥ 0") { $0 >= 0 } }
            defer { [column, event, entry].compactMap { $0 }.forEach { reader.release($0) } }
            if let entries {
                for index in durations.indices where entries[index] >= durations[index] {
                    throw reader.invalid(entry ?? column, index, expected: "an entry time before the duration \(durations[index])")
                }
            }
            return (durations, events, entries)
        case .dates(let start, let end, let asOf):
            let order = try reader.dateOrder(dateFormat, columns: [start, end])
            let starts = try reader.dates(start, order: order)
            let ends = try reader.dates(end, order: order)
            defer { [start, end].forEach { reader.release($0) } }
            var durations: [Double] = [], events: [Bool] = []
            durations.reserveCapacity(starts.count)
            events.reserveCapacity(starts.count)
            for (index, ended) in ends.enumerated() {
                guard let started = starts[index] else { throw reader.invalid(start, index, expected: "a date as \(order.pattern)") }
                let churned = ended.map { $0 <= asOf } ?? false
                let stop = churned ? (ended ?? asOf) : asOf
                guard stop > started else {
                    throw reader.invalid(
                        churned ? end : start, index,
                        expected: churned ? "an end date after the start date" : "a start date before the as-of date \(asOf)")
                }
                durations.append(Double(stop.days(since: started)) / CalendarDate.daysPerMonth)
                events.append(churned)
            }
            return (durations, events, nil)
        }
    }
}
