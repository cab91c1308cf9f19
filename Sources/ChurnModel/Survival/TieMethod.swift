/// How the Cox partial likelihood treats several events at the same time.
///
/// References: Efron, "The efficiency of Cox's likelihood function for censored data",
/// *JASA* 72 (1977); Breslow, "Covariance analysis of censored survival data",
/// *Biometrics* 30 (1974); Therneau & Grambsch, *Modeling Survival Data* (2000), §3.3.
public enum TieMethod: String, Sendable, Equatable, CaseIterable {
    /// Efron's approximation: the d tied events share the risk set, which loses 1/d of the
    /// tied subjects' risk after each of them. R's `coxph` default; close to the exact
    /// partial likelihood.
    case efron
    /// Breslow's approximation: every tied event sees the full risk set. Simpler, biased
    /// towards 0 when ties are many.
    case breslow
}
