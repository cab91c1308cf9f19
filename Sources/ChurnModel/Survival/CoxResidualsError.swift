/// A problem that stops the computation of Cox model residuals or of the
/// proportional-hazards test (``CoxResiduals``, ``CoxProportionalityTest``).
///
/// Every case is a data problem reported instead of a NaN result.
///
/// Reference: Therneau & Grambsch, *Modeling Survival Data* (2000), ch. 4 and 6.
public enum CoxResidualsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The table is not the one the fit was computed from: `what` names the first
    /// difference found (row count, event count, covariate names or means).
    case tableDoesNotMatchFit(what: String)
    /// Rebuilding the model's design from the table failed.
    case model(CoxModelError)
    /// A relative risk exp(x·β̂) or a residual is not finite (the fit diverged).
    case nonFiniteValue(what: String)
    /// The `log` time transform met an event at a time ≤ 0 (row is 0-based).
    case nonPositiveEventTime(row: Int, time: Double)
    /// The transformed event times g(t) are all equal (for instance a single distinct
    /// event time), so there is no time trend to test.
    case constantTimeTransform
    /// The 2p × 2p information matrix of the test is not positive definite.
    case singularInformation(LinearAlgebraError)

    /// A one-line message naming the problem.
    public var description: String {
        switch self {
        case let .tableDoesNotMatchFit(what):
            return "the table does not match the Cox fit: \(what)"
        case let .model(error):
            return error.description
        case let .nonFiniteValue(what):
            return "\(what) is not finite; the Cox fit may have diverged"
        case let .nonPositiveEventTime(row, time):
            return "row \(row) has an event at time \(time) ≤ 0; the log transform needs t > 0"
        case .constantTimeTransform:
            return "all transformed event times are equal; the proportional-hazards test is undefined"
        case let .singularInformation(error):
            return "the proportional-hazards test's information matrix is singular: \(error.description)"
        }
    }
}
