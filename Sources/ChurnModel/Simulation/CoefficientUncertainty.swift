/// The sampling law of a fitted regression's parameters across Monte Carlo paths: on each
/// path θ ~ N(θ̂, V), the fit's estimates and the covariance its standard errors come from
/// (`parameter_uncertainty: true` on a `churn: { model: … }` block).
///
/// A draw is θ = θ̂ + L·z with L the lower Cholesky factor of V (LAPACK `dpotrf`) and z k
/// independent standard normals by inversion, one uniform each, so a draw consumes exactly
/// k uniforms of its stream. For Cox models θ is β (the baseline hazard stays as fitted:
/// its own uncertainty is not drawn); for parametric AFT models θ is (β, log σ), so the
/// scale varies with the coefficients it is correlated with.
struct CoefficientUncertainty: Sendable {
    /// θ̂, in the order of the fit's `coefficients`.
    let estimates: [Double]
    /// L with L·Lᵀ = V.
    let factor: CholeskyFactor

    /// The law of the parameters of the fit in `file` (already loaded as `summary`).
    /// - Throws: ``FittedModelError/unusableCovariance(file:reason:)`` when the fit has no
    ///   covariance (an older file, or a model without coefficients to draw), its shape does
    ///   not match the coefficients, or it is not positive definite.
    init(_ summary: FitSummary, file: String) throws {
        let count = summary.coefficients.count
        guard summary.model == "cox" || ParametricFamily.allCases.contains(where: { $0.identifier == summary.model }) else {
            throw FittedModelError.unusableCovariance(
                file: file, reason: "a \(summary.model) fit has no regression coefficients to draw (use a Cox or parametric fit)")
        }
        guard let rows = summary.covariance else {
            throw FittedModelError.unusableCovariance(
                file: file, reason: "the file has no 'covariance' (refit it with this version of churnsim fit)")
        }
        guard rows.count == count, rows.allSatisfy({ $0.count == count }) else {
            throw FittedModelError.unusableCovariance(
                file: file, reason: "'covariance' must be \(count) × \(count), one row and column per coefficient")
        }
        do {
            factor = try CholeskyFactor(Matrix(rowMajor: rows))
        } catch {
            throw FittedModelError.unusableCovariance(file: file, reason: "'covariance' is not positive definite (\(error))")
        }
        estimates = summary.coefficients.map(\.estimate)
    }

    /// One draw θ̂ + L·z, consuming one uniform of `stream` per parameter.
    func draw(using stream: inout RandomStream) -> [Double] {
        let count = estimates.count
        let z = (0..<count).map { _ in stream.standardNormalByInversion() }
        let lower = factor.lower
        return (0..<count).map { row in
            (0...row).reduce(estimates[row]) { $0 + lower[row, $1] * z[$1] }
        }
    }
}
