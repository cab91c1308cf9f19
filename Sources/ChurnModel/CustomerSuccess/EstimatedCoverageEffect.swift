import RealModule

/// A CS effect estimated from history: the log hazard ratio β of coverage and its standard
/// error, read from a `churnsim fit --model cox` output (a plain, unadjusted coefficient) or
/// from a `churnsim effect` output (propensity-weighted, adjusted for confounders).
///
/// The simulation carries the estimate as parameter uncertainty: every path draws its own
/// coefficient β + SE·z with z ~ Normal(0, 1) (see ``SegmentHazardRatios``), so the ranges
/// it reports include what the history leaves unknown about the effect.
public struct EstimatedCoverageEffect: Sendable, Equatable {
    /// What the covariate measured, which decides how β becomes a hazard ratio.
    public enum Kind: String, Sendable, Equatable {
        /// A yes/no column (CSM assigned): exp(β) is the hazard ratio of a covered customer
        /// against tech-touch, taken to hold at the reference load.
        case assigned
        /// A numeric column holding the owning CSM's accounts per CSM: β is the log hazard
        /// ratio per extra account on a CSM's book.
        case accountsPerCSM = "accounts_per_csm"
    }

    /// Where the estimate comes from.
    public enum Source: String, Sendable, Equatable {
        /// A Cox coefficient of `churnsim fit` (`from_fit`): unadjusted for who gets a CSM.
        case fit
        /// The weighted marginal hazard ratio of `churnsim effect` (`from_effect`).
        case effect
    }

    /// The fit or effect file as given in the scenario.
    public var file: String
    /// Where the estimate comes from.
    public var source: Source
    /// The estimand of a `churnsim effect` estimate (nil for a fit).
    public var estimand: CausalEstimand?
    /// The covariate's name in the fit.
    public var covariate: String
    /// How β is read.
    public var kind: Kind
    /// The estimated coefficient β (log hazard ratio per unit of the covariate).
    public var coefficient: Double
    /// Its standard error (≥ 0; 0 gives a fixed effect).
    public var standardError: Double
    /// The fit's confidence interval for β, as (lower, upper).
    public var confidenceInterval: (lower: Double, upper: Double)

    /// Creates the record; `standardError` must be finite and ≥ 0.
    public init(
        file: String, covariate: String, kind: Kind, coefficient: Double, standardError: Double,
        confidenceInterval: (lower: Double, upper: Double), source: Source = .fit, estimand: CausalEstimand? = nil
    ) {
        precondition(coefficient.isFinite && standardError.isFinite && standardError >= 0, "invalid CS estimate")
        self.file = file
        self.source = source
        self.estimand = estimand
        self.covariate = covariate
        self.kind = kind
        self.coefficient = coefficient
        self.standardError = standardError
        self.confidenceInterval = confidenceInterval
    }

    /// The coefficient of a path whose standard-normal draw is `z`: β + SE·z (β exactly when
    /// SE is 0).
    public func coefficient(standardNormal z: Double) -> Double {
        standardError == 0 ? coefficient : coefficient + standardError * z
    }

    /// Equal when every stored number and name is.
    public static func == (a: Self, b: Self) -> Bool {
        a.file == b.file && a.source == b.source && a.estimand == b.estimand && a.covariate == b.covariate && a.kind == b.kind && a.coefficient == b.coefficient
            && a.standardError == b.standardError && a.confidenceInterval == b.confidenceInterval
    }
}

