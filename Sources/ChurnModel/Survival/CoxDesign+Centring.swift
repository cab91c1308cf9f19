extension CoxDesign {
    /// The covariates centred at their weighted means and put in walk order, column by column
    /// in the table's own storage (`x[j * n + k]` for design row k = the position of table row
    /// i in `order`), with the means. Columns whose values all lie in {−1, 0, 1} stay
    /// uncentred (mean 0), as R's `coxph` (`nocenter = c(-1, 0, 1)`).
    ///
    /// Handed over (its storage not shared), the covariate matrix becomes the design without
    /// a second copy or fresh memory beyond two columns of scratch: each pair of columns is
    /// gathered into the scratch, both halves of the rows at once, and copied back. The means
    /// of a large table's columns are taken in two halves of the columns at once. Every value
    /// is computed the same way whichever thread takes it.
    static func centredColumns(
        _ covariates: consuming Matrix, weights: [Double]?, totalWeight: Double, order: [Int]
    ) -> (x: [Double], means: [Double]) {
        let (n, p) = (covariates.rows, covariates.columns)
        var x = covariates.storage
        _ = consume covariates
        var means = [Double](repeating: 0, count: p)
        x.withUnsafeBufferPointer { storage in
            means.withUnsafeMutableBufferPointer { means in
                nonisolated(unsafe) let (columns, centres) = (storage, means)
                ParallelHalves.run(p, minimum: n >= 100_000 ? 2 : p + 1) { range in
                    for j in range {
                        let column = UnsafeBufferPointer(rebasing: columns[(j * n)..<((j + 1) * n)])
                        centres[j] = weightedMean(column, weights: weights, totalWeight: totalWeight)
                    }
                }
            }
        }
        var scratch = [Double](repeating: 0, count: Swift.min(2, p) * n)
        x.withUnsafeMutableBufferPointer { storage in
            scratch.withUnsafeMutableBufferPointer { scratch in
                order.withUnsafeBufferPointer { order in
                    nonisolated(unsafe) let (columns, gathered, positions) = (storage.baseAddress!, scratch.baseAddress!, order)
                    // Two columns per pass over `order`, their random reads in flight together
                    // (one per pass is 10% slower); copied back once the whole pair is read.
                    for j in stride(from: 0, to: p, by: 2) {
                        let width = Swift.min(2, p - j)
                        nonisolated(unsafe) let source = columns + j * n
                        let (first, second) = (means[j], width == 2 ? means[j + 1] : 0)
                        ParallelHalves.run(n) { part in
                            if width == 1 {
                                for k in part { gathered[k] = source[positions[k]] - first }
                            } else {
                                for k in part {
                                    let i = positions[k]
                                    gathered[k] = source[i] - first
                                    gathered[n + k] = source[n + i] - second
                                }
                            }
                        }
                        ParallelHalves.run(n) { part in
                            for column in 0..<width {
                                (source + column * n + part.lowerBound).update(
                                    from: gathered + column * n + part.lowerBound, count: part.count)
                            }
                        }
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
