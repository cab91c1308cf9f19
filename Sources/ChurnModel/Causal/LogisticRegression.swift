import RealModule

/// A fitted logistic regression: P(y = 1 | x) = 1 / (1 + exp(−(β₀ + xᵀβ))).
public struct LogisticFit: Sendable, Equatable {
    /// Term names: `(Intercept)`, then one per design column.
    public let names: [String]
    /// Maximum-likelihood coefficients, intercept first.
    public let coefficients: [Double]
    /// Model-based standard errors (square roots of the inverse information's diagonal).
    public let standardErrors: [Double]
    /// Fitted probabilities, one per row.
    public let fitted: [Double]
    /// Log-likelihood at the estimate.
    public let logLikelihood: Double
    /// Newton (IRLS) iterations taken.
    public let iterations: Int
}

/// Logistic regression by Newton's method on the log-likelihood (iteratively reweighted least
/// squares, as R's `glm(family = binomial)`), with step halving when a step lowers the
/// likelihood by more than rounding. The information XᵀWX is formed with BLAS (`dsyrk`) and
/// solved by Cholesky (LAPACK).
///
/// Stops when the relative change of the deviance is below `tolerance` (R's rule,
/// |D − D_old| / (|D| + 0.1) < ε). Separation — a combination of the covariates that predicts the
/// outcome perfectly, so the estimate does not exist — shows as fitted probabilities of 0 or 1
/// and is thrown, never returned as huge coefficients.
enum LogisticRegression {
    /// Fits `outcome` on the columns of `design` (n × p, without an intercept column).
    /// - Throws: ``CausalEffectError/separation(terms:)``, ``CausalEffectError/collinear(terms:)``
    ///   or ``CausalEffectError/propensityDidNotConverge(iterations:)``.
    static func fit(
        design: Matrix, names: [String], outcome: [Bool], tolerance: Double = 1e-12, maxIterations: Int = 50
    ) throws(CausalEffectError) -> LogisticFit {
        let n = design.rows
        let x = Matrix(rows: n, columns: design.columns + 1, columnMajor: [Double](repeating: 1, count: n) + design.storage)
        let y = outcome.map { $0 ? 1.0 : 0.0 }
        let terms = ["(Intercept)"] + names
        var beta = [Double](repeating: 0, count: x.columns)
        var deviance = -2 * logLikelihood(linearPredictor(x, beta), y)
        for iteration in 1...maxIterations {
            let eta = linearPredictor(x, beta)
            let step = try newtonStep(x, y, eta, beta: beta, terms: terms)
            var scale = 1.0
            var candidate = zip(beta, step).map { $0 + $1 }
            var candidateDeviance = -2 * logLikelihood(linearPredictor(x, candidate), y)
            // Halve only on a real increase: near the optimum the deviance changes less than the
            // rounding of its sum over the rows (about 1e-13 relative at a million rows).
            while !(candidateDeviance - deviance <= Self.noise * (abs(deviance) + 0.1)) && scale > 1e-10 {
                scale /= 2
                candidate = zip(beta, step).map { $0 + scale * $1 }
                candidateDeviance = -2 * logLikelihood(linearPredictor(x, candidate), y)
            }
            // No step lowers the deviance: the estimate is at the rounding floor already.
            guard candidateDeviance - deviance <= Self.noise * (abs(deviance) + 0.1) else {
                return try finish(x, y, beta, terms: terms, iterations: iteration)
            }
            let change = abs(candidateDeviance - deviance) / (abs(candidateDeviance) + 0.1)
            beta = candidate
            deviance = candidateDeviance
            if change < tolerance && scale == 1 {
                return try finish(x, y, beta, terms: terms, iterations: iteration)
            }
        }
        try checkSeparation(x, y, beta, terms: terms)
        throw .propensityDidNotConverge(iterations: maxIterations)
    }

    /// The relative change of the deviance below which an increase is rounding, not divergence.
    private static let noise = 1e-10

    private static func finish(
        _ x: Matrix, _ y: [Double], _ beta: [Double], terms: [String], iterations: Int
    ) throws(CausalEffectError) -> LogisticFit {
        try checkSeparation(x, y, beta, terms: terms)
        let eta = linearPredictor(x, beta)
        let covariance: Matrix
        do {
            covariance = try CholeskyFactor(information(x, eta)).inverse()
        } catch {
            throw collinearity(error, terms: terms)
        }
        return LogisticFit(
            names: terms, coefficients: beta, standardErrors: covariance.diagonal.map { $0.squareRoot() },
            fitted: eta.map(probability), logLikelihood: logLikelihood(eta, y), iterations: iterations)
    }

