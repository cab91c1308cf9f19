/// The Cox model's data arranged once for every likelihood evaluation: tie-corrected
/// times, covariates centred (except indicator columns, as R) and stored row by row, and each stratum's rows sorted by
/// decreasing stop time and by decreasing entry time.
///
/// The two orders let every pass over a stratum walk the event times backwards while
/// keeping running risk-set sums: a row joins the risk set when the walk reaches its stop
/// time and leaves it once the walk reaches its entry time (subject at risk at t iff
/// entry < t ≤ stop; Therneau & Grambsch 2000, §3.7, counting-process form).
struct CoxDesign: Sendable {
    /// One stratum's row orders.
    struct Stratum: Sendable {
        /// Stratum label; `nil` for an unstratified table.
        var label: String?
        /// Row indices by decreasing stop time, events before censorings at equal times.
        var byStop: [Int]
        /// Row indices by decreasing entry time; empty without entry times.
        var byEntry: [Int]
    }

    let rowCount: Int
    let covariateCount: Int
    /// Centred covariates, row-major: `x[i * p + j]` = xᵢⱼ − x̄ⱼ.
    let x: [Double]
    /// Weighted column means x̄ (R's `fit$means`); 0 for columns whose values all lie in
    /// {−1, 0, 1}, which R leaves uncentred.
    let means: [Double]
    let stop: [Double]
    /// Entry times; `nil` when every row is at risk from −∞ (right-censored data).
    let entry: [Double]?
    let event: [Bool]
    let weight: [Double]
    let strata: [Stratum]
    let names: [String]

    /// Builds the design from a table, merging near-tied times as R's `aeqSurv`.
    ///
    /// - Throws: ``CoxModelError/noCovariates``, ``CoxModelError/noEvents``,
    ///   ``CoxModelError/constantCovariate(name:)``, ``CoxModelError/tieCorrection(_:)``.
    /// - Complexity: O(n log n + n·p).
    init(_ table: EventTable, tieTolerance: Double) throws(CoxModelError) {
        guard let covariates = table.covariates, table.covariateCount > 0 else {
            throw .noCovariates
        }
        guard table.events.contains(true) else { throw .noEvents }
        let corrected: (durations: [Double], entryTimes: [Double]?)
        do {
            corrected = try TieCorrection.apply(
                durations: table.durations, entryTimes: table.entryTimes,
                tolerance: tieTolerance)
        } catch {
            throw .tieCorrection(error)
        }
        let n = table.count
        let p = table.covariateCount
        let weight = (0..<n).map { table.weight(at: $0) }
        let totalWeight = weight.reduce(0, +)
        var means = [Double](repeating: 0, count: p)
        var x = [Double](repeating: 0, count: n * p)
        for j in 0..<p {
            // As R's coxph (`nocenter = c(-1, 0, 1)`): indicator-like columns stay uncentred.
            let indicator = (0..<n).allSatisfy { [-1, 0, 1].contains(covariates[$0, j]) }
            var sum = 0.0
            for i in 0..<n { sum += weight[i] * covariates[i, j] }
            means[j] = indicator ? 0 : sum / totalWeight
            for i in 0..<n { x[i * p + j] = covariates[i, j] - means[j] }
        }

        var groups: [(String?, [Int])]
        if let labels = table.strata {
            var byLabel: [String: [Int]] = [:]
            for (i, label) in labels.enumerated() { byLabel[label, default: []].append(i) }
            groups = byLabel.keys.sorted().map { ($0, byLabel[$0] ?? []) }
        } else {
            groups = [(nil, Array(0..<n))]
        }
        let stop = corrected.durations
        let events = table.events
        strata = groups.map { label, rows in
            let byStop = rows.sorted {
                stop[$0] != stop[$1] ? stop[$0] > stop[$1] : (events[$0] && !events[$1])
            }
            let byEntry = corrected.entryTimes.map { e in rows.sorted { e[$0] > e[$1] } } ?? []
            return Stratum(label: label, byStop: byStop, byEntry: byEntry)
        }
        // A column is constant when it takes one value within every stratum: stratified
        // partial likelihoods compare rows within a stratum only.
        for j in 0..<p {
            let varies = groups.contains { _, rows in
                guard let first = rows.first else { return false }
                return rows.contains { covariates[$0, j] != covariates[first, j] }
            }
            if !varies { throw .constantCovariate(name: table.covariateNames[j]) }
        }
        rowCount = n
        covariateCount = p
        self.x = x
        self.means = means
        self.stop = stop
        self.entry = corrected.entryTimes
        self.event = events
        self.weight = weight
        self.names = table.covariateNames
    }

    /// Centred linear predictors ηᵢ = (xᵢ − x̄)·β.
    func linearPredictors(_ beta: [Double]) -> [Double] {
        let p = covariateCount
        return (0..<rowCount).map { i in
            var eta = 0.0
            for j in 0..<p { eta += x[i * p + j] * beta[j] }
            return eta
        }
    }
}
