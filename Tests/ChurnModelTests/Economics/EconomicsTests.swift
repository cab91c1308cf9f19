import Foundation
import Testing
@testable import ChurnModel

@Suite struct EconomicsTests {
    @Test func paybackMonthIsFirstMonthReachingCAC() {
        #expect(CustomerEconomics.paybackMonth(acquisitionCost: 3_000, monthlyGrossProfit: 375) == 8)
        #expect(CustomerEconomics.paybackMonth(acquisitionCost: 3_001, monthlyGrossProfit: 375) == 9)
        #expect(CustomerEconomics.paybackMonth(acquisitionCost: 0, monthlyGrossProfit: 375) == 1)
        #expect(CustomerEconomics.paybackMonth(acquisitionCost: 100, monthlyGrossProfit: 0) == nil)
        // 0.1 + 0.2 style rounding: 0.3 / 0.1 = 2.9999999999999996 must still be month 3.
        #expect(CustomerEconomics.paybackMonth(acquisitionCost: 0.3, monthlyGrossProfit: 0.1) == 3)
    }

    /// The simulator's branch-free payback within a number of months is the payback month
    /// when it is at most that many months, 0 otherwise: across whole and fractional
    /// quotients at the boundary, CAC at or below zero, no gross profit, huge quotients and
    /// NaN or infinite inputs.
    @Test func paybackWithinMonthsAgreesWithPaybackMonth() {
        let cases: [(cac: Double, profit: Double)] = [
            (3_000, 375), (3_001, 375), (0, 375), (-50, 375), (100, 0), (0, 0), (-1, -5), (100, -5),
            (0.3, 0.1), (3_000, 1e-300), (1e300, 1), (2_999.999, 375), (24_000, 1_000), (24_001, 1_000),
            (.nan, 375), (.infinity, .infinity), (-.infinity, 375), (.infinity, 375), (100, .nan),
        ]
        for (cac, profit) in cases {
            for months in [0, 1, 7, 8, 9, 24, 25, 60] {
                let month = CustomerEconomics.paybackMonth(acquisitionCost: cac, monthlyGrossProfit: profit)
                let expected = month.map { $0 <= months ? $0 : 0 } ?? 0
                #expect(
                    CustomerEconomics.paybackMonthOrZero(acquisitionCost: cac, monthlyGrossProfit: profit, withinMonths: months)
                        == expected, "CAC \(cac), profit \(profit), within \(months)")
            }
        }
    }

    @Test func annuityEqualsDirectSum() {
        let discount = MonthlyDiscount(annualRate: 0.1)
        let v = pow(1.1, -1.0 / 12)
        let direct = (0..<37).reduce(0.0) { $0 + pow(v, Double($1)) }
        #expect(abs(discount.annuity(months: 37) - direct) <= 1e-12 * direct)
        #expect(MonthlyDiscount(annualRate: 0).annuity(months: 37) == 37)
        #expect(discount.annuity(months: 0) == 0)
    }

    @Test func churnRateConversionsAreInverse() {
        let monthly = ChurnRate.monthly(fromAnnual: 0.3)
        #expect(abs(monthly - (1 - pow(0.7, 1.0 / 12))) <= 1e-15)
        #expect(abs(ChurnRate.compounded(monthly: monthly, overMonths: 12) - 0.3) <= 1e-15)
        // Small rates keep their digits: 1 − (1 − 1e-12)^12 ≈ 1.2e-11.
        #expect(abs(ChurnRate.compounded(monthly: 1e-12, overMonths: 12) / 1.2e-11 - 1) <= 1e-9)
        #expect(ChurnRate.compounded(monthly: 1, overMonths: 12) == 1)
    }
}
