/// The effect of CSM coverage on the churn hazard, as a proportional-hazards ratio.
///
/// With `hazardRatio` HR_ref at the reference load `ref` accounts per CSM,
///
///     HR(a) = 1 − (1 − HR_ref) · f(a),   f(a) = min(1, 2·ref / (ref + a)).
///
/// Why this form: f is the share of the full CS effect a CSM delivers at load `a`. It is 1 at
/// the reference load, falls like the CSM's time per account once the load grows well beyond
/// it (f ≈ 2·ref/a for a ≫ ref, so the effect vanishes as a → ∞), and is capped at 1 below it:
/// lighter loads than the reference give no further reduction (saturation — a CSM with few
/// accounts does not keep lowering churn). Because f is non-increasing in `a` and lies in
/// (0, 1], HR(a) is non-decreasing in `a` and stays in [HR_ref, 1] ⊂ (0, 1]: more coverage
/// (fewer accounts per CSM) never raises churn, and a CSM never raises it. Tech-touch is HR = 1.
/// The curvature of f against the team cost ∝ 1/a gives net value an interior maximum.
public struct CoverageEffect: Sendable, Equatable {
    /// Hazard ratio HR_ref ∈ (0, 1] of a covered customer at the reference load.
    public var hazardRatio: Double
    /// The reference load `ref` (accounts per CSM, > 0) at which `hazardRatio` holds.
    public var referenceAccountsPerCSM: Double

    /// Creates the effect; `hazardRatio` in (0, 1], `referenceAccountsPerCSM` > 0.
    public init(hazardRatio: Double, referenceAccountsPerCSM: Double) {
        precondition(hazardRatio > 0 && hazardRatio <= 1 && referenceAccountsPerCSM > 0, "invalid CS effect")
        self.hazardRatio = hazardRatio
        self.referenceAccountsPerCSM = referenceAccountsPerCSM
    }

    /// Share f(a) ∈ (0, 1] of the full effect delivered at `accounts` per CSM.
    public func effectShare(accountsPerCSM accounts: Double) -> Double {
        min(1, 2 * referenceAccountsPerCSM / (referenceAccountsPerCSM + accounts))
    }

    /// HR(a) = 1 − (1 − HR_ref)·f(a) for a CSM carrying `accounts` accounts.
    public func hazardRatio(accountsPerCSM accounts: Double) -> Double {
        1 - (1 - hazardRatio) * effectShare(accountsPerCSM: accounts)
    }

    /// The hazard ratio of `coverage` (1 for tech-touch).
    public func hazardRatio(for coverage: Coverage) -> Double {
        switch coverage {
        case .techTouch: 1
        case .accountsPerCSM(let load): hazardRatio(accountsPerCSM: load)
        }
    }
}
