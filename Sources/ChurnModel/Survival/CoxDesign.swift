import RealModule

/// The Cox model's data arranged once for every likelihood evaluation: tie-corrected
/// times, covariates centred (except indicator columns, as R) and stored column by column, the rows
/// reordered by stratum and, within a stratum, by decreasing stop time (events first at equal
/// times), plus each stratum's rows by decreasing entry time.
///
/// The two orders let every pass over a stratum walk the event times backwards while
/// keeping running risk-set sums: a row joins the risk set when the walk reaches its stop
/// time and leaves it once the walk reaches its entry time (subject at risk at t iff
/// entry < t ≤ stop; Therneau & Grambsch 2000, §3.7, counting-process form). Storing the
/// rows in walk order makes every pass read memory sequentially; ``tableRow`` maps a design
/// row back to the table.
struct CoxDesign: Sendable {
    /// One stratum's row orders.
    struct Stratum: Sendable {
        /// Stratum label; `nil` for an unstratified table.
        var label: String?
        /// The stratum's design rows, by decreasing stop time, events before censorings at
        /// equal times.
        var rows: Range<Int>
        /// The stratum's design rows by decreasing entry time; empty without entry times.
        var byEntry: [Int]
    }

    let rowCount: Int
    let covariateCount: Int
    /// The table row of each design row.
    let tableRow: [Int]
    /// Centred covariates, column-major in design-row order: `x[j * rowCount + i]` = xᵢⱼ − x̄ⱼ;
    /// empty once ``releaseCovariates()`` has run.
    private(set) var x: [Double]
    /// Weighted column means x̄ (R's `fit$means`); 0 for columns whose values all lie in
    /// {−1, 0, 1}, which R leaves uncentred.
    let means: [Double]
    let stop: [Double]
    /// Entry times; `nil` when every row is at risk from −∞ (right-censored data).
    let entry: [Double]?
    let event: [Bool]
    let weight: CoxRowWeights
    let strata: [Stratum]
    let names: [String]

    /// Builds the design from a table, merging near-tied times as R's `aeqSurv`.
    ///
    /// Taken over (`consume` it), the table's covariate matrix becomes the design's covariates
    /// in place (``centredColumns(_:weights:totalWeight:order:)``), after everything else of
    /// the table is released; an unweighted design holds no weights.
    ///
    /// - Throws: ``CoxModelError/noCovariates``, ``CoxModelError/noEvents``,
    ///   ``CoxModelError/constantCovariate(name:)``, ``CoxModelError/tieCorrection(_:)``.
    /// - Complexity: O(n log n + n·p).
    init(_ table: consuming EventTable, tieTolerance: Double) throws(CoxModelError) {
        guard let covariates = table.covariates, table.covariateCount > 0 else {
            throw .noCovariates
        }
        guard table.events.contains(true) else { throw .noEvents }
        let walk = try WalkOrder(table, covariates: covariates, tieTolerance: tieTolerance)
        let n = table.count
        let tableWeights = table.weights
        let weighted = tableWeights.map { w in walk.order.map { w[$0] } }
        names = table.covariateNames
        _ = consume table
        let (x, means) = Self.centredColumns(
            consume covariates, weights: tableWeights, totalWeight: weighted?.reduce(0, +) ?? Double(n),
            order: walk.order)
        rowCount = n
        covariateCount = means.count
        tableRow = walk.order
        self.x = x
        self.means = means
        self.stop = walk.stop
        self.entry = walk.entry
        self.event = walk.event
        self.weight = CoxRowWeights(weighted)
        self.strata = walk.strata
    }

    /// Frees the covariates, the largest part of the design, for the passes that read only
    /// times, events, weights and strata (the concordance); passes that read covariates must
    /// run before.
    mutating func releaseCovariates() {
        x = []
    }

    /// `values` (one per design row, or `width` per row, row-major) rearranged into table
    /// row order.
    func inTableOrder(_ values: [Double], width: Int = 1) -> [Double] {
        var result = [Double](repeating: 0, count: values.count)
        for i in 0..<rowCount {
            let target = tableRow[i] * width
            for j in 0..<width { result[target + j] = values[i * width + j] }
        }
        return result
    }

    /// Centred linear predictors ηᵢ = (xᵢ − x̄)·β.
    func linearPredictors(_ beta: [Double]) -> [Double] {
        linearPredictorsAndRisks(beta, risks: false).eta
    }

    /// Relative risks exp(ηᵢ).
    func relativeRisks(_ beta: [Double]) -> [Double] {
        linearPredictorsAndRisks(beta, risks: true).risk
    }

    /// The relative risks at `beta` for ``forEachEventTime(in:risks:secondMoments:_:)``:
    /// computed block by block as the walk reaches the rows, or per row up front when rows
    /// also leave the risk set (entry times).
    func walkRisks(_ beta: [Double]) -> RelativeRisks {
        entry == nil ? .coefficients(beta) : .perRow(relativeRisks(beta))
    }

    /// ηᵢ and, with `risks`, exp(ηᵢ) (otherwise an empty array), computed in two halves of
    /// the rows at once (BLAS `dgemv` on each).
    func linearPredictorsAndRisks(_ beta: [Double], risks: Bool = true) -> (eta: [Double], risk: [Double]) {
        let (n, p) = (rowCount, covariateCount)
        var eta = [Double](hugePagesRepeating: 0, count: n)
        var risk = [Double](hugePagesRepeating: 0, count: risks ? n : 0)
        x.withUnsafeBufferPointer { x in
            eta.withUnsafeMutableBufferPointer { eta in
                risk.withUnsafeMutableBufferPointer { risk in
                    nonisolated(unsafe) let (rows, predictors, relative) = (x, eta, risk)  // rows: the covariates
                    ParallelHalves.run(n) { range in
                        ColumnMajorKernels.multiply(
                            rows.baseAddress! + range.lowerBound, rows: range.count, columns: p,
                            leadingDimension: n, beta, into: predictors.baseAddress! + range.lowerBound)
                        guard risks else { return }
                        for i in range { relative[i] = Double.exp(predictors[i]) }
                    }
                }
            }
        }
        return (eta, risk)
    }
}
