import RealModule

/// The CS effect a run used and where it came from, as written to `results.json` under
/// `customer_success.effect` (snake_case, explicit nulls).
public struct CoverageEffectRecord: Codable, Sendable, Equatable {
    /// Point hazard ratio at the reference load.
    public var hazardRatio: Double
    /// The reference load (accounts per CSM).
    public var referenceAccountsPerCsm: Double
    /// `scenario` (given as a number) or `fit` (estimated by a Cox fit).
    public var source: String
    /// The fit file, as given in the scenario; nil when given in the scenario.
    public var fitFile: String?
    /// The covariate of the fit.
    public var covariate: String?
    /// `assigned` (yes/no) or `accounts_per_csm`.
    public var covariateKind: String?
    /// The Cox coefficient β and its standard error.
    public var coefficient, standardError: Double?
    /// The fit's confidence interval of exp(β): the hazard ratio of a CSM (assigned) or per
    /// extra account on a CSM's book (accounts per CSM).
    public var hazardRatioCiLower, hazardRatioCiUpper: Double?
    /// Whether every path drew its own coefficient from Normal(β, SE²).
    public var drawnPerPath: Bool

    /// The record of `effect`.
    public init(_ effect: CoverageEffect) {
        hazardRatio = effect.hazardRatio
        referenceAccountsPerCsm = effect.referenceAccountsPerCSM
        let estimate = effect.estimate
        source = estimate == nil ? "scenario" : "fit"
        fitFile = estimate?.file
        covariate = estimate?.covariate
        covariateKind = estimate?.kind.rawValue
        coefficient = estimate?.coefficient
        standardError = estimate?.standardError
        hazardRatioCiLower = estimate.map { Double.exp($0.confidenceInterval.lower) }
        hazardRatioCiUpper = estimate.map { Double.exp($0.confidenceInterval.upper) }
        drawnPerPath = effect.isDrawnPerPath
    }

    /// Writes every key, with `null` for what a scenario-given effect lacks.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hazardRatio, forKey: .hazardRatio)
        try container.encode(referenceAccountsPerCsm, forKey: .referenceAccountsPerCsm)
        try container.encode(source, forKey: .source)
        try container.encode(fitFile, forKey: .fitFile)
        try container.encode(covariate, forKey: .covariate)
        try container.encode(covariateKind, forKey: .covariateKind)
        try container.encode(coefficient, forKey: .coefficient)
        try container.encode(standardError, forKey: .standardError)
        try container.encode(hazardRatioCiLower, forKey: .hazardRatioCiLower)
        try container.encode(hazardRatioCiUpper, forKey: .hazardRatioCiUpper)
        try container.encode(drawnPerPath, forKey: .drawnPerPath)
    }
}
