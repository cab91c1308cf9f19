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
        guard quotient > 1 else { return 1 }
        // ⌈q⌉ as truncation plus a correction, exact for 1 < q < 2⁶²: no call to `ceil`.
        let truncated = Int(quotient)
        return Double(truncated) < quotient ? truncated + 1 : truncated
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
