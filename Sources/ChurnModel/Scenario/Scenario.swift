/// A validated portfolio scenario: what an analyst writes in a scenario file.
///
/// Obtain one from ``ScenarioLoader/load(contentsOf:)``, which checks every field and
/// reports each problem with its file, line and key path. Rates are stored in the units
/// the simulator uses (monthly), whatever unit the file used.
public struct Scenario: Sendable, Equatable {
    /// Human-readable name; also names the report folder.
    public var name: String
    /// Number of months simulated from today (month 0).
    public var horizonMonths: Int
    /// Number of Monte Carlo paths.
    public var paths: Int
    /// Seed of the random streams; with the same scenario it fixes every number.
    public var seed: UInt64
    /// Annual discount rate used for net present values (0.10 = 10% a year).
    public var discountRateAnnual: Double
    /// Customer segments of the portfolio, in file order.
    public var segments: [Segment]
    /// Correlated downturns across segments, if the scenario has them.
    public var downturn: Downturn?
    /// Folder of the scenario file, against which relative model paths resolve.
    public var baseDirectory: String
    /// The Customer Success team and its effect on churn, if the scenario has one.
    public var customerSuccess: CustomerSuccess?
    /// The grid and team limits of `churnsim staffing`, if the scenario sets them.
    public var staffing: StaffingSettings?

    /// Creates a scenario from already validated parts; `customerSuccess` must have one
    /// coverage per segment.
    public init(
        name: String, horizonMonths: Int, paths: Int, seed: UInt64,
        discountRateAnnual: Double, segments: [Segment], downturn: Downturn? = nil, baseDirectory: String = ".",
        customerSuccess: CustomerSuccess? = nil, staffing: StaffingSettings? = nil
    ) {
        precondition(customerSuccess.map { $0.coverage.count == segments.count } ?? true, "one coverage per segment")
        self.customerSuccess = customerSuccess
        self.staffing = staffing
        self.name = name
        self.horizonMonths = horizonMonths
        self.paths = paths
        self.seed = seed
        self.discountRateAnnual = discountRateAnnual
        self.segments = segments
        self.downturn = downturn
        self.baseDirectory = baseDirectory
    }
}

/// One homogeneous group of customers: those on the books at month 0 (treated as acquired
/// then, with their CAC) and, optionally, new logos won during the horizon.
public struct Segment: Sendable, Equatable {
    /// Segment name, unique within a scenario.
    public var name: String
    /// Number of customers in the segment at month 0 (the book's size when there is one).
    public var customers: Int
    /// Distribution of a customer's monthly recurring revenue, in currency per month.
    public var monthlyRecurringRevenue: ValueDistribution
    /// Share of revenue left after the cost of serving it, in [0, 1].
    public var grossMargin: Double
    /// Sales and marketing cost to acquire one customer, in currency, paid at month 0.
    public var acquisitionCost: ValueDistribution
    /// Contract length in months; customers can leave only at the end of a term.
    public var contractTermMonths: Int
    /// How customers churn.
    public var churn: ChurnSpecification
    /// Expansion, contraction, price uplift and cost to serve.
    public var revenue: RevenueDynamics
    /// New customers won each month, if any.
    public var newBusiness: NewBusiness?
    /// The customers on the books today, each with its own MRR, tenure and covariates; nil
    /// when the segment's `customers` are drawn from `monthlyRecurringRevenue` at tenure 0.
    /// A book's customers were acquired in the past: their CAC is sunk and not counted, and
    /// `acquisitionCost` and `monthlyRecurringRevenue` apply to new logos.
    public var book: CustomerBook?

    /// Creates a segment from already validated parts; with a `book`, `customers` must be its size.
    public init(
        name: String, customers: Int, monthlyRecurringRevenue: ValueDistribution,
        grossMargin: Double, acquisitionCost: ValueDistribution, contractTermMonths: Int,
        churn: ChurnSpecification, revenue: RevenueDynamics = .none, newBusiness: NewBusiness? = nil,
        book: CustomerBook? = nil
    ) {
        precondition(book.map { $0.count == customers } ?? true, "customers must be the book's size")
        self.book = book
        self.name = name
        self.customers = customers
        self.monthlyRecurringRevenue = monthlyRecurringRevenue
        self.grossMargin = grossMargin
        self.acquisitionCost = acquisitionCost
        self.contractTermMonths = contractTermMonths
        self.churn = churn
        self.revenue = revenue
        self.newBusiness = newBusiness
    }
}
