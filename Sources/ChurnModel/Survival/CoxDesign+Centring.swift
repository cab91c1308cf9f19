extension CoxDesign {
    /// The covariates centred at their weighted means and stored row by row in walk order
    /// (`x[k * p + j]` for design row k = the position of table row i in `order`), with the
    /// means. Columns whose values all lie in {−1, 0, 1} stay uncentred (mean 0), as R's
    /// `coxph` (`nocenter = c(-1, 0, 1)`). The means of a large table's columns are taken in
    /// two halves of the columns at once, each computed the same way whichever thread takes it.
    static func centredRows(
        _ covariates: Matrix, weights: [Double]?, totalWeight: Double, order: [Int]
    ) -> (x: [Double], means: [Double]) {
        let (n, p) = (covariates.rows, covariates.columns)
        var means = [Double](repeating: 0, count: p)
        var x = [Double](repeating: 0, count: n * p)
        var position = [Int](repeating: 0, count: n)
        for (k, row) in order.enumerated() { position[row] = k }
        covariates.storage.withUnsafeBufferPointer { storage in
            means.withUnsafeMutableBufferPointer { means in
                nonisolated(unsafe) let (columns, centres) = (storage, means)
                ParallelHalves.run(p, minimum: n >= 100_000 ? 2 : p + 1) { range in
                    for j in range {
                        let column = UnsafeBufferPointer(rebasing: columns[(j * n)..<((j + 1) * n)])
                        centres[j] = weightedMean(column, weights: weights, totalWeight: totalWeight)
                    }
                }
            }
            x.withUnsafeMutableBufferPointer { x in
                position.withUnsafeBufferPointer { position in
                    let (rows, columns, positions, centres) = (x, storage, position, means)
                    // One contiguous write per table row, at its design position. On one thread:
                    // two threads writing rows at random positions share cache lines and gain nothing.
                    for i in 0..<n {
                        let base = positions[i] * p
                        for j in 0..<p { rows[base + j] = columns[j * n + i] - centres[j] }
                    }
                }
            }
        }
        return (x, means)
    }

    /// Σ wᵢxᵢ / Σ w, or 0 for an indicator-like column (values in {−1, 0, 1}).
    private static func weightedMean(
        _ column: UnsafeBufferPointer<Double>, weights: [Double]?, totalWeight: Double
    ) -> Double {
        guard !column.allSatisfy({ $0 == 0 || $0 == 1 || $0 == -1 }) else { return 0 }
        var sum = 0.0
        if let weights {
            for i in column.indices { sum += weights[i] * column[i] }
        } else {
            for value in column { sum += value }
        }
        return sum / totalWeight
    }
}
