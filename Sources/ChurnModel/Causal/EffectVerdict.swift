/// The answer to "does the treatment lower churn?", in words a CFO can act on: claimed only
/// when the weighted arms are balanced on every confounder term.
public struct EffectVerdict: Sendable, Equatable, Codable {
    /// The kind of answer.
    public enum Conclusion: String, Sendable, Codable {
        /// Balanced, and the hazard ratio's interval lies below 1.
        case lowersChurn = "lowers_churn"
        /// Balanced, and the interval lies above 1.
        case raisesChurn = "raises_churn"
        /// Balanced, and the interval includes 1.
        case noClearEffect = "no_clear_effect"
        /// Some term is still imbalanced after weighting: no effect is claimed.
        case notBalanced = "not_balanced"
    }

    /// The kind of answer.
    public let conclusion: Conclusion
    /// The verdict in one or two sentences.
    public let text: String
    /// A sentence when the naive hazard ratio lies outside the weighted interval; nil otherwise.
    public let naiveDisagreement: String?

    /// The verdict on `effect`.
    public init(_ effect: CausalEffect) {
        let hr = effect.hazardRatio
        let ratio = { (value: Double) in NumberFormatting.significant(value, digits: 3) }
        let interval = "95% CI \(ratio(hr.ci95[0]))–\(ratio(hr.ci95[1]))"
        let imbalanced = effect.balance.filter { !$0.isBalanced }
        if !imbalanced.isEmpty {
            let named = imbalanced.prefix(3).map { balance in
                "\(balance.covariate) (SMD \(ratio(balance.smdAfter))"
                    + (balance.varianceRatioAfter.map { ", variance ratio \(ratio($0))" } ?? "") + ")"
            }
            conclusion = .notBalanced
            text = "No effect is claimed: after weighting the arms still differ on \(named.joined(separator: ", ")) "
                + "(the rule is |SMD| < 0.1 and a variance ratio within 0.5–2). Add the term's square or an interaction to "
                + "--confounders, or use --estimand ato."
        } else if hr.ci95[1] < 1 {
            conclusion = .lowersChurn
            text = "Customer Success lowers churn: with a CSM, accounts churn at \(ratio(hr.estimate))× the rate of comparable "
                + "accounts without one (\(interval)), for \(effect.estimand.population)."
        } else if hr.ci95[0] > 1 {
            conclusion = .raisesChurn
            text = "Accounts with a CSM churn at \(ratio(hr.estimate))× the rate of comparable accounts without one (\(interval)), "
                + "for \(effect.estimand.population): no evidence that Customer Success lowers churn."
        } else {
            conclusion = .noClearEffect
            text = "No clear effect: the hazard ratio with a CSM is \(ratio(hr.estimate)) (\(interval)), an interval that "
                + "includes 1 (no effect), for \(effect.estimand.population)."
        }
        let naive = effect.naiveHazardRatio.estimate
        naiveDisagreement = naive < hr.ci95[0] || naive > hr.ci95[1]
            ? "The naive hazard ratio, \(ratio(naive)), lies outside that interval: comparing accounts with and without a CSM "
                + "directly is confounded, because what decides who gets a CSM also predicts churn."
            : nil
    }
}