    /// Fitted probabilities within 1e-10 of 0 or 1 mean the arms are separated: a finite estimate
    /// that puts some accounts there is a divergent one stopped by the convergence test
    /// (quasi-complete separation), with standard errors in the thousands.
    private static func checkSeparation(_ x: Matrix, _ y: [Double], _ beta: [Double], terms: [String]) throws(CausalEffectError) {
        try checkSeparation(x, y, linearPredictor(x, beta), beta: beta, terms: terms)
    }

    private static func checkSeparation(
        _ x: Matrix, _ y: [Double], _ eta: [Double], beta: [Double], terms: [String]
    ) throws(CausalEffectError) {
        let edge = 1e-10
        guard eta.contains(where: { probability($0) < edge || probability($0) > 1 - edge }) else { return }
        // Name the terms that push hardest: the largest |β| times the spread of their column.
        let spread = (1..<x.columns).map { column -> Double in
            let values = x.column(column)
            return (values.max() ?? 0) - (values.min() ?? 0)
        }
        let ranked = (1..<x.columns).sorted { abs(beta[$0]) * spread[$0 - 1] > abs(beta[$1]) * spread[$1 - 1] }
        throw .separation(terms: ranked.prefix(3).map { terms[$0] })
    }

    /// Solves (XᵀWX) δ = Xᵀ(y − p) for the Newton step δ.
    private static func newtonStep(
        _ x: Matrix, _ y: [Double], _ eta: [Double], beta: [Double], terms: [String]
    ) throws(CausalEffectError) -> [Double] {
        let residual = zip(y, eta).map { $0 - probability($1) }
        do {
            let gradient = try Matrix.product(x, residual, transA: .transposed)
            return try CholeskyFactor(information(x, eta)).solve(gradient)
        } catch {
            // Fitted probabilities of 0 or 1 make the information singular too: say which it is.
            try checkSeparation(x, y, eta, beta: beta, terms: terms)
            throw collinearity(error, terms: terms)
        }
    }

    /// The collinearity error for a failed factorisation: the first term whose leading minor is
    /// not positive is a combination of the terms before it.
    private static func collinearity(_ error: any Error, terms: [String]) -> CausalEffectError {
        if case LinearAlgebraError.notPositiveDefinite(let minor)? = error as? LinearAlgebraError, terms.indices.contains(minor - 1) {
            return .collinear(terms: [terms[minor - 1]])
        }
        return .collinear(terms: Array(terms.dropFirst()))
    }

    /// XᵀWX with W = diag(p(1 − p)).
    private static func information(_ x: Matrix, _ eta: [Double]) throws -> Matrix {
        let root = eta.map { eta in
            let p = probability(eta)
            return (p * (1 - p)).squareRoot()
        }
        var scaled = x
        for column in 0..<x.columns {
            for row in 0..<x.rows { scaled.storage[column * x.rows + row] *= root[row] }
        }
        return try scaled.gram()
    }

    private static func linearPredictor(_ x: Matrix, _ beta: [Double]) -> [Double] {
        var eta = [Double](repeating: 0, count: x.rows)
        for column in 0..<x.columns where beta[column] != 0 {
            let b = beta[column]
            for row in 0..<x.rows { eta[row] += b * x.storage[column * x.rows + row] }
        }
        return eta
    }

    /// The logistic function, without overflow for large |η|.
    static func probability(_ eta: Double) -> Double {
        eta >= 0 ? 1 / (1 + Double.exp(-eta)) : Double.exp(eta) / (1 + Double.exp(eta))
    }

    /// Σ yη − log(1 + e^η), computed as y·η − max(η, 0) − log1p(e^−|η|).
    private static func logLikelihood(_ eta: [Double], _ y: [Double]) -> Double {
        zip(eta, y).reduce(0) { sum, pair in
            sum + pair.1 * pair.0 - max(pair.0, 0) - Double.log(onePlus: Double.exp(-abs(pair.0)))
        }
    }
}
