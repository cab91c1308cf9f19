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
        guard monthlyGrossProfit > 0 else { return cac <= 0 ? 1 : nil }
        let quotient = cac / monthlyGrossProfit * (1 - 1e-12)
        guard quotient < Double(Int.max / 2) else { return nil }
        return quotient > 1 ? Int(quotient.rounded(.up)) : 1
    }

    /// ``paybackMonth(acquisitionCost:monthlyGrossProfit:)`` when it is at most `months`,
    /// otherwise 0, computed with selects instead of early exits and without a range-checked
    /// float-to-integer conversion, so that a simulation loop over customers whose payback
    /// varies pays no branch mispredictions and can vectorize.
    ///
    /// The quotient is clamped into [1, months + 1] (a NaN quotient to months + 1, as the
    /// never of ``paybackMonth(acquisitionCost:monthlyGrossProfit:)``), where
    /// ``ShiftedRounding/ceiling(_:)`` is exact; a quotient beyond `months` gives months + 1,
    /// hence 0.
    /// - Precondition: 0 ≤ `months` < 2⁵⁰ (not checked; a horizon is at most 1,200 months).
    @inline(__always)
    static func paybackMonthOrZero(acquisitionCost cac: Double, monthlyGrossProfit: Double, withinMonths months: Int) -> Int {
        let quotient = cac / monthlyGrossProfit * (1 - 1e-12)
        let cap = Double(months) + 1
        let bounded = quotient > 1 ? (quotient < cap ? quotient : cap) : (quotient <= 1 ? 1 : cap)
        let earning = ShiftedRounding.ceiling(bounded)
        let month = monthlyGrossProfit > 0 ? earning : (cac <= 0 ? 1 : 0)
        return month <= months ? month : 0
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
