/// Settings for ``ParametricRegression``, validated on creation (like R's
/// `survreg.control`: relative tolerance 1e-9, 30 iterations).
public struct ParametricOptions: Sendable, Equatable {
    /// Convergence when the relative change of the log-likelihood between Newton steps,
    /// |1 − ℓ_old/ℓ_new|, is at most this value (R's `rel.tolerance`).
    public let tolerance: Double
    /// Maximum number of Newton–Raphson iterations (R's `maxiter`).
    public let maxIterations: Int
    /// Confidence level of the Wald intervals, e.g. 0.95.
    public let confidenceLevel: Double

    /// Creates validated options.
    ///
    /// - Parameters:
    ///   - tolerance: Relative log-likelihood tolerance, finite and > 0 (default 1e-9).
    ///   - maxIterations: Newton iterations allowed, ≥ 1 (default 30).
    ///   - confidenceLevel: In (0, 1) (default 0.95).
    /// - Throws: ``ParametricRegressionError/invalidOption(_:)`` naming the bad value.
    public init(tolerance: Double = 1e-9, maxIterations: Int = 30, confidenceLevel: Double = 0.95)
        throws(ParametricRegressionError)
    {
        guard tolerance > 0, tolerance.isFinite else {
            throw .invalidOption("tolerance \(tolerance) must be finite and > 0")
        }
        guard maxIterations >= 1 else {
            throw .invalidOption("maxIterations \(maxIterations) must be >= 1")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidOption("confidence level \(confidenceLevel) is not in (0, 1)")
        }
        self.init(checkedTolerance: tolerance, maxIterations: maxIterations, confidenceLevel: confidenceLevel)
    }

    /// The defaults: tolerance 1e-9, 30 iterations, 95% intervals.
    public static let standard = ParametricOptions(
        checkedTolerance: 1e-9, maxIterations: 30, confidenceLevel: 0.95)

    private init(checkedTolerance: Double, maxIterations: Int, confidenceLevel: Double) {
        self.tolerance = checkedTolerance
        self.maxIterations = maxIterations
        self.confidenceLevel = confidenceLevel
    }
}
