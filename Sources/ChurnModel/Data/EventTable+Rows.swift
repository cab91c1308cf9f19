extension EventTable {
    /// The rows `rows` (0-based, any order) of this table, with every column, covariates included.
    func subset(rows: [Int]) -> EventTable {
        let covariates = self.covariates.map { matrix in
            Matrix(
                rows: rows.count, columns: matrix.columns,
                columnMajor: (0..<matrix.columns).flatMap { column in rows.map { matrix[$0, column] } })
        }
        // Rows of a validated table: every check passes again.
        return try! EventTable(
            durations: rows.map { durations[$0] }, events: rows.map { events[$0] },
            entryTimes: entryTimes.map { entry in rows.map { entry[$0] } }, strata: strata.map { s in rows.map { s[$0] } },
            weights: weights.map { w in rows.map { w[$0] } }, ids: ids.map { i in rows.map { i[$0] } },
            covariates: covariates, covariateNames: covariateNames, clusters: clusters.map { c in rows.map { c[$0] } })
    }
}
