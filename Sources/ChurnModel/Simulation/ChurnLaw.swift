import RealModule

/// A segment's churn law as the engine uses it: resolved once per plan (model files loaded,
/// piecewise rates built), then specialised per path (an uncertain rate or a fit's
/// coefficients drawn).
enum ChurnLaw: Sendable {
    /// A constant churn probability, fixed or drawn once per path.
    case rate(ValueDistribution.Sampler, per: RatePeriod)
    /// A lifetime model whose time unit is `monthsPerUnit` months.
    case model(any SurvivalModel, monthsPerUnit: Double)
    /// A fitted regression at the customer profile `profile` (a design row), its coefficients
    /// drawn per path (`parameter_uncertainty`).
    case regression(RegressionChurnModel, profile: [Double], monthsPerUnit: Double)

    /// Resolves `churn` for a segment on `termMonths`-month contracts; relative model paths
    /// are taken from `baseDirectory`.
    /// - Throws: ``FittedModelError`` when a model file is unusable.
    init(_ churn: ChurnSpecification, termMonths: Int, baseDirectory: String) throws {
        switch churn {
        case .rate(let distribution, let period):
            self = .rate(ValueDistribution.Sampler(distribution), per: period)
        case .piecewise(let pieces):
            let model = PiecewiseConstantHazard(pieces: pieces.map { (until: $0.untilMonth.map(Double.init), probability: $0.monthlyRate) })
            self = .model(model, monthsPerUnit: 1)
        case .shiftedBetaGeometric(let alpha, let beta):
            self = .model(try ShiftedBetaGeometric(alpha: alpha, beta: beta), monthsPerUnit: Double(termMonths))
        case .fitted(let reference):
            let path = ScenarioPaths.resolve(reference.file, against: baseDirectory)
            let summary = try FittedModelFile.load(path: path)
            let model = try summary.survivalModel(covariates: reference.covariates, stratum: reference.stratum, file: path)
            if reference.parameterUncertainty,
                let regression = try RegressionChurnModel(summary, stratum: reference.stratum, file: path)
            {
                self = .regression(
                    regression, profile: regression.designRow(reference.covariates), monthsPerUnit: reference.monthsPerUnit)
                return
            }
            let monthsPerUnit = summary.model == "sbg" ? Double(termMonths) : reference.monthsPerUnit
            self = .model(model, monthsPerUnit: monthsPerUnit)
        }
    }

    /// Whether a path draw consumes a uniform (an uncertain rate does).
    var drawsPerPath: Bool {
        if case .rate(let sampler, _) = self { return sampler.drawsUniform }
        return false
    }

    /// The path's hazard, given the path-level uniform `u` (used only by an uncertain rate)
    /// and the path's draw of a regression's parameters (used only by `.regression`; its
    /// point estimates when nil).
    func pathHazard(fromUniform u: Double, parameters: [Double]?) -> PathHazard {
        switch self {
        case .rate(let sampler, let period):
            return .constant(monthlyProbability: min(max(period.monthly(sampler.value(fromUniform: u)), 0), 1))
        case .model(let model, let monthsPerUnit):
            return .model(model, monthsPerUnit: monthsPerUnit, hazardRatio: 1)
        case .regression(let model, let profile, let monthsPerUnit):
            let θ = parameters ?? model.estimates
            let eta = model.linearPredictor(design: profile, customer: 0, parameters: θ)
            return model.hazard(parameters: θ, linearPredictor: eta, monthsPerUnit: monthsPerUnit, hazardRatio: 1)
        }
    }
}

/// The churn hazard of a segment on one path, in months.
enum PathHazard: Sendable {
    /// Constant monthly churn probability p: hazard −log(1 − p) per month.
    case constant(monthlyProbability: Double)
    /// A model on its own time scale of `monthsPerUnit` months, its hazard multiplied by
    /// `hazardRatio` (1 for the model as fitted).
    case model(any SurvivalModel, monthsPerUnit: Double, hazardRatio: Double)

    /// The hazard multiplied by `ratio` > 0 at every tenure (proportional hazards): a constant
    /// monthly probability p becomes 1 − (1 − p)^ratio, formed as −expm1(ratio·log1p(−p)); a
    /// model's cumulative hazard is scaled. `ratio == 1` returns `self` unchanged, so results
    /// without a hazard ratio stay bit-identical.
    func scaled(by ratio: Double) -> PathHazard {
        guard ratio != 1 else { return self }
        switch self {
        case .constant(let p):
            if p >= 1 { return self }
            return .constant(monthlyProbability: min(max(-Double.expMinusOne(ratio * Double.log(onePlus: -p)), 0), 1))
        case .model(let model, let monthsPerUnit, let hazardRatio):
            return .model(model, monthsPerUnit: monthsPerUnit, hazardRatio: hazardRatio * ratio)
        }
    }

    /// Cumulative hazard at `months` of tenure.
    func cumulativeHazard(atMonths months: Double) -> Double {
        switch self {
        case .constant(let p):
            return p >= 1 ? (months > 0 ? .infinity : 0) : -Double.log(onePlus: -p) * months
        case .model(let model, let monthsPerUnit, let hazardRatio):
            let hazard = model.cumulativeHazard(at: months / monthsPerUnit)
            return hazardRatio == 1 ? hazard : hazardRatio * hazard
        }
    }

    /// The smallest tenure in months (≥ `lower`) at which the cumulative hazard reaches `target`.
    func months(reaching target: Double, from lower: Double) -> Double {
        switch self {
        case .constant(let p):
            if p >= 1 { return lower }
            let rate = -Double.log(onePlus: -p)
            return rate > 0 ? max(target / rate, lower) : .infinity
        case .model(let model, let monthsPerUnit, let hazardRatio):
            let unscaled = hazardRatio == 1 ? target : target / hazardRatio
            return max(model.inverseCumulativeHazard(solving: unscaled, from: lower / monthsPerUnit) * monthsPerUnit, lower)
        }
    }
}
