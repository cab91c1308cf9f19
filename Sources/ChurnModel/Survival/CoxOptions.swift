/// Settings of ``CoxProportionalHazards``, validated on creation; the defaults are R's
/// `coxph.control()` and `coxph(ties = "efron")`.
///
/// Reference: Therneau & Grambsch, *Modeling Survival Data* (2000), §3.2–3.3.
public struct CoxOptions: Sendable, Equatable {
    /// How tied event times enter the partial likelihood.
    public let ties: TieMethod
    /// Newton–Raphson stops when |1 − ℓ_old/ℓ_new| ≤ `tolerance` for the log partial
    /// likelihood ℓ (R's `eps`, default 1e-9).
    public let tolerance: Double
    /// Iteration limit (R's `iter.max`, default 20).
    public let maxIterations: Int
    /// Level of the coefficient and hazard-ratio confidence intervals, in (0, 1).
    public let confidenceLevel: Double
    /// Whether to replace the model-based variance by the robust sandwich variance of
    /// Lin & Wei (1989), summed within ``EventTable/clusters`` when the table has them.
    /// R turns this on by itself for `cluster()` terms and non-integer weights; here it is
    /// always explicit.
    public let robust: Bool
    /// Times closer than this (absolutely or relative to the mean absolute time) are merged
    /// into ties first, as R's `aeqSurv` (`timefix = TRUE`); 0 disables merging.
    public let tieTolerance: Double

    /// R's defaults: Efron ties, tolerance 1e-9, 20 iterations, 95 % intervals, model-based
    /// variance, near-ties within √ε merged.
    public init() {
        ties = .efron
        tolerance = 1e-9
        maxIterations = 20
        confidenceLevel = 0.95
        robust = false
        tieTolerance = Double.ulpOfOne.squareRoot()
    }

    /// Creates validated options.
    ///
    /// - Parameters:
    ///   - ties: Default ``TieMethod/efron``.
    ///   - tolerance: Finite, > 0; default 1e-9.
    ///   - maxIterations: ≥ 1; default 20.
    ///   - confidenceLevel: In (0, 1); default 0.95.
    ///   - robust: Default `false`.
    ///   - tieTolerance: Finite, ≥ 0; default √ε ≈ 1.49e-8.
    /// - Throws: ``CoxModelError/invalidOption(name:value:)``.
    public init(
        ties: TieMethod = .efron,
        tolerance: Double = 1e-9,
        maxIterations: Int = 20,
        confidenceLevel: Double = 0.95,
        robust: Bool = false,
        tieTolerance: Double = Double.ulpOfOne.squareRoot()
    ) throws(CoxModelError) {
        guard tolerance.isFinite, tolerance > 0 else {
            throw .invalidOption(name: "tolerance", value: tolerance)
        }
        guard maxIterations >= 1 else {
            throw .invalidOption(name: "maxIterations", value: Double(maxIterations))
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidOption(name: "confidenceLevel", value: confidenceLevel)
        }
        guard tieTolerance.isFinite, tieTolerance >= 0 else {
            throw .invalidOption(name: "tieTolerance", value: tieTolerance)
        }
        self.ties = ties
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.confidenceLevel = confidenceLevel
        self.robust = robust
        self.tieTolerance = tieTolerance
    }

    /// R's `toler.inf = sqrt(eps)`: the relative size of the remaining Newton step above
    /// which a coefficient is reported as possibly infinite.
    var infiniteTolerance: Double { tolerance.squareRoot() }
}
