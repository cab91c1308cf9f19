/// A problem that stops a Cox proportional hazards fit or prediction.
///
/// Statistical caveats that still give a usable fit (non-convergence, a coefficient that
/// may be infinite) are not errors; they are listed in ``CoxFit/warnings``.
public enum CoxModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An option is out of range; `name` is the option, `value` what was given.
    case invalidOption(name: String, value: Double)
    /// The table has no covariates, so there is nothing to estimate.
    case noCovariates
    /// No row (in any stratum with a usable risk set) ends in an event.
    case noEvents
    /// This covariate takes one value only (within every stratum), so its coefficient is not
    /// identifiable.
    case constantCovariate(name: String)
    /// This covariate is a linear combination of the columns before it (the information
    /// matrix is singular), so the coefficients are not identifiable.
    case collinearCovariate(name: String)
    /// The near-tie merge of times collapsed a row's (entry, duration] interval.
    case tieCorrection(SurvivalEstimationError)
    /// A linear-algebra step failed for a reason other than collinearity.
    case linearAlgebra(LinearAlgebraError)
    /// A prediction was asked for a stratum the model was not fitted on.
    case unknownStratum(String?)
    /// A prediction was given the wrong number of covariate values.
    case covariateCountMismatch(expected: Int, actual: Int)

    /// A one-line message naming the problem.
    public var description: String {
        switch self {
        case let .invalidOption(name, value):
            return "Cox option \(name) = \(value) is out of range"
        case .noCovariates:
            return "the Cox model needs at least one covariate"
        case .noEvents:
            return "no events in the data: the Cox partial likelihood is empty"
        case let .constantCovariate(name):
            return "covariate \(name) is constant (within strata); its coefficient cannot be estimated"
        case let .collinearCovariate(name):
            return "covariate \(name) is collinear with earlier covariates; drop it or combine columns"
        case let .tieCorrection(error):
            return error.description
        case let .linearAlgebra(error):
            return error.description
        case let .unknownStratum(label):
            return "stratum \(label ?? "(none)") was not in the fitted data"
        case let .covariateCountMismatch(expected, actual):
            return "expected \(expected) covariate values, got \(actual)"
        }
    }
}
