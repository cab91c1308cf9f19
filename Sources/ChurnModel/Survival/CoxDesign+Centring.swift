extension CoxDesign {
    /// The covariates centred at their weighted means and put in walk order, column by column
    /// in the table's own storage (`x[j * n + k]` for design row k = the position of table row
    /// i in `order`), with the means. Columns whose values all lie in {−1, 0, 1} stay
    /// uncentred (mean 0), as R's `coxph` (`nocenter = c(-1, 0, 1)`).
    ///
    /// Handed over (its storage not shared), the covariate matrix becomes the design without
    /// a second copy or fresh memory beyond two columns of scratch: each pair of columns is
    /// scattered into the scratch, both halves of the table rows at once, and copied back.
    /// Scattering reads the columns in order and writes each value at its design row, which
    /// with tied times (a few hundred stop-time groups, each in table-row order) fills a few
    /// hundred sequential streams, where gathering in design order would sweep each column
    /// once per group, one cache line per value. The means
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
        var position = [Int](repeating: 0, count: n)  // the design row of each table row
        for (k, i) in order.enumerated() { position[i] = k }
        var scratch = [Double](repeating: 0, count: Swift.min(2, p) * n)
        x.withUnsafeMutableBufferPointer { storage in
            scratch.withUnsafeMutableBufferPointer { scratch in
                position.withUnsafeBufferPointer { position in
                    nonisolated(unsafe) let (columns, scattered, target) = (storage.baseAddress!, scratch.baseAddress!, position)
                    // Two columns per pass (one per pass is slower); copied back once the pair is read.
                    for j in stride(from: 0, to: p, by: 2) {
                        let width = Swift.min(2, p - j)
                        nonisolated(unsafe) let source = columns + j * n
                        let (first, second) = (means[j], width == 2 ? means[j + 1] : 0)
                        ParallelHalves.run(n) { part in
                            if width == 1 {
                                for i in part { scattered[target[i]] = source[i] - first }
                            } else {
                                for i in part {
                                    let k = target[i]
                                    scattered[k] = source[i] - first
                                    scattered[n + k] = source[n + i] - second
                                }
                            }
                        }
                        ParallelHalves.run(n) { part in
                            for column in 0..<width {
                                (source + column * n + part.lowerBound).update(
                                    from: scattered + column * n + part.lowerBound, count: part.count)
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
