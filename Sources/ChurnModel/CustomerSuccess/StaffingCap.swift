/// A limit on the whole CS team that a staffing sweep must respect: an annual budget
/// (headcount × loaded CSM cost) and/or a maximum headcount.
///
/// The team is the swept segment at the ratio tried plus every other segment at its scenario
/// coverage, so a ratio is feasible when that whole team fits.
public struct StaffingCap: Sendable, Equatable {
    /// Most the CS team may cost a year (currency); nil for no budget.
    public var budgetAnnual: Double?
    /// Most CSMs the team may have; nil for no limit.
    public var maxHeadcount: Int?

    /// Creates a cap; `budgetAnnual` ≥ 0 and `maxHeadcount` ≥ 0 when given.
    public init(budgetAnnual: Double? = nil, maxHeadcount: Int? = nil) {
        precondition((budgetAnnual ?? 0) >= 0 && (maxHeadcount ?? 0) >= 0, "invalid staffing cap")
        self.budgetAnnual = budgetAnnual
        self.maxHeadcount = maxHeadcount
    }

    /// No limit.
    public static let none = StaffingCap()

    /// Whether any limit is set.
    public var isLimiting: Bool { budgetAnnual != nil || maxHeadcount != nil }

    /// This cap with the limits set in `override` replacing this one's.
    public func overridden(by override: StaffingCap) -> StaffingCap {
        StaffingCap(budgetAnnual: override.budgetAnnual ?? budgetAnnual, maxHeadcount: override.maxHeadcount ?? maxHeadcount)
    }

    /// Whether a team of `headcount` CSMs at `csmCostAnnual` each fits.
    public func allows(headcount: Int, csmCostAnnual: Double) -> Bool {
        headcount <= (maxHeadcount ?? .max) && Double(headcount) * csmCostAnnual <= (budgetAnnual ?? .infinity)
    }

    /// "a budget of 2.00M a year and at most 30 CSMs", or "no limit".
    public var label: String {
        let parts = [
            budgetAnnual.map { "a budget of \(NumberFormatting.compactCurrency($0)) a year" },
            maxHeadcount.map { "at most \($0) CSMs" },
        ].compactMap { $0 }
        return parts.isEmpty ? "no limit" : parts.joined(separator: " and ")
    }
}

/// The scenario's `staffing` section: the grid to sweep and the team's limits.
public struct StaffingSettings: Sendable, Equatable {
    /// The accounts-per-CSM grid, if the scenario sets one.
    public var grid: StaffingGrid?
    /// Budget and headcount limits on the whole CS team.
    public var cap: StaffingCap

    /// Creates the settings.
    public init(grid: StaffingGrid? = nil, cap: StaffingCap = .none) {
        self.grid = grid
        self.cap = cap
    }
}
