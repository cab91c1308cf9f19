/// Why a parametric (accelerated-failure-time) regression could not be fitted.
public enum ParametricRegressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No row ends in an event: the likelihood has no maximum (all customers censored).
    case noEvents
    /// A duration is 0, so log T is −∞; `row` is 1-based.
    case nonPositiveDuration(row: Int, value: Double)
    /// An option is out of range; the string names it.
    case invalidOption(String)
    /// A covariate vector passed to a fitted model has the wrong length.
    case covariateCountMismatch(expected: Int, actual: Int)
    /// Newton–Raphson stopped without meeting the tolerance.
    case didNotConverge(iterations: Int, gradientNorm: Double)
    /// The information matrix is not positive definite at the estimate (collinear or
    /// constant covariates, or a flat likelihood).
    case singularInformation(LinearAlgebraError)
    /// The log-likelihood became NaN or infinite and step halving could not recover.
    case nonFiniteLikelihood(iteration: Int)

    /// A one-line message.
    public var description: String {
        switch self {
        case .noEvents:
            return "no events: every row is censored, so a parametric model cannot be fitted"
        case let .nonPositiveDuration(row, value):
            return "row \(row): duration \(value) must be > 0 for a log-time (AFT) model"
        case let .invalidOption(detail):
            return "invalid option: \(detail)"
        case let .covariateCountMismatch(expected, actual):
            return "expected \(expected) covariate values, got \(actual)"
        case let .didNotConverge(iterations, norm):
            return "Newton–Raphson did not converge in \(iterations) iterations (gradient norm \(norm))"
        case let .singularInformation(error):
            return "the information matrix is not positive definite: \(error)"
        case let .nonFiniteLikelihood(iteration):
            return "the log-likelihood is not finite at iteration \(iteration)"
        }
    }
}
