/// The customers on the books today, one per CSV row: each with its own MRR, the tenure it
/// has already survived, and (for a fitted churn model) its covariates.
///
/// Scenario syntax, in place of a customer count:
/// ```yaml
/// customers:
///   file: data/current_customers.csv   # relative to the scenario's folder
///   segment_column: segment            # optional: keep the rows whose value is this segment's name
///   id: customer_id                    # optional
///   mrr: mrr                           # current monthly recurring revenue
///   tenure: tenure_months              # months already survived (≥ 0)
///   covariates: { sponsor_change: sponsor_change, login_trend: login_trend }   # model column: CSV column
/// ```
/// The CSV is read when the scenario is loaded; covariate cells stay text until the plan
/// encodes them the way the fitted model's history was encoded.
public struct CustomerBook: Sendable, Equatable {
    /// The CSV file, resolved against the scenario's folder.
    public var file: String
    /// Account identifiers (the data row, `row N`, without an `id` column).
    public var ids: [String]
    /// Current monthly recurring revenue of each customer (currency/month).
    public var monthlyRecurringRevenue: [Double]
    /// Tenure already survived by each customer, in months.
    public var tenureMonths: [Double]
    /// Raw cells by the fitted model's covariate column (the history's column name), in
    /// customer order.
    public var covariateCells: [String: [String]]
    /// The CSV column each of `covariateCells` was read from, for messages.
    public var covariateColumns: [String: String]
    /// Data row (1-based, header excluded) of each customer, for messages.
    public var rows: [Int]
    /// The line of the file on which each data row starts, for messages.
    public var rowLines: RowLines

    /// Creates a book from already validated columns of equal length; `rowLines` defaults to
    /// a file whose rows start on consecutive lines after a one-line header.
    public init(
        file: String, ids: [String], monthlyRecurringRevenue: [Double], tenureMonths: [Double],
        covariateCells: [String: [String]] = [:], covariateColumns: [String: String] = [:], rows: [Int],
        rowLines: RowLines = RowLines()
    ) {
        precondition(
            [ids.count, tenureMonths.count, rows.count].allSatisfy { $0 == monthlyRecurringRevenue.count }
                && covariateCells.values.allSatisfy { $0.count == monthlyRecurringRevenue.count }
                && Set(covariateCells.keys) == Set(covariateColumns.keys),
            "one value per customer in every column")
        self.file = file
        self.ids = ids
        self.monthlyRecurringRevenue = monthlyRecurringRevenue
        self.tenureMonths = tenureMonths
        self.covariateCells = covariateCells
        self.covariateColumns = covariateColumns
        self.rows = rows
        self.rowLines = rowLines
    }

    /// Number of customers.
    public var count: Int { monthlyRecurringRevenue.count }
}
