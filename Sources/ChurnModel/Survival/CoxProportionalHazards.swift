/// Fits the Cox proportional hazards model h(t | x) = h₀ₛ(t)·exp(x·β) by maximising the
/// partial likelihood, as R's `coxph`.
///
/// Supports Efron or Breslow ties, strata (a separate baseline hazard and risk sets per
/// ``EventTable/strata`` label), case weights, counting-process rows with late entry
/// (a row is at risk at t iff entry < t ≤ stop), and the robust sandwich variance summed
/// within ``EventTable/clusters``. Covariates are centred at their weighted means.
/// Newton–Raphson starts at β = 0, halves the step while the log likelihood decreases, and
/// stops when |1 − ℓ_old/ℓ_new| ≤ ``CoxOptions/tolerance`` (R's `coxfit6`); each step and
/// the final variance I(β̂)⁻¹ use the Cholesky factorization of the information matrix.
///
/// Each iteration sorts nothing: rows are ordered once per stratum, and risk-set sums are
/// updated as event times are walked backwards, so an iteration costs O(n·p²).
///
/// References: Cox, "Regression models and life-tables", *JRSS B* 34 (1972);
/// Therneau & Grambsch, *Modeling Survival Data* (2000), ch. 3; Efron (1977);
/// Lin & Wei (1989); Harrell et al. (1982).
public struct CoxProportionalHazards: Sendable {
    /// Fitting settings.
    public let options: CoxOptions

    /// Creates an engine with the given options (R's defaults if omitted).
    public init(options: CoxOptions = CoxOptions()) {
        self.options = options
    }

    /// Fits the model to `table`, using its covariates, strata, weights, entry times and
    /// clusters.
    ///
    /// - Parameter table: Event data with at least one covariate column.
    /// - Returns: The fit; statistical caveats (non-convergence, possibly infinite
    ///   coefficients) are in ``CoxFit/warnings``.
    /// - Throws: ``CoxModelError/noCovariates``; ``CoxModelError/noEvents``;
    ///   ``CoxModelError/constantCovariate(name:)`` or
    ///   ``CoxModelError/collinearCovariate(name:)`` naming the offending column;
    ///   ``CoxModelError/tieCorrection(_:)``; ``CoxModelError/linearAlgebra(_:)``.
    /// - Complexity: O(n log n + iterations · n·p² + p³).
    public func fit(_ table: EventTable) throws(CoxModelError) -> CoxFit {
        try estimate(table).completed()
    }

    /// The fit up to its concordance, with the design still holding its covariates for the
    /// checks that read them (``CoxPartialFit/proportionalityTest(_:)``). `table` is taken
    /// over: passed with `consume`, its covariate matrix is freed once the design is built.
    ///
    /// - Throws: as ``fit(_:)``.
    func estimate(_ table: consuming EventTable) throws(CoxModelError) -> CoxPartialFit {
        let clusters = table.clusters
        let design = try CoxDesign(consume table, tieTolerance: options.tieTolerance)
        let p = design.covariateCount
        let (null, scoreStatistic, solution) = try maximise(CoxPartialLikelihood(design: design, ties: options.ties))
        let beta = solution.beta
        let modelCovariance = try Self.inverse(solution.factor)
        var warnings: [CoxFitWarning] = []
        if !solution.converged { warnings.append(.didNotConverge(iterations: solution.iterations)) }
        let remaining = (try? Self.solve(solution.factor, solution.value.gradient)) ?? []
        for j in 0..<p {
            let step = j < remaining.count ? Swift.abs(remaining[j]) : .infinity
            if !step.isFinite
                || (step > options.tolerance && step > options.infiniteTolerance * Swift.abs(beta[j]))
            {
                warnings.append(.possiblyInfiniteCoefficient(name: design.names[j]))
            }
        }

        let robust = options.robust
            ? design.robustVariance(beta, variance: modelCovariance, clusters: clusters, ties: options.ties)
            : nil
        let covariance = robust ?? modelCovariance
        let quantile = NormalQuantile.quantile(1 - (1 - options.confidenceLevel) / 2)
        let coefficients = (0..<p).map { j in
            CoxCoefficient(
                name: design.names[j], estimate: beta[j],
                modelStandardError: modelCovariance[j, j].squareRoot(),
                robustStandardError: robust.map { $0[j, j].squareRoot() }, quantile: quantile)
        }
        var wald: Double
        if let solved = try? CholeskyFactor(covariance).solve(beta) {
            wald = zip(beta, solved).reduce(0) { $0 + $1.0 * $1.1 }
        } else {
            warnings.append(.waldTestUsesModelVariance)
            let information = solution.value.information
            wald = 0
            for j in 0..<p { for k in 0..<p { wald += beta[j] * information[j, k] * beta[k] } }
        }
        let logLikelihood = solution.value.logLikelihood
        let baselineHazards = design.baselineHazards(beta, jumps: solution.value.hazardJumps)
        let eta = design.linearPredictors(beta)
        let (iterations, converged) = (solution.iterations, solution.converged)
        let (observationCount, eventCount) = (design.rowCount, design.event.filter { $0 }.count)
        let (names, means, nullLogLikelihood) = (design.names, design.means, null.logLikelihood)
        return CoxPartialFit(design: design, ties: options.ties, eta: eta, clusters: clusters) {
            [options, warnings, wald] concordance in
            CoxFit(
                covariateNames: names, coefficients: coefficients, covariance: covariance,
                modelCovariance: modelCovariance, isRobust: robust != nil, means: means,
                nullLogLikelihood: nullLogLikelihood, logLikelihood: logLikelihood,
                likelihoodRatioTest: CoxGlobalTest(
                    statistic: Swift.max(0, 2 * (logLikelihood - nullLogLikelihood)), degreesOfFreedom: p),
                waldTest: CoxGlobalTest(statistic: wald, degreesOfFreedom: p),
                scoreTest: CoxGlobalTest(statistic: scoreStatistic, degreesOfFreedom: p),
                aic: -2 * logLikelihood + 2 * Double(p),
                concordance: concordance,
                baselineHazards: baselineHazards,
                iterations: iterations, converged: converged, warnings: warnings,
                observationCount: observationCount, eventCount: eventCount,
                ties: options.ties, confidenceLevel: options.confidenceLevel)
        }
    }

    /// The likelihood at β = 0, the score test statistic U(0)ᵀI(0)⁻¹U(0), and the maximum.
    /// `model` (and its share of the design's covariates) is released on return.
    private func maximise(
        _ model: CoxPartialLikelihood
    ) throws(CoxModelError) -> (null: CoxPartialLikelihood.Value, scoreStatistic: Double, solution: Solution) {
        let null = model.evaluate([Double](repeating: 0, count: model.design.covariateCount))
        let nullFactor = try Self.factorAtZero(null.information, names: model.design.names)
        let nullStep = try Self.solve(nullFactor, null.gradient)
        let scoreStatistic = zip(null.gradient, nullStep).reduce(0) { $0 + $1.0 * $1.1 }
        let solution = try newtonRaphson(model, start: null, startFactor: nullFactor, firstStep: nullStep)
        return (null, scoreStatistic, solution)
    }
}
