/// The population a treatment effect is averaged over, and so how accounts are weighted.
public enum CausalEstimand: String, Sendable, CaseIterable, Codable {
    /// Average treatment effect over every account: stabilised inverse-probability weights,
    /// P(T = 1)/e for the treated and P(T = 0)/(1 − e) for controls.
    case ate
    /// Average effect on the treated (what CS did for the accounts it covers): treated 1,
    /// controls e/(1 − e).
    case att
    /// Average effect in the overlap population (accounts that could have gone either way;
    /// Li, Morgan & Zaslavsky 2018): treated 1 − e, controls e. Bounded weights, and exact
    /// mean balance on every propensity-model term.
    case ato

    /// The population in words, for reports.
    public var population: String {
        switch self {
        case .ate: "all accounts (ATE)"
        case .att: "the accounts with a CSM (ATT)"
        case .ato: "accounts that could have gone either way (overlap, ATO)"
        }
    }

    /// The weight of one account with propensity `e`, in the treated arm or not; `treatedShare`
    /// is P(T = 1), which stabilises ATE weights.
    func weight(propensity e: Double, treated: Bool, treatedShare: Double) -> Double {
        switch self {
        case .ate: treated ? treatedShare / e : (1 - treatedShare) / (1 - e)
        case .att: treated ? 1 : e / (1 - e)
        case .ato: treated ? 1 - e : e
        }
    }
}
