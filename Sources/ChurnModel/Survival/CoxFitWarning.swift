/// A statistical caveat about a Cox fit that still produced estimates.
///
/// Reference: Therneau & Grambsch, *Modeling Survival Data* (2000), §3.5 (monotone
/// likelihood and infinite coefficients).
public enum CoxFitWarning: Sendable, Equatable, CustomStringConvertible {
    /// Newton–Raphson used all its iterations without meeting the tolerance.
    case didNotConverge(iterations: Int)
    /// The log likelihood converged while this coefficient was still moving by a large
    /// Newton step: the likelihood is monotone in it (complete or quasi-complete
    /// separation), and its estimate and standard error are not meaningful.
    case possiblyInfiniteCoefficient(name: String)
    /// The robust variance was singular, so the Wald test uses the model-based variance.
    case waldTestUsesModelVariance

    /// One sentence, worded like R's `coxph` warnings.
    public var description: String {
        switch self {
        case let .didNotConverge(iterations):
            return "Ran out of iterations (\(iterations)) and did not converge"
        case let .possiblyInfiniteCoefficient(name):
            return "Loglik converged before variable \(name); coefficient may be infinite "
                + "(monotone likelihood / separation)"
        case .waldTestUsesModelVariance:
            return "robust variance is singular; the Wald test uses the model-based variance"
        }
    }
}
