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
