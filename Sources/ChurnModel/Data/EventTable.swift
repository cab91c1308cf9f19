/// Time-to-event data: one row per subject (or per at-risk interval), validated on creation.
///
/// Row `i` says that a subject was observed at risk on the interval
/// `(entryTimes[i], durations[i]]` — or `(0, durations[i]]` when there is no entry column —
/// and that the interval ended in the event (`events[i] == true`, e.g. churn) or in
/// right censoring. Entry times express late entry (left truncation, delayed entry): a
/// customer first observed at tenure 6 months is not in the risk set before then
/// (Klein & Moeschberger, *Survival Analysis*, 2nd ed., §3.4 and §4.6; Therneau & Grambsch,
/// *Modeling Survival Data*, §2.2, counting-process form `Surv(start, stop, event)`).
///
/// Durations and entry times share one unit (days, months — the caller's choice).
///
/// Covariates (for Cox and parametric regression) are an `n × p` column-major ``Matrix``
/// with one named column per covariate, already numeric (categorical columns expanded to
/// indicators by the loader). Estimators that ignore covariates (Kaplan–Meier,
/// Nelson–Aalen) ignore them.
public struct EventTable: Sendable, Equatable {
    /// Observed durations (event or censoring times), each `>= 0`.
    public let durations: [Double]
    /// `true` where the row ended in the event, `false` where it was right-censored.
    public let events: [Bool]
    /// Entry times for late entry; the subject is at risk on `(entry, duration]`.
    /// `nil` means every subject is at risk from time 0.
    public let entryTimes: [Double]?
    /// Stratum label per row; estimators give one curve per distinct label. `nil` means one
    /// stratum.
    public let strata: [String]?
    /// Positive case weights (frequency weights); `nil` means every row has weight 1.
    public let weights: [Double]?
    /// Subject identifiers, carried for reporting; `nil` when the data has none.
    public let ids: [String]?
    /// Covariate values, one row per table row and one column per name in ``covariateNames``;
    /// `nil` when the table has no covariates.
    public let covariates: Matrix?
    /// Names of the covariate columns, in matrix column order (empty without covariates).
    public let covariateNames: [String]
    /// Cluster label per row (e.g. customer id when one customer has several rows), for
    /// robust (sandwich) variances grouped by cluster; `nil` when rows are independent.
    public let clusters: [String]?

    /// Creates a validated event table.
    ///
    /// - Parameters:
    ///   - durations: Event or censoring times, finite and `>= 0`.
    ///   - events: Event indicators, one per duration.
    ///   - entryTimes: Optional late-entry times, finite and strictly less than the duration
    ///     of the same row (negative values are allowed, as in R's `Surv(start, stop, event)`).
    ///   - strata: Optional stratum labels.
    ///   - weights: Optional case weights, finite and `> 0`.
    ///   - ids: Optional subject identifiers.
    ///   - covariates: Optional `n × p` covariate matrix with finite entries.
    ///   - covariateNames: One name per covariate column.
    ///   - clusters: Optional cluster labels for robust variances.
    /// - Throws: ``EventTableError`` naming the first offending row (1-based) and field.
    /// - Complexity: O(n).
    public init(
        durations: [Double],
        events: [Bool],
        entryTimes: [Double]? = nil,
        strata: [String]? = nil,
        weights: [Double]? = nil,
        ids: [String]? = nil,
        covariates: Matrix? = nil,
        covariateNames: [String] = [],
        clusters: [String]? = nil
    ) throws(EventTableError) {
        let n = durations.count
        guard n > 0 else { throw .empty }
        try Self.checkLength(events.count, of: .event, expected: n)
        if let entryTimes { try Self.checkLength(entryTimes.count, of: .entryTime, expected: n) }
        if let strata { try Self.checkLength(strata.count, of: .stratum, expected: n) }
        if let weights { try Self.checkLength(weights.count, of: .weight, expected: n) }
        if let ids { try Self.checkLength(ids.count, of: .id, expected: n) }
        if let clusters { try Self.checkLength(clusters.count, of: .cluster, expected: n) }
        try Self.checkCovariates(covariates, names: covariateNames, rows: n)

        for i in 0..<n {
            let row = i + 1
            let duration = durations[i]
            guard duration.isFinite else {
                throw .nonFiniteValue(row: row, field: .duration, value: duration)
            }
            guard duration >= 0 else { throw .negativeDuration(row: row, value: duration) }
            if let entryTimes {
                let entry = entryTimes[i]
                guard entry.isFinite else {
                    throw .nonFiniteValue(row: row, field: .entryTime, value: entry)
                }
                guard entry < duration else {
                    throw .entryNotBeforeDuration(row: row, entryTime: entry, duration: duration)
                }
            }
            if let weights {
                let weight = weights[i]
                guard weight.isFinite else {
                    throw .nonFiniteValue(row: row, field: .weight, value: weight)
                }
                guard weight > 0 else { throw .nonPositiveWeight(row: row, value: weight) }
            }
        }
        self.durations = durations
        self.events = events
        self.entryTimes = entryTimes
        self.strata = strata
        self.weights = weights
        self.ids = ids
        self.covariates = covariates
        self.covariateNames = covariateNames
        self.clusters = clusters
    }

    /// The same rows without covariates; the covariate matrix is neither copied nor kept.
    var withoutCovariates: EventTable { EventTable(withoutCovariatesOf: self) }

    private init(withoutCovariatesOf table: EventTable) {
        durations = table.durations
        events = table.events
        entryTimes = table.entryTimes
        strata = table.strata
        weights = table.weights
        ids = table.ids
        covariates = nil
        covariateNames = []
        clusters = table.clusters
    }

    /// Number of rows.
    public var count: Int { durations.count }

    /// Case weight of row `index` (0-based), 1 when the table has no weights.
    public func weight(at index: Int) -> Double { weights?[index] ?? 1 }

    /// Number of covariate columns.
    public var covariateCount: Int { covariateNames.count }

    private static func checkCovariates(
        _ covariates: Matrix?, names: [String], rows: Int
    ) throws(EventTableError) {
        guard let covariates else {
            try checkLength(names.count, of: .covariate, expected: 0)
            return
        }
        try checkLength(covariates.rows, of: .covariate, expected: rows)
        try checkLength(names.count, of: .covariate, expected: covariates.columns)
        for column in 0..<covariates.columns {
            for row in 0..<rows where !covariates[row, column].isFinite {
                throw .nonFiniteCovariate(row: row + 1, name: names[column], value: covariates[row, column])
            }
        }
    }

    private static func checkLength(
        _ actual: Int, of field: EventTableField, expected: Int
    ) throws(EventTableError) {
        guard actual == expected else {
            throw .lengthMismatch(field: field, expected: expected, actual: actual)
        }
    }
}
