extension CoxDesign {
    /// The covariates centred at their weighted means and stored row by row in walk order
    /// (`x[k * p + j]` for design row k = the position of table row i in `order`), with the
    /// means. Columns whose values all lie in {−1, 0, 1} stay uncentred (mean 0), as R's
    /// `coxph` (`nocenter = c(-1, 0, 1)`). The means of a large table's columns are taken in
    /// two halves of the columns at once, each computed the same way whichever thread takes it.
    ///
    /// Holds about one copy of the covariates when `covariates` is handed over (its storage
    /// not shared): each column is centred and put in walk order two columns back (the first
    /// two in two columns of scratch), and then copied into the rows block by block,
    /// the columns' pages returned to the system as the copy passes them
    /// (``MemoryPages/discard(_:)``).
    static func centredRows(
        _ covariates: consuming Matrix, weights: [Double]?, totalWeight: Double, order: [Int]
    ) -> (x: [Double], means: [Double]) {
        let (n, p) = (covariates.rows, covariates.columns)
        var means = [Double](repeating: 0, count: p)
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
        }
        var scratch = [Double](hugePagesRepeating: 0, count: 2 * n)
        let x = covariates.storage.withUnsafeMutableBufferPointer { storage in
            scratch.withUnsafeMutableBufferPointer { scratch in
                order.withUnsafeBufferPointer { order in
                    // Column j, centred and in walk order, goes where column j − 2 was (columns 0
                    // and 1 to the scratch columns): no copying back. Two columns per pass over
                    // `order`, their random reads in flight together (one per pass is 10% slower).
                    let slots = (0..<p).map { j in j < 2 ? scratch.baseAddress! + j * n : storage.baseAddress! + (j - 2) * n }
                    for j in stride(from: 0, to: p, by: 2) {
                        // Both halves of the rows at once: a pass's targets were read by the pass before.
                        nonisolated(unsafe) let (source, target, centre) = (storage.baseAddress! + j * n, slots[j], means[j])
                        nonisolated(unsafe) let positions = order
                        guard j + 1 < p else {
                            ParallelHalves.run(n) { part in
                                for k in part { target[k] = source[positions[k]] - centre }
                            }
                            break
                        }
                        nonisolated(unsafe) let (nextSource, nextTarget, nextCentre) = (source + n, slots[j + 1], means[j + 1])
                        ParallelHalves.run(n) { part in
                            for k in part {
                                let i = positions[k]
                                target[k] = source[i] - centre
                                nextTarget[k] = nextSource[i] - nextCentre
                            }
                        }
                    }
                    return [Double](unsafeUninitializedCapacity: n * p) { rows, count in
                        MemoryPages.preferHugePages(rows)
                        let block = 32_768
                        for start in stride(from: 0, to: n, by: block) {
                            let end = Swift.min(start + block, n)
                            for k in start..<end {
                                let row = rows.baseAddress! + k * p
                                for (j, column) in slots.enumerated() { (row + j).initialize(to: column[k]) }
                            }
                            // Every column's rows up to `end` are copied: release their whole pages,
                            // starting a block back to take in the page the last block ended inside.
                            let from = Swift.max(0, start - block)
                            for column in slots {
                                MemoryPages.discard(UnsafeMutableBufferPointer(start: column + from, count: end - from))
                            }
                        }
                        count = n * p
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