/// Why a fit cannot give a CS effect.
public enum CoverageEstimateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The fit is not a Cox model, so its coefficients are not log hazard ratios.
    case notCox(model: String)
    /// The covariate is not among the fit's coefficients.
    case unknownCovariate(name: String, known: [String])
    /// The covariate is categorical, or its kind is not recorded.
    case unsupportedKind(name: String, kind: String)
    /// The point estimate says coverage raises churn.
    case wrongDirection(name: String, hazardRatio: Double)
    /// The estimate or its standard error is not a finite number.
    case notFinite(name: String)
    /// The `churnsim effect` output claims no effect because its arms are not balanced.
    case unbalancedEffect(verdict: String)

    /// What is wrong and what would work.
    public var description: String {
        switch self {
        case .notCox(let model):
            "is a '\(model)' fit; the CS effect needs a Cox fit (churnsim fit --model cox) whose coefficients are log hazard ratios"
        case .unknownCovariate(let name, let known):
            "has no coefficient '\(name)' (it has: \(known.joined(separator: ", ")))"
        case .unsupportedKind(let name, let kind):
            "covariate '\(name)' is \(kind); expected a yes/no column (CSM assigned) or a number (accounts per owning CSM)"
        case .wrongDirection(let name, let ratio):
            "covariate '\(name)' has hazard ratio \(NumberFormatting.grouped(ratio, decimals: 3)) per unit, i.e. more coverage goes with "
                + "higher churn (often because CSMs are assigned to accounts already at risk); give hazard_ratio instead"
        case .notFinite(let name):
            "covariate '\(name)' has no finite estimate and standard error"
        case .unbalancedEffect(let verdict):
            "claims no effect, because its weighted arms are not balanced (\(verdict)); fix the propensity model and rerun churnsim effect"
        }
    }
}

extension EstimatedCoverageEffect {
    /// Reads the coefficient of `covariate` from a Cox `fit` written to `file`.
    ///
    /// A boolean covariate is read as CSM assigned (β < 0 required: coverage lowers churn);
    /// a numeric one as the owning CSM's accounts per CSM (β > 0 required: heavier books
    /// churn more).
    /// - Throws: ``CoverageEstimateError``.
    public init(fit: FitSummary, file: String, covariate: String) throws {
        guard fit.model == "cox" else { throw CoverageEstimateError.notCox(model: fit.model) }
        guard let row = fit.coefficients.first(where: { $0.name == covariate }) else {
            throw CoverageEstimateError.unknownCovariate(name: covariate, known: fit.coefficients.map(\.name))
        }
        guard row.estimate.isFinite, row.standardError.isFinite, row.standardError >= 0 else {
            throw CoverageEstimateError.notFinite(name: covariate)
        }
        let encoding = fit.covariateEncodings?.first { $0.column == covariate }?.kind ?? "of unrecorded kind"
        let kind: Kind
        switch encoding {
        case "boolean": kind = .assigned
        case "numeric": kind = .accountsPerCSM
        default: throw CoverageEstimateError.unsupportedKind(name: covariate, kind: encoding)
        }
        let pointsWrongWay = kind == .assigned ? row.estimate >= 0 : row.estimate <= 0
        guard !pointsWrongWay else {
            throw CoverageEstimateError.wrongDirection(name: covariate, hazardRatio: Double.exp(row.estimate))
        }
        self.init(
            file: file, covariate: covariate, kind: kind, coefficient: row.estimate, standardError: row.standardError,
            confidenceInterval: (row.ciLower, row.ciUpper))
    }
}

extension EstimatedCoverageEffect {
    /// Reads the weighted marginal hazard ratio of a `churnsim effect` output written to `file`:
    /// the treatment is CSM assigned, β its log hazard ratio and the SE its robust standard error.
    /// - Throws: ``CoverageEstimateError`` when the arms are not balanced or the HR is not below 1.
    public init(effect: EffectSummary, file: String) throws {
        guard effect.conclusion != .notBalanced else { throw CoverageEstimateError.unbalancedEffect(verdict: effect.verdict) }
        let ratio = effect.hazardRatio
        guard ratio.logEstimate.isFinite, ratio.standardError.isFinite, ratio.standardError >= 0, ratio.ci95.count == 2,
            ratio.ci95.allSatisfy({ $0 > 0 && $0.isFinite })
        else {
            throw CoverageEstimateError.notFinite(name: effect.treatment)
        }
        guard ratio.logEstimate < 0 else {
            throw CoverageEstimateError.wrongDirection(name: effect.treatment, hazardRatio: ratio.estimate)
        }
        self.init(
            file: file, covariate: effect.treatment, kind: .assigned, coefficient: ratio.logEstimate,
            standardError: ratio.standardError,
            confidenceInterval: (Double.log(ratio.ci95[0]), Double.log(ratio.ci95[1])), source: .effect,
            estimand: effect.estimand)
    }
}
