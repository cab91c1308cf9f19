/// A segment's book of current customers as the engine uses it: MRR and tenure per
/// customer, and, when the churn model is a regression whose covariates the book maps, each
/// customer's encoded covariates.
struct BookPlan: Sendable {
    /// Current MRR of each customer.
    let revenue: [Double]
    /// Months each customer has already survived.
    let tenureMonths: [Double]
    /// The regression model and the book's row-major design matrix, when customers have
    /// their own covariates.
    let regression: (model: RegressionChurnModel, design: [Double])?
    /// Months per unit of the model's time scale.
    let monthsPerUnit: Double

    /// Prepares `book` for a segment whose churn is `churn`.
    /// - Throws: ``FittedModelError`` or ``DataError`` when the book's covariates do not fit the model.
    init(_ book: CustomerBook, churn: ChurnSpecification, termMonths: Int, baseDirectory: String) throws {
        revenue = book.monthlyRecurringRevenue
        tenureMonths = book.tenureMonths
        guard case .fitted(let reference) = churn, !book.covariateCells.isEmpty else {
            regression = nil
            monthsPerUnit = 1
            return
        }
        let path = ScenarioPaths.resolve(reference.file, against: baseDirectory)
        let summary = try FittedModelFile.load(path: path)
        guard let model = try RegressionChurnModel(summary, stratum: reference.stratum, file: path) else {
            throw FittedModelError.unknownCovariates(file: path, names: book.covariateCells.keys.sorted(), known: [])
        }
        regression = (model, try model.design(of: book, modelFile: path))
        monthsPerUnit = reference.monthsPerUnit
    }

    /// The churn of the segment as a whole (its new logos): `churn` itself, except that a
    /// regression without a profile in `churn.covariates` and without new logos, whose every
    /// customer has its own covariates, gets the all-zero profile, which no customer uses.
    func segmentChurn(_ churn: ChurnSpecification, hasNewLogos: Bool) -> ChurnSpecification {
        guard let regression, !hasNewLogos, case .fitted(var reference) = churn, reference.covariates.isEmpty else {
            return churn
        }
        reference.covariates = Dictionary(
            regression.model.encodings.flatMap(\.modelNames).map { ($0, 0.0) }, uniquingKeysWith: { first, _ in first })
        return .fitted(reference)
    }
}
