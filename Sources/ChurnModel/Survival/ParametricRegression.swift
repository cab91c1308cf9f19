import RealModule

/// Fits accelerated-failure-time models log T = xᵀβ + σ·W by maximum likelihood, as R's
/// `survreg` does, with right censoring, case weights and late entry (left truncation).
///
/// Engine: Newton–Raphson on θ = (β, log σ) with the analytic gradient and Hessian of
/// ``ParametricFamily``'s log-density and log-survival, step halving whenever the
/// log-likelihood fails to increase or is not finite, and a Levenberg-style ridge when the
/// negative Hessian is not positive definite far from the optimum. As in `survreg`, the
/// intercept-only model is fitted first (started from the weighted mean and standard
/// deviation of log t, moment-matched to W) and its estimates, with zero slopes, start the
/// full fit. The covariance matrix is the inverse of the negative Hessian at the estimate
/// (Cholesky). Late entry at a > 0 subtracts log S(a | x) from the row's contribution
/// (R's `survreg` does not support this; Klein & Moeschberger 2003, §3.4).
///
/// Reference: Kalbfleisch & Prentice, *The Statistical Analysis of Failure Time Data*, 2nd
/// ed., ch. 2–3; Therneau, R package `survival`, `survreg.fit`.
public struct ParametricRegression: Sendable {
    /// The fitting options.
    public let options: ParametricOptions

    /// Creates a fitter with the given options.
    ///
    /// - Parameter options: Tolerance, iteration limit and confidence level (default
    ///   ``ParametricOptions/standard``).
    public init(options: ParametricOptions = .standard) {
        self.options = options
    }

    /// Fits the model to an event table, using all its covariates.
    ///
    /// - Parameters:
    ///   - table: Durations (all > 0), event flags, optional entry times, weights and
    ///     covariates. Strata are ignored (one σ for all rows).
    ///   - family: The error distribution of W.
    /// - Returns: The immutable fit.
    /// - Throws: ``ParametricRegressionError`` — `noEvents`, `nonPositiveDuration`,
    ///   `didNotConverge`, `singularInformation`, `nonFiniteLikelihood`.
    /// - Complexity: O(iterations · n · p²).
    public func fit(_ table: EventTable, family: ParametricFamily) throws(ParametricRegressionError)
        -> ParametricFit
    {
        let likelihood = try Self.likelihood(for: table, family: family)
        guard zip(table.events, likelihood.weights).contains(where: { $0 && $1 > 0 }) else {
            throw .noEvents
        }
        let null = likelihood.interceptOnly()
        let nullStart = startingValues(null)
        let nullFit = try maximize(null, from: nullStart)
        var start = [nullFit.theta[0]] + [Double](repeating: 0, count: likelihood.coefficientCount - 1)
        if family.estimatesScale { start.append(nullFit.theta[1]) }
        let full = likelihood.coefficientCount > 1 ? try maximize(likelihood, from: start) : nullFit
        let covariance: Matrix
        do {
            var information = full.evaluation.hessian
            for index in information.storage.indices { information.storage[index].negate() }
            covariance = try CholeskyFactor(information).inverse()
        } catch let error as LinearAlgebraError {
            throw .singularInformation(error)
        } catch {
            throw .singularInformation(.lapack(routine: "dpotri", info: 0))
        }
        return ParametricFit(
            family: family, theta: full.theta, covariance: covariance,
            covariateNames: table.covariateNames,
            logLikelihood: full.evaluation.logLikelihood,
            nullLogLikelihood: nullFit.evaluation.logLikelihood,
            iterations: full.iterations, observationCount: table.count,
            eventCount: table.events.filter { $0 }.count,
            confidenceLevel: options.confidenceLevel)
    }

