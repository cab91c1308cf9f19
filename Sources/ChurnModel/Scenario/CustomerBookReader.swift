import Yams

/// Reads a segment's `customers: { file, mrr, tenure, id, segment_column, covariates }`.
enum CustomerBookReader {
    static let keys = ["file", "segment_column", "id", "mrr", "tenure", "covariates"]

    /// The book under `customers` for segment `segmentName`, or nil after reporting its
    /// problems (a bad cell is located by file, row and column).
    static func read(_ segment: YAMLMappingReader, segmentName: String?) -> CustomerBook? {
        guard let book = segment.mapping("customers", allowedKeys: keys) else { return nil }
        let file = book.string("file")
        let mrr = book.string("mrr")
        let tenure = book.string("tenure")
        let id = book.string("id", required: false)
        let segmentColumn = book.string("segment_column", required: false)
        let covariates = readCovariateColumns(book)
        guard let file, let mrr, let tenure, let covariates else { return nil }
        if segmentColumn != nil, segmentName == nil { return nil }
        let diagnostics = book.diagnostics
        return diagnostics.readingData(at: book.mapping.mark, keyPath: book.keyPath) {
            let labels = [id, segmentColumn].compactMap { $0 } + covariates.map(\.column)
            let columns = [(mrr, CSVColumn.Kind.numbers), (tenure, .numbers)] + labels.map { ($0, .text) }
            let csv = try CSVColumns.read(path: diagnostics.resolve(file), columns: columns, delimiter: .auto)
            let kept = segmentColumn.map { column in
                let cells = csv.column(column)
                return cells.indices.filter { cells[$0] == segmentName }
            } ?? Array(0..<csv.rowCount)
            guard !kept.isEmpty else {
                throw DataError.invalidTable(
                    file: csv.file, reason: "no row has \(segmentColumn ?? "") = '\(segmentName ?? "")'")
            }
            let reader = CellReader(csv: csv, rows: kept)
            return CustomerBook(
                file: csv.file, ids: try id.map { try reader.cells($0) } ?? kept.map { "row \($0 + 1)" },
                monthlyRecurringRevenue: try reader.numbers(mrr, expected: "an MRR ≥ 0", where: { $0 >= 0 }),
                tenureMonths: try reader.numbers(tenure, expected: "a tenure in months ≥ 0", where: { $0 >= 0 }),
                covariateCells: Dictionary(try covariates.map { ($0.model, try reader.cells($0.column)) }, uniquingKeysWith: { first, _ in first }),
                covariateColumns: Dictionary(covariates.map { ($0.model, $0.column) }, uniquingKeysWith: { first, _ in first }),
                rows: kept.map { $0 + 1 }, rowLines: csv.rowLines)
        }
    }

    /// `covariates: { model column: CSV column }`; empty when absent.
    private static func readCovariateColumns(_ book: YAMLMappingReader) -> [(model: String, column: String)]? {
        guard let node = book.node("covariates", required: false) else { return [] }
        guard case .mapping(let mapping) = node else {
            book.diagnostics.report(
                .invalidValue(expected: "a mapping of model covariate to CSV column", found: node.summary),
                at: node.mark, keyPath: book.path("covariates"))
            return nil
        }
        var pairs: [(model: String, column: String)] = []
        for (key, value) in mapping {
            guard let model = key.string, case .scalar(let column) = value, !column.string.isEmpty else {
                book.diagnostics.report(
                    .invalidValue(expected: "a CSV column name", found: value.summary),
                    at: value.mark, keyPath: book.path("covariates.\(key.string ?? "")"))
                return nil
            }
            pairs.append((model, column.string))
        }
        return pairs
    }
}
