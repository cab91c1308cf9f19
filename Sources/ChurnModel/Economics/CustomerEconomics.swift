/// Unit economics of one customer: the formulas behind CAC payback and per-customer profit.
public enum CustomerEconomics {
    /// The CAC payback month: the first month `k ≥ 1` whose cumulative gross profit
    /// `k × monthlyGrossProfit` reaches the acquisition cost (DOMAIN.md), undiscounted.
    ///
    /// A relative slack of 1e-12 absorbs rounding in `cac / monthlyGrossProfit`, so that
    /// 3000 / 375 is month 8 even if the quotient is computed as 8.000000000000002.
    /// - Returns: the month, or nil when the customer never earns a gross profit.
    @inlinable
    public static func paybackMonth(acquisitionCost cac: Double, monthlyGrossProfit: Double) -> Int? {
        let month = paybackMonthOrZero(acquisitionCost: cac, monthlyGrossProfit: monthlyGrossProfit)
        return month > 0 ? month : nil
    }

    /// ``paybackMonth(acquisitionCost:monthlyGrossProfit:)`` with 0 for never, computed with
    /// selects instead of early exits, so that a simulation loop over customers whose
    /// payback varies pays no branch mispredictions.
    ///
    /// ⌈q⌉ is truncation plus a correction, exact for 1 < q < 2⁶² (q is clamped into
    /// [1, 2⁶²] first, so the conversion never traps), with no call to `ceil`.
    @inlinable @inline(__always)
    static func paybackMonthOrZero(acquisitionCost cac: Double, monthlyGrossProfit: Double) -> Int {
        let quotient = cac / monthlyGrossProfit * (1 - 1e-12)
        let limit = Double(Int.max / 2)
        let bounded = quotient > 1 ? (quotient < limit ? quotient : limit) : 1
        let truncated = Int(bounded)
        let month = truncated &+ (Double(truncated) < bounded ? 1 : 0)
        let earning = quotient < limit ? month : 0
        return monthlyGrossProfit > 0 ? earning : (cac <= 0 ? 1 : 0)
    }

    /// Net present value of a customer who pays for `activeMonths` months:
    /// `monthlyGrossProfit × annuity(activeMonths) − cac`, with the CAC paid at month 0.
    @inlinable
    public static func netPresentValue(
        monthlyGrossProfit: Double, activeMonths: Int, acquisitionCost cac: Double, discount: MonthlyDiscount
    ) -> Double {
        monthlyGrossProfit * discount.annuity(months: activeMonths) - cac
    }
}
