import Foundation

/// The scenario's Customer Success (CS) team: who has a named CSM, at what load, what a CSM
/// costs and how much coverage lowers churn.
///
/// The segments' `churn` is read as the churn **without** a named CSM (tech-touch); a segment
/// covered at `a` accounts per CSM has every customer's hazard multiplied by
/// ``CoverageEffect/hazardRatio(accountsPerCSM:)``.
public struct CustomerSuccess: Sendable, Equatable {
    /// Loaded cost of one CSM per year (salary, benefits, tools), in currency.
    public var csmCostAnnual: Double
    /// Coverage of each segment, in scenario segment order.
    public var coverage: [Coverage]
    /// How coverage changes the churn hazard.
    public var effect: CoverageEffect

    /// Creates a CS section from validated parts.
    public init(csmCostAnnual: Double, coverage: [Coverage], effect: CoverageEffect) {
        self.csmCostAnnual = csmCostAnnual
        self.coverage = coverage
        self.effect = effect
    }

    /// Point hazard ratio of each segment under `coverage` (1 for tech-touch).
    public func pointHazardRatios(coverage: [Coverage]? = nil) -> [Double] {
        (coverage ?? self.coverage).map { effect.hazardRatio(for: $0) }
    }

    /// The hazard ratios a simulation of `coverage` applies: fixed, or drawn per path when
    /// the effect is an estimate with a standard error (one draw per path shared by every
    /// segment, since the effect is one parameter).
    public func hazardRatios(coverage: [Coverage]? = nil) -> SegmentHazardRatios {
        let coverage = coverage ?? self.coverage
        guard effect.isDrawnPerPath else { return SegmentHazardRatios(pointHazardRatios(coverage: coverage)) }
        let effect = effect
        return SegmentHazardRatios(drawnPerPath: { z in coverage.map { effect.hazardRatio(for: $0, standardNormal: z) } })
    }
}

/// How one segment is covered.
public enum Coverage: Sendable, Equatable {
    /// No named CSM: pooled, digital CS; hazard ratio 1 and no CSM cost.
    case techTouch
    /// Named CSMs, each carrying this many accounts (≥ 1).
    case accountsPerCSM(Double)

    /// CSMs needed for `customers` accounts: ⌈customers / accounts per CSM⌉ (0 for tech-touch).
    public func headcount(customers: Int) -> Int {
        guard case .accountsPerCSM(let load) = self, customers > 0 else { return 0 }
        return Int((Double(customers) / load).rounded(.up))
    }

    /// Present value of the CS team for `customers` accounts over `months`: headcount ×
    /// `csmCostAnnual` / 12 paid at the start of every month, discounted like revenue
    /// (`discount.annuity(months:)`). The team is sized on the month-0 book and kept for the
    /// whole horizon.
    public func costNetPresentValue(customers: Int, csmCostAnnual: Double, months: Int, discount: MonthlyDiscount) -> Double {
        Double(headcount(customers: customers)) * csmCostAnnual / 12 * discount.annuity(months: months)
    }

    /// The accounts per CSM; nil for tech-touch.
    public var accountsPerCSM: Double? {
        guard case .accountsPerCSM(let load) = self else { return nil }
        return load
    }

    /// "tech-touch" or the accounts per CSM.
    public var label: String {
        switch self {
        case .techTouch: "tech-touch"
        case .accountsPerCSM(let load): NumberFormatting.grouped(load)
        }
    }
}
