/// Reads a contractual cohort for the shifted-beta-geometric model: a CSV with columns
/// `period` (0, 1, 2, … in order) and `active` (customers still active after that many
/// renewals; period 0 holds the starting cohort).
public enum CohortCountsLoader {
    /// The active counts in period order, from the file at `path` separated by `delimiter`.
    /// - Throws: ``DataError`` naming the row for a missing, non-integer or out-of-order period
    ///   or a negative count.
    public static func load(path: String, delimiter: CSVDelimiter = .auto) throws -> [Int] {
        let csv = try CSVColumns.read(path: path, columns: ["period", "active"], delimiter: delimiter)
        let reader = CellReader(csv: csv)
        var counts: [Int] = []
        for (index, (period, active)) in zip(try reader.cells("period"), try reader.cells("active")).enumerated() {
            guard Int(period) == index else {
                throw reader.invalid("period", index, expected: "period \(index) (periods run 0, 1, 2, … in order)")
            }
            guard let count = Int(active), count >= 0 else {
                throw reader.invalid("active", index, expected: "a whole number of customers ≥ 0")
            }
            counts.append(count)
        }
        return counts
    }
}
