/// How a pointwise confidence interval for a survival probability S(t) is built.
///
/// With σ the Greenwood standard error of −log Ŝ(t) and z the normal quantile
/// Φ⁻¹(1 − (1 − level)/2) (Klein & Moeschberger, *Survival Analysis*, 2nd ed., §4.3;
/// Therneau & Grambsch, *Modeling Survival Data*, §2.1; R `survfit(conf.type=)`):
public enum ConfidenceIntervalType: String, Sendable, CaseIterable, Equatable {
    /// Linear: Ŝ ± z σ Ŝ, clipped to [0, 1] (R `conf.type = "plain"`, K&M eq. 4.3.1).
    case plain
    /// On log S: Ŝ exp(± z σ), upper bound clipped at 1 (R's default `conf.type = "log"`).
    /// Undefined where Ŝ = 0.
    case log
    /// On log(−log S): exp(−exp(log(−log Ŝ) ∓ z σ / log Ŝ)) (R `conf.type = "log-log"`,
    /// K&M eq. 4.3.2). Undefined where Ŝ = 0 or Ŝ = 1.
    case logLog
}

/// How a pointwise confidence interval for a cumulative hazard H(t) is built.
///
/// With σ the standard error of Ĥ(t) and z the normal quantile
/// (Klein & Moeschberger, *Survival Analysis*, 2nd ed., §4.3):
public enum CumulativeHazardIntervalType: String, Sendable, CaseIterable, Equatable {
    /// Linear: Ĥ ± z σ, lower bound clipped at 0. Equals R's default `conf.type = "log"`
    /// interval for the Fleming–Harrington survival exp(−Ĥ) (`stype = 2`), mapped by −log.
    case plain
    /// On log H: Ĥ exp(± z σ / Ĥ). Equals R's `conf.type = "log-log"` interval for
    /// exp(−Ĥ), mapped by −log. Undefined where Ĥ = 0.
    case log
}