    /// Builds the likelihood, checking durations.
    static func likelihood(for table: EventTable, family: ParametricFamily)
        throws(ParametricRegressionError) -> ParametricLikelihood
    {
        var design: [[Double]] = []
        design.reserveCapacity(table.count)
        for i in 0..<table.count {
            guard table.durations[i] > 0 else {
                throw .nonPositiveDuration(row: i + 1, value: table.durations[i])
            }
            var row = [1.0]
            if let x = table.covariates {
                for j in 0..<x.columns { row.append(x[i, j]) }
            }
            design.append(row)
        }
        let logEntries: [Double?] = (0..<table.count).map { i in
            guard let entry = table.entryTimes?[i], entry > 0 else { return nil }
            return Double.log(entry)
        }
        return ParametricLikelihood(
            family: family, design: design, logTimes: table.durations.map { Double.log($0) },
            logEntries: logEntries, events: table.events,
            weights: (0..<table.count).map { table.weight(at: $0) })
    }

    /// Moment-matched starting values for the intercept-only model.
    func startingValues(_ likelihood: ParametricLikelihood) -> [Double] {
        let totalWeight = likelihood.weights.reduce(0, +)
        let mean = zip(likelihood.logTimes, likelihood.weights).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
        let variance = zip(likelihood.logTimes, likelihood.weights).reduce(0) {
            $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean)
        } / totalWeight
        let family = likelihood.family
        var sigma = variance > 0 ? variance.squareRoot() / family.errorStandardDeviation : 1
        if !family.estimatesScale { sigma = 1 }
        let intercept = mean - sigma * family.errorMean
        return family.estimatesScale ? [intercept, Double.log(sigma)] : [intercept]
    }

    /// The result of one Newton–Raphson maximization.
    struct Maximum {
        let theta: [Double]
        let evaluation: ParametricLikelihood.Evaluation
        let iterations: Int
    }

    /// Newton–Raphson with step halving and a ridge fallback.
    func maximize(_ likelihood: ParametricLikelihood, from start: [Double])
        throws(ParametricRegressionError) -> Maximum
    {
        var theta = start
        var current = likelihood.evaluate(theta)
        guard current.logLikelihood.isFinite else { throw .nonFiniteLikelihood(iteration: 0) }
        for iteration in 1...options.maxIterations {
            let step = Self.newtonStep(current)
            var scale = 1.0
            var accepted: (theta: [Double], evaluation: ParametricLikelihood.Evaluation)?
            for _ in 0..<40 {
                let candidate = zip(theta, step).map { $0 + scale * $1 }
                let evaluation = likelihood.evaluate(candidate)
                let ll = evaluation.logLikelihood
                if ll.isFinite, ll >= current.logLikelihood - 1e-12 * Swift.abs(current.logLikelihood) {
                    accepted = (candidate, evaluation)
                    break
                }
                scale /= 2
            }
            guard let accepted else {
                if Self.gradientNorm(current) < 1e-6 {
                    return Maximum(theta: theta, evaluation: current, iterations: iteration)
                }
                throw .nonFiniteLikelihood(iteration: iteration)
            }
            let change = Swift.abs(1 - current.logLikelihood / accepted.evaluation.logLikelihood)
            theta = accepted.theta
            current = accepted.evaluation
            if change <= options.tolerance {
                return Maximum(theta: theta, evaluation: current, iterations: iteration)
            }
        }
        throw .didNotConverge(iterations: options.maxIterations, gradientNorm: Self.gradientNorm(current))
    }

    /// Solves (−H + λI)·s = g, with λ = 0 unless −H is not positive definite.
    static func newtonStep(_ evaluation: ParametricLikelihood.Evaluation) -> [Double] {
        var information = evaluation.hessian
        for index in information.storage.indices { information.storage[index].negate() }
        let size = information.rows
        let largest = information.diagonal.map { Swift.abs($0) }.max() ?? 1
        var ridge = 0.0
        for _ in 0..<30 {
            var regularized = information
            for d in 0..<size { regularized[d, d] += ridge }
            if let factor = try? CholeskyFactor(regularized),
                let step = try? factor.solve(evaluation.gradient)
            {
                return step
            }
            ridge = ridge == 0 ? max(largest, 1) * 1e-6 : ridge * 10
        }
        // Gradient ascent as the last resort, scaled to a unit step.
        let norm = max(gradientNorm(evaluation), 1)
        return evaluation.gradient.map { $0 / norm }
    }

    static func gradientNorm(_ evaluation: ParametricLikelihood.Evaluation) -> Double {
        evaluation.gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}
