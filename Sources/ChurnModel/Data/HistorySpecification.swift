/// Which columns of a customer-history CSV make up the survival data, and how to read them.
///
/// Time comes either from a duration column (in any unit) or from a start date and an
/// optional end date (blank = still active, censored at `asOf`), converted to months.
public struct HistorySpecification: Sendable, Equatable {
    /// Where the observed time comes from.
    public enum Time: Sendable, Equatable {
        /// Duration and event columns; `entry` gives late-entry times in the same unit.
        case duration(column: String, event: String, entry: String?)
        /// Dates (see ``DateFormat``): start, end (missing while active), and the as-of date
        /// censoring active customers. Durations are in months of 365.25/12 days; a row
        /// with an end date is an event (churn).
        case dates(start: String, end: String, asOf: CalendarDate)
    }

    /// What to do with a row that has a missing cell (one of ``missingTokens``) in a used
    /// column. A missing end date is never a problem: it marks a customer still active.
    public enum MissingValuePolicy: String, Sendable, CaseIterable {
        /// Stop with an error naming the row and column.
        case error
        /// Drop the row (as R's default `na.omit`) and record a warning with the count.
        case dropRow = "drop"

        /// Cells that mean "missing", compared case-insensitively after trimming: empty,
        /// `NA`, `N/A`, `#N/A` (Excel), `NaN`, `null`, `None`.
        public static let missingTokens: Set<String> = ["", "na", "n/a", "#n/a", "nan", "null", "none"]

        /// Whether `cell` is one of ``missingTokens`` (checked on length first: most cells are not).
        static func isMissing(_ cell: String) -> Bool {
            guard let first = cell.utf8.first else { return true }
            // No token starts with a digit or a sign: numbers, most cells, skip the lookup.
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "-") { return false }
            return cell.utf8.count <= 4 && missingTokens.contains(cell.lowercased())
        }
    }

    /// Time columns.
    public var time: Time
    /// Covariate columns, in model order.
    public var covariates: [String]
    /// Stratum column, if any.
    public var strata: String?
    /// Case-weight column, if any.
    public var weights: String?
    /// Cluster column for robust variances, if any.
    public var cluster: String?
    /// Treatment column (a 0/1 flag, as `churnsim effect` compares the arms), if any.
    public var treatment: String?
    /// Revenue column (MRR, a number ≥ 0), if any, for putting a value on retention.
    public var revenue: String?
    /// Reference level per categorical covariate (default: the first level in sorted order).
    public var referenceLevels: [String: String]
    /// Covariates taken as text levels whatever their cells look like (numbers too), and
    /// allowed more than ``CovariateEncoder/implicitLevelLimit`` levels; a covariate with a
    /// reference level is one too.
    public var categorical: Set<String>
    /// Missing-value policy.
    public var missingValues: MissingValuePolicy
    /// Field separator of the file.
    public var delimiter: CSVDelimiter
    /// How the date columns are written.
    public var dateFormat: DateFormat
    /// Whether a duration column's cells must be > 0 rather than ≥ 0, as a log-time
    /// (parametric AFT) model needs; a 0 is then reported with its row and line.
    public var positiveDurations = false

    /// Creates a specification.
    public init(
        time: Time, covariates: [String] = [], strata: String? = nil, weights: String? = nil,
        cluster: String? = nil, referenceLevels: [String: String] = [:], categorical: Set<String> = [],
        missingValues: MissingValuePolicy = .error, delimiter: CSVDelimiter = .auto, dateFormat: DateFormat = .auto
    ) {
        self.categorical = categorical
        self.time = time
        self.covariates = covariates
        self.strata = strata
        self.weights = weights
        self.cluster = cluster
        self.referenceLevels = referenceLevels
        self.missingValues = missingValues
        self.delimiter = delimiter
        self.dateFormat = dateFormat
    }

    /// Every column the specification reads.
    var columns: [String] {
        var names: [String]
        switch time {
        case .duration(let column, let event, let entry): names = [column, event] + (entry.map { [$0] } ?? [])
        case .dates(let start, let end, _): names = [start, end]
        }
        return names + covariates + [strata, weights, cluster, treatment, revenue].compactMap { $0 }
    }

    /// Every column the specification reads, with how to keep it: numbers for times, flags,
    /// weights and covariates, dates for dates (both parsed from the bytes); text for labels.
    var columnKinds: [(String, CSVColumn.Kind)] {
        let labels = Set([strata, cluster].compactMap { $0 }).union(categorical)
        var dates: Set<String> = []
        if case .dates(let start, let end, _) = time { dates = [start, end] }
        return columns.map { dates.contains($0) ? ($0, .dates) : ($0, labels.contains($0) ? .text : .numbers) }
    }
}
