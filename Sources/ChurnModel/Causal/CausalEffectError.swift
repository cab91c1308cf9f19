/// Why a causal-effect analysis cannot give an answer; each says what to change.
public enum CausalEffectError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every row is in one arm.
    case oneArmOnly(column: String, treated: Bool)
    /// No treatment column was named.
    case noTreatment
    /// A value on retention was asked for (a revenue column) with durations of unknown unit.
    case revenueWithoutTimeUnit
    /// An arm has too few accounts for a propensity model with its terms.
    case armTooSmall(arm: String, accounts: Int, needed: Int)
    /// An option outside its range.
    case invalidOption(name: String, reason: String)
    /// The treatment column is also listed as a confounder.
    case treatmentIsConfounder(column: String)
    /// No confounders were given.
    case noConfounders
    /// The propensity model separates the arms (its estimate does not exist); the terms that push hardest.
    case separation(terms: [String])
    /// The propensity model's information matrix is singular: some confounders are collinear (one
    /// term named when the factorisation tells which).
    case collinear(terms: [String])
    /// Newton's method did not converge.
    case propensityDidNotConverge(iterations: Int)
    /// An arm has no events, so its hazard and curve cannot be estimated.
    case noEvents(arm: String)
    /// A truncation level outside (0, 0.5).
    case invalidTrim(Double)
    /// After leaving out accounts without comparable ones in the other arm, too few are left.
    case noCommonSupport(reason: String)
    /// A retention time or the RMST horizon lies after the last follow-up of an arm.
    case beyondFollowUp(time: Double, arm: String, lastFollowUp: Double)
    /// A retention time at or before an arm's first entry (late entry): nobody is observed there.
    case beforeFollowUp(time: Double, arm: String, firstEntry: Double)
    /// The weighted Cox fit failed.
    case coxFailed(String)

    /// One sentence naming the problem and the fix.
    public var description: String {
        switch self {
        case .oneArmOnly(let column, let treated):
            "every row has \(column) = \(treated ? 1 : 0): there are no \(treated ? "controls" : "treated accounts") to compare with"
        case .noTreatment:
            "no treatment column given: name the 0/1 column of who is treated (--treatment COL)"
        case .revenueWithoutTimeUnit:
            "--mrr values the extra time retained, so the unit of --duration must be known: give --time-unit (months, days, weeks or years)"
        case .armTooSmall(let arm, let accounts, let needed):
            "the \(arm) arm has \(accounts) account(s) after leaving out those without comparable accounts; a propensity model with "
                + "these confounders needs at least \(needed) in each arm"
        case .invalidOption(let name, let reason):
            "\(name) \(reason)"
        case .treatmentIsConfounder(let column):
            "the treatment column \(column) is also listed in --confounders; a treatment cannot adjust for itself"
        case .noConfounders:
            "no confounders given: list the columns that drive both who gets the treatment and churn (--confounders A,B,C)"
        case .separation(let terms):
            "the propensity model separates the arms perfectly (fitted probabilities of 0 or 1), so no comparison is possible; "
                + "the terms that decide it are \(terms.joined(separator: ", ")): coarsen or drop them, or restrict the data to accounts where both arms occur"
        case .collinear(let terms):
            terms.count == 1
                ? "the propensity model cannot be fitted: \(terms[0]) is a combination of the confounders before it (or constant); drop it"
                : "the propensity model cannot be fitted: its confounders are collinear (one is a combination of others) among \(terms.joined(separator: ", "))"
        case .propensityDidNotConverge(let iterations):
            "the propensity model did not converge in \(iterations) Newton iterations"
        case .noEvents(let arm):
            "the \(arm) arm has no churn events, so its churn hazard cannot be estimated"
        case .invalidTrim(let q):
            "--trim must be a share in (0, 0.5), such as 0.01 for the 1st and 99th percentiles; got \(q)"
        case .noCommonSupport(let reason):
            "no comparison is possible: \(reason)"
        case .beyondFollowUp(let time, let arm, let last):
            "time \(NumberFormatting.exact(time)) is after the last follow-up of the \(arm) arm (\(NumberFormatting.exact(last))): "
                + "its curve is not estimated there; choose --times and --horizon within the follow-up"
        case .beforeFollowUp(let time, let arm, let first):
            "time \(NumberFormatting.exact(time)) is not after the first entry of the \(arm) arm (\(NumberFormatting.exact(first))): "
                + "nobody in it is observed there; choose --times after every arm's first entry"
        case .coxFailed(let reason):
            "the weighted Cox fit failed: \(reason)"
        }
    }
}
