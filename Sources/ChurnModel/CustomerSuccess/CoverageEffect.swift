import RealModule

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
///
/// An effect estimated from history (``estimate``) is drawn per path (z ~ Normal(0, 1)):
/// - a yes/no covariate (CSM assigned) with coefficient β gives HR_ref = exp(β + SE·z) in the
///   curve above (`hazardRatio` holds exp(β));
/// - an accounts-per-CSM covariate replaces the curve by the fitted log-linear dependence on
///   the load, anchored at the scenario's HR_ref at `ref`:
///   HR(a) = min(1, HR_ref · exp((β + SE·z)·(a − ref))). The fit compares covered accounts
///   with each other, so the level against tech-touch must come from HR_ref; the cap keeps a
///   CSM from ever doing worse than tech-touch.
/// On a path whose draw says coverage raises churn (exp(β + SE·z) > 1 for CSM assigned),
/// HR(a) exceeds 1 there: the uncertainty is carried, not truncated.
public struct CoverageEffect: Sendable, Equatable {
    /// Hazard ratio HR_ref ∈ (0, 1] of a covered customer at the reference load (the point
    /// estimate exp(β) for an effect estimated from a CSM-assigned covariate).
    public var hazardRatio: Double
    /// The reference load `ref` (accounts per CSM, > 0) at which `hazardRatio` holds.
    public var referenceAccountsPerCSM: Double
    /// Where the effect was estimated, when it comes from a fit rather than the scenario.
    public var estimate: EstimatedCoverageEffect?

    /// Creates the effect; `hazardRatio` in (0, 1], `referenceAccountsPerCSM` > 0.
    public init(hazardRatio: Double, referenceAccountsPerCSM: Double, estimate: EstimatedCoverageEffect? = nil) {
        precondition(hazardRatio > 0 && hazardRatio <= 1 && referenceAccountsPerCSM > 0, "invalid CS effect")
        self.hazardRatio = hazardRatio
        self.referenceAccountsPerCSM = referenceAccountsPerCSM
        self.estimate = estimate
    }

    /// Whether the hazard ratios differ from path to path (an estimate with SE > 0).
    public var isDrawnPerPath: Bool { (estimate?.standardError ?? 0) > 0 }

    /// Share f(a) ∈ (0, 1] of the full effect delivered at `accounts` per CSM.
    public func effectShare(accountsPerCSM accounts: Double) -> Double {
        min(1, 2 * referenceAccountsPerCSM / (referenceAccountsPerCSM + accounts))
    }

    /// HR(a) for a CSM carrying `accounts` accounts on a path whose standard-normal draw is
    /// `z` (z = 0, the default, gives the point estimate).
    public func hazardRatio(accountsPerCSM accounts: Double, standardNormal z: Double = 0) -> Double {
        switch estimate?.kind {
        case nil:
            return 1 - (1 - hazardRatio) * effectShare(accountsPerCSM: accounts)
        case .assigned?:
            guard let estimate, estimate.standardError > 0 else {
                return 1 - (1 - hazardRatio) * effectShare(accountsPerCSM: accounts)
            }
            return 1 - (1 - Double.exp(estimate.coefficient(standardNormal: z))) * effectShare(accountsPerCSM: accounts)
        case .accountsPerCSM?:
            let slope = estimate?.coefficient(standardNormal: z) ?? 0
            return min(1, hazardRatio * Double.exp(slope * (accounts - referenceAccountsPerCSM)))
        }
    }

    /// The hazard ratio of `coverage` (1 for tech-touch) on a path with draw `z`.
    public func hazardRatio(for coverage: Coverage, standardNormal z: Double = 0) -> Double {
        switch coverage {
        case .techTouch: 1
        case .accountsPerCSM(let load): hazardRatio(accountsPerCSM: load, standardNormal: z)
        }
    }
}
