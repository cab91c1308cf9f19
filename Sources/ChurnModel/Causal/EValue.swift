import RealModule

/// How strongly an unmeasured confounder would have to be associated with both the treatment
/// and churn (as a risk ratio) to explain an estimate away (VanderWeele & Ding 2017, *Ann Intern
/// Med* 167:268): E = RR + √(RR(RR − 1)), with RR taken ≥ 1.
public struct EValue: Sendable, Equatable, Codable {
    /// The E-value of the point estimate.
    public let estimate: Double
    /// The E-value of the confidence limit nearer 1; 1 when the interval includes 1.
    public let ci: Double
    /// Whether the hazard ratio was converted as for a common outcome (churn in 15% or more of
    /// accounts by the end of follow-up): RR ≈ (1 − 0.5^√HR)/(1 − 0.5^√(1/HR)); otherwise HR ≈ RR.
    public let commonOutcome: Bool

    /// The E-values of hazard ratio `hazardRatio` with interval (`lower`, `upper`).
    init(hazardRatio: Double, lower: Double, upper: Double, commonOutcome: Bool) {
        let riskRatio = { (hr: Double) in
            commonOutcome ? (1 - Double.pow(0.5, hr.squareRoot())) / (1 - Double.pow(0.5, (1 / hr).squareRoot())) : hr
        }
        let nearer = hazardRatio < 1 ? upper : lower
        estimate = Self.of(riskRatio: riskRatio(hazardRatio))
        ci = (lower <= 1 && upper >= 1) ? 1 : Self.of(riskRatio: riskRatio(nearer))
        self.commonOutcome = commonOutcome
    }

    /// E = RR + √(RR(RR − 1)) for RR ≥ 1 (a protective RR is inverted first).
    static func of(riskRatio: Double) -> Double {
        let rr = riskRatio < 1 ? 1 / riskRatio : riskRatio
        return rr + (rr * (rr - 1)).squareRoot()
    }

    /// The share of churned accounts from which churn counts as common.
    public static let commonOutcomeShare = 0.15
}
