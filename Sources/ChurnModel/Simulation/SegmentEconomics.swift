import RealModule

/// A segment's revenue and cost over tenure on one path, as tables over months 0 … horizon,
/// so that each customer's profit and payback cost a few look-ups whatever the dynamics.
///
/// A customer with starting MRR m pays m·G(k) in its month k + 1 (tenure k = 0, 1, …), with
/// G(k) = g^k · (1 + u)^⌊k/T⌋: monthly growth g = ((1 + e)(1 − c))^(1/12) from annual
/// expansion e and contraction c, and a price uplift u at each T-month renewal. Cost to
/// serve is a constant amount per active month.
struct SegmentEconomics: Sendable {
    /// G(k) for k = 0 … horizon.
    let growth: [Double]
    /// Σ_{k<n} v^k G(k): discounted revenue of n months per unit of starting MRR.
    let revenueAnnuity: [Double]
    /// Σ_{k<n} v^k: discounted count of n months (for the cost to serve).
    let annuity: [Double]
    /// Σ_{k<n} G(k): undiscounted revenue of n months per unit of starting MRR (for payback).
    let cumulativeGrowth: [Double]
    /// Cost to serve per customer per month.
    let costToServe: Double
    /// Whether G never decreases (then cumulative net profit is monotone once positive).
    let growthNeverFalls: Bool
    /// Whether revenue is flat and serving free, so payback has the closed form ⌈CAC / (m·margin)⌉.
    let isFlat: Bool

    /// The tables for `horizon` months.
    init(
        expansion: Double, contraction: Double, uplift: Double, costToServe: Double, termMonths: Int,
        horizon: Int, discount: MonthlyDiscount, annuity: [Double]
    ) {
        let logGrowth = (Double.log(onePlus: expansion) + Double.log(onePlus: -min(contraction, 1 - 1e-12))) / 12
        let logUplift = Double.log(onePlus: uplift)
        let growth = (0...horizon).map { k in
            Double.exp(Double(k) * logGrowth + Double(k / termMonths) * logUplift)
        }
        var revenueAnnuity = [0.0], cumulative = [0.0]
        var factor = 1.0
        let v = discount.factor
        for k in 0..<horizon {
            revenueAnnuity.append(revenueAnnuity[k] + factor * growth[k])
            cumulative.append(cumulative[k] + growth[k])
            factor *= v
        }
        self.growth = growth
        // Flat revenue uses the plan's annuity table itself, so results match the closed form bit for bit.
        self.revenueAnnuity = logGrowth == 0 && logUplift == 0 ? annuity : revenueAnnuity
        self.annuity = annuity
        self.cumulativeGrowth = cumulative
        self.costToServe = costToServe
        growthNeverFalls = logGrowth >= 0
        isFlat = logGrowth == 0 && logUplift == 0 && costToServe == 0
    }

    /// NPV of a customer paying for `activeMonths` months: m·margin·R(n) − cost·A(n) − CAC.
    @inline(__always)
    func profit(monthlyGrossProfit: Double, activeMonths: Int, acquisitionCost: Double) -> Double {
        monthlyGrossProfit * revenueAnnuity[activeMonths] - costToServe * annuity[activeMonths] - acquisitionCost
    }

    /// The first month k ≤ `activeMonths` whose cumulative net profit
    /// m·margin·ΣG − cost·k reaches the CAC, or 0 when there is none, for economics that are
    /// not flat (flat ones have a closed form, which the simulator takes for whole batches:
    /// ``CustomerEconomics/paybackMonthOrZero(acquisitionCost:monthlyGrossProfit:withinMonths:)``).
    @inline(__always)
    func paybackMonthOrZero(monthlyGrossProfit: Double, acquisitionCost: Double, activeMonths: Int) -> Int {
        func reached(_ k: Int) -> Bool {
            monthlyGrossProfit * cumulativeGrowth[k] - costToServe * Double(k) >= acquisitionCost * (1 - 1e-12)
        }
        guard activeMonths >= 1 else { return 0 }
        if growthNeverFalls && monthlyGrossProfit > costToServe {
            guard reached(activeMonths) else { return 0 }
            var low = 1, high = activeMonths
            while low < high {
                let middle = (low + high) / 2
                if reached(middle) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        return (1...activeMonths).first(where: reached) ?? 0
    }
}
