/// Why a fitted model file cannot serve as a churn model.
public enum FittedModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing, a folder or not readable.
    case cannotOpen(file: String, reason: String)
    /// The file could be read but not decoded as a churnsim fit.
    case unreadable(file: String, reason: String)
    /// The model needs covariate values the scenario does not give.
    case missingCovariates(file: String, names: [String])
    /// The scenario gives covariates the model does not have.
    case unknownCovariates(file: String, names: [String], known: [String])
    /// The stratum is not one the model was fitted with.
    case unknownStratum(file: String, stratum: String, known: [String])
    /// The fitted curve cannot be used (empty, not monotone).
    case invalidCurve(reason: String)
    /// Parameter uncertainty was asked for but the fit's coefficient covariance cannot be used.
    case unusableCovariance(file: String, reason: String)

    /// A message naming the file and what is needed.
    public var description: String {
        switch self {
        case .cannotOpen(let file, let reason):
            "\(file): cannot read the fitted model: \(reason)"
        case .unreadable(let file, let reason):
            "\(file): not a churnsim fit (fit.yaml or fit.json): \(reason)"
        case .missingCovariates(let file, let names):
            "\(file): the model needs covariate values for \(names.joined(separator: ", "))"
        case .unknownCovariates(let file, let names, let known):
            "\(file): the model has no covariates \(names.joined(separator: ", ")) (it has: \(known.joined(separator: ", ")))"
        case .unknownStratum(let file, let stratum, let known):
            "\(file): no stratum '\(stratum)' (strata: \(known.joined(separator: ", ")))"
        case .invalidCurve(let reason):
            "fitted curve unusable: \(reason)"
        case .unusableCovariance(let file, let reason):
            "\(file): cannot draw the coefficients per path: \(reason)"
        }
    }
}
