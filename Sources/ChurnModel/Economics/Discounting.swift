import RealModule

/// Monthly discounting derived from an annual discount rate.
///
/// Cash of month `k` (k = 1, 2, …) is received at the start of that month (subscriptions
/// bill in advance) and so is worth `v^(k−1)` today, with `v = (1 + r)^(−1/12)`.
public struct MonthlyDiscount: Sendable, Equatable {
    /// Annual discount rate r (0.10 = 10% a year).
    public let annualRate: Double
    /// log v = −log(1 + r) / 12, kept to evaluate annuities without cancellation.
    public let logFactor: Double

    /// Creates the discounting for an annual rate `annualRate` ≥ 0.
    public init(annualRate: Double) {
        precondition(annualRate >= 0 && annualRate.isFinite, "discount rate must be finite and >= 0")
        self.annualRate = annualRate
        self.logFactor = -Double.log(onePlus: annualRate) / 12
    }

    /// The monthly discount factor v.
    public var factor: Double { Double.exp(logFactor) }

    /// Present value of 1 per month paid at the start of each of `months` months:
    /// Σ_{k=0}^{n−1} v^k = (1 − vⁿ) / (1 − v), computed as expm1(n·log v) / expm1(log v)
    /// so that rates near zero keep full precision; exactly `n` when r = 0.
    /// - Complexity: O(1).
    @inlinable
    public func annuity(months: Int) -> Double {
        if logFactor == 0 { return Double(months) }
        return Double.expMinusOne(Double(months) * logFactor) / Double.expMinusOne(logFactor)
    }

    /// The annuities of 0 … `maximumMonths` months, `table[n] == annuity(months: n)` bit for
    /// bit, so that a simulation can look an annuity up instead of evaluating two `expm1`
    /// per customer.
    /// - Parameter maximumMonths: The longest term needed (≥ 0), e.g. the horizon.
    /// - Complexity: O(maximumMonths).
    public func annuityTable(maximumMonths: Int) -> [Double] {
        precondition(maximumMonths >= 0, "annuity table needs maximumMonths >= 0")
        return (0...maximumMonths).map { annuity(months: $0) }
    }
}
