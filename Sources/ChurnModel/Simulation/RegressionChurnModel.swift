import RealModule

/// A fitted regression model (Cox, or a parametric accelerated-failure-time family) kept in
/// parts — base curve, coefficient vector, covariate encodings — so that the linear
/// predictor η = xᵀβ can differ from customer to customer (a book's covariates) without
/// rebuilding the model.
///
/// Cox: H(t | x) = e^η · H₀(t), with H₀ the baseline at x = 0 (R's `basehaz(fit, centered =
/// FALSE)`). AFT: log T = β₀ + η + σW, so the customer's model is the family at location
/// β₀ + η. Parameters are indexed as in the fit's `coefficients`.
struct RegressionChurnModel: Sendable {
    /// How covariates act.
    enum Form: Sendable {
        /// Proportional hazards on a baseline step curve.
        case proportionalHazards(baseline: StepCumulativeHazard)
        /// Accelerated failure time: parameter `intercept` is β₀, `logScale` (if estimated) log σ.
        case acceleratedFailureTime(family: ParametricFamily, intercept: Int, logScale: Int?, scale: Double)
    }

    /// How covariates act.
    let form: Form
    /// Point estimates of every parameter, in the fit's order.
    let estimates: [Double]
    /// The history's covariate columns and how each was encoded.
    let encodings: [FitCovariateEncoding]
    /// For each model column of the encodings, in order, its index among the parameters.
    let slopeIndices: [Int]

    /// The regression parts of `summary`, or nil for a model without covariate effects
    /// (Kaplan–Meier, Nelson–Aalen, sBG).
    /// - Throws: ``FittedModelError`` for an unknown stratum, an unusable baseline, or
    ///   coefficients the recorded encodings do not explain.
    init?(_ summary: FitSummary, stratum: String?, file: String) throws {
        let names = summary.coefficients.map(\.name)
        if summary.model == "cox" {
            form = .proportionalHazards(baseline: try summary.coxBaseline(stratum: stratum, file: file))
        } else if let family = ParametricFamily.allCases.first(where: { $0.identifier == summary.model }),
            let intercept = names.firstIndex(of: "(Intercept)")
        {
            form = .acceleratedFailureTime(
                family: family, intercept: intercept, logScale: names.firstIndex(of: "Log(scale)"), scale: summary.scale ?? 1)
        } else {
            return nil
        }
        let encodings = summary.covariateEncodings ?? []
        let modelNames = encodings.flatMap(\.modelNames)
        let slopes = names.filter { !["(Intercept)", "Log(scale)"].contains($0) }
        guard Set(modelNames) == Set(slopes), modelNames.count == slopes.count else {
            throw FittedModelError.unreadable(
                file: file, reason: "its covariate_encodings do not match its coefficients; refit it with this version of churnsim")
        }
        self.estimates = summary.coefficients.map(\.estimate)
        self.encodings = encodings
        self.slopeIndices = modelNames.compactMap { names.firstIndex(of: $0) }
    }

    /// Number of model columns (the width of a design row).
    var width: Int { slopeIndices.count }

    /// The book's covariates as a row-major design matrix (customers × ``width``), encoded
    /// as the history was.
    /// - Throws: ``FittedModelError`` when the book maps too few or unknown covariates,
    ///   ``DataError`` (file, row, column) for a value the model never saw.
    func design(of book: CustomerBook, modelFile: String) throws -> [Double] {
        let known = encodings.map(\.column)
        let unknown = book.covariateCells.keys.filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else { throw FittedModelError.unknownCovariates(file: modelFile, names: unknown, known: known) }
        let missing = known.filter { book.covariateCells[$0] == nil }
        guard missing.isEmpty else { throw FittedModelError.missingCovariates(file: modelFile, names: missing) }
        var design = [Double](repeating: 0, count: book.count * width)
        var offset = 0
        for encoding in encodings {
            let cells = book.covariateCells[encoding.column] ?? []
            let columns = encoding.modelNames.count
            for (customer, cell) in cells.enumerated() {
                guard let values = encoding.modelValues(ofCell: cell) else {
                    let row = book.rows[customer]
                    throw DataError.invalidValue(
                        file: book.file, row: row, line: book.rowLines.line(ofRow: row),
                        column: book.covariateColumns[encoding.column] ?? encoding.column, value: cell,
                        expected: encoding.expectedCell)
                }
                for (j, value) in values.enumerated() { design[customer * width + offset + j] = value }
            }
            offset += columns
        }
        return design
    }

    /// One design row for a customer profile given by model column name (`plan=Pro`), as
    /// `churn.covariates` states it; columns not given are 0.
    func designRow(_ covariates: [String: Double]) -> [Double] {
        encodings.flatMap(\.modelNames).map { covariates[$0] ?? 0 }
    }

    /// η = Σⱼ x_j θ_{slope j} for the design row of `customer`.
    @inline(__always)
    func linearPredictor(design: [Double], customer: Int, parameters θ: [Double]) -> Double {
        var eta = 0.0
        let start = customer * width
        for j in 0..<width { eta += design[start + j] * θ[slopeIndices[j]] }
        return eta
    }

    /// The hazard in months of a customer with linear predictor `eta` under parameters `θ`,
    /// on a time scale of `monthsPerUnit` months, further multiplied by `hazardRatio`.
    @inline(__always)
    func hazard(parameters θ: [Double], linearPredictor eta: Double, monthsPerUnit: Double, hazardRatio: Double) -> PathHazard {
        switch form {
        case .proportionalHazards(let baseline):
            return .model(baseline, monthsPerUnit: monthsPerUnit, hazardRatio: hazardRatio * Double.exp(eta))
        case .acceleratedFailureTime(let family, let intercept, let logScale, let scale):
            let sigma = logScale.map { Double.exp(θ[$0]) } ?? scale
            let model = ParametricSurvivalModel(family: family, linearPredictor: θ[intercept] + eta, scale: sigma)
            return .model(model, monthsPerUnit: monthsPerUnit, hazardRatio: hazardRatio)
        }
    }
}
