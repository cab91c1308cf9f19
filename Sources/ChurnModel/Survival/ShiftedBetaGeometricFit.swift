import RealModule

/// A positive parameter's estimate with its delta-method standard error and a confidence
/// interval formed on the log scale (so both limits are positive).
public struct PositiveParameterEstimate: Sendable, Equatable {
    /// The maximum-likelihood estimate.
    public let estimate: Double
    /// Standard error by the delta method: estimate × SE(log estimate).
    public let standardError: Double
    /// exp(log estimate − z·SE(log estimate)).
    public let lowerBound: Double
    /// exp(log estimate + z·SE(log estimate)).
    public let upperBound: Double
}

/// The immutable result of fitting a ``ShiftedBetaGeometric`` model to one cohort.
public struct ShiftedBetaGeometricFit: Sendable, Equatable {
    /// The fitted model (α̂, β̂).
    public let model: ShiftedBetaGeometric
    /// α̂ with standard error and interval.
    public let alpha: PositiveParameterEstimate
    /// β̂ with standard error and interval.
    public let beta: PositiveParameterEstimate
    /// Covariance of (log α̂, log β̂), the inverse of the negative Hessian.
    public let logParameterCovariance: Matrix
    /// The maximized log-likelihood Σ_t d_t log P(T = t) + n_T log S(T).
    public let logLikelihood: Double
    /// Newton iterations used.
    public let iterations: Int
    /// The input counts of active customers, period 0 first.
    public let activeCounts: [Int]
    /// Confidence level of the intervals.
    public let confidenceLevel: Double

    /// Fits α and β by maximum likelihood to a cohort's active counts.
    ///
    /// With d_t = n_{t−1} − n_t customers lost at renewal t = 1…T and n_T still active, the
    /// log-likelihood is Σ d_t log P(T = t) + n_T log S(T) (Fader & Hardie 2007, eq. 6),
    /// written as sums of log(β + j) − log(α + β + j) so that its gradient and Hessian in
    /// (α, β) are exact. Newton's method runs on (log α, log β) from (0, 0), with step
    /// halving and, where the Hessian is not negative definite, a ridge; it stops when the
    /// relative log-likelihood change is below 1e-13 and the gradient norm below 1e-8.
    ///
    /// - Parameters:
    ///   - activeCounts: Customers active in period 0 (the starting cohort), 1, …, T;
    ///     must not rise.
    ///   - confidenceLevel: Level of the intervals, in (0, 1) (default 0.95).
    /// - Throws: ``ShiftedBetaGeometricError`` — `tooFewPeriods`, `emptyCohort`,
    ///   `negativeCount`, `countIncreased` (naming the period), `noChurn`,
    ///   `didNotConverge`, `singularInformation`, `invalidParameter`.
    /// - Complexity: O(T) per iteration.
    public init(activeCounts: [Int], confidenceLevel: Double = 0.95) throws(ShiftedBetaGeometricError) {
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidParameter(name: "confidenceLevel", value: confidenceLevel)
        }
        try Self.validate(activeCounts)
        let likelihood = ShiftedBetaGeometricLikelihood(counts: activeCounts.map(Double.init))
        var theta = [0.0, 0.0]
        var current = likelihood.evaluate(theta)
        var iterations = 0
        var converged = false
        while iterations < 100, !converged {
            iterations += 1
            let step = current.newtonStep()
            var factor = 1.0
            var next = current
            var candidate = theta
            for _ in 0..<60 {
                candidate = [theta[0] + factor * step[0], theta[1] + factor * step[1]]
                next = likelihood.evaluate(candidate)
                if next.value.isFinite, next.value >= current.value { break }
                factor /= 2
            }
            guard next.value.isFinite, next.value >= current.value else { break }
            let change = Swift.abs(next.value - current.value)
            theta = candidate
            current = next
            converged = change <= 1e-13 * Swift.abs(current.value) && current.gradientNorm < 1e-8
        }
        guard converged else {
            throw .didNotConverge(iterations: iterations, gradientNorm: current.gradientNorm)
        }
        let (huu, huv, hvv) = (-current.huu, -current.huv, -current.hvv)
        let determinant = huu * hvv - huv * huv
        guard huu > 0, determinant > 0 else { throw .singularInformation }
        let covariance = Matrix(rowMajor: [
            [hvv / determinant, -huv / determinant], [-huv / determinant, huu / determinant],
        ])
        let q = NormalQuantile.quantile(1 - (1 - confidenceLevel) / 2)
        self.model = try ShiftedBetaGeometric(alpha: Double.exp(theta[0]), beta: Double.exp(theta[1]))
        self.alpha = Self.estimate(logValue: theta[0], logVariance: covariance[0, 0], quantile: q)
        self.beta = Self.estimate(logValue: theta[1], logVariance: covariance[1, 1], quantile: q)
        self.logParameterCovariance = covariance
        self.logLikelihood = current.value
        self.iterations = iterations
        self.activeCounts = activeCounts
        self.confidenceLevel = confidenceLevel
    }

    private static func validate(_ counts: [Int]) throws(ShiftedBetaGeometricError) {
        guard counts.count >= 2 else { throw .tooFewPeriods(count: counts.count) }
        for (period, count) in counts.enumerated() where count < 0 {
            throw .negativeCount(period: period, count: count)
        }
        guard counts[0] > 0 else { throw .emptyCohort }
        for period in 1..<counts.count where counts[period] > counts[period - 1] {
            throw .countIncreased(period: period, previous: counts[period - 1], current: counts[period])
        }
        guard counts[counts.count - 1] < counts[0] else { throw .noChurn }
    }

    private static func estimate(logValue: Double, logVariance: Double, quantile: Double)
        -> PositiveParameterEstimate
    {
        let seLog = max(logVariance, 0).squareRoot()
        let value = Double.exp(logValue)
        return PositiveParameterEstimate(
            estimate: value, standardError: value * seLog,
            lowerBound: Double.exp(logValue - quantile * seLog),
            upperBound: Double.exp(logValue + quantile * seLog))
    }
}

/// The sBG cohort log-likelihood in (u, v) = (log α, log β) with exact derivatives.
struct ShiftedBetaGeometricLikelihood {
    let counts: [Double]

    /// Value, gradient and Hessian in (u, v).
    struct Evaluation {
        var value = 0.0, gu = 0.0, gv = 0.0, huu = 0.0, huv = 0.0, hvv = 0.0
        var gradientNorm: Double { (gu * gu + gv * gv).squareRoot() }

        /// Newton step −H⁻¹g, with a ridge if −H is not positive definite.
        func newtonStep() -> [Double] {
            var ridge = 0.0
            for _ in 0..<40 {
                let (a, b, c) = (-huu + ridge, -huv, -hvv + ridge)
                let determinant = a * c - b * b
                if a > 0, determinant > 0 {
                    return [(c * gu - b * gv) / determinant, (a * gv - b * gu) / determinant]
                }
                ridge = ridge == 0 ? 1e-6 * max(Swift.abs(huu), Swift.abs(hvv), 1) : ridge * 10
            }
            return [gu, gv]
        }
    }

    func evaluate(_ theta: [Double]) -> Evaluation {
        let alpha = Double.exp(theta[0])
        let beta = Double.exp(theta[1])
        // Running log S(t) and its derivatives in (α, β): value, gα, gβ, hαα, hαβ, hββ.
        var s = (v: 0.0, a: 0.0, b: 0.0, aa: 0.0, ab: 0.0, bb: 0.0)
        var total = s
        func add(_ weight: Double, _ term: (v: Double, a: Double, b: Double, aa: Double, ab: Double, bb: Double)) {
            total.v += weight * term.v
            total.a += weight * term.a
            total.b += weight * term.b
            total.aa += weight * term.aa
            total.ab += weight * term.ab
            total.bb += weight * term.bb
        }
        for t in 1..<counts.count {
            let lost = counts[t - 1] - counts[t]
            let sum = alpha + beta + Double(t - 1)
            if lost > 0 {
                // log P(t) = log α − log(α + β + t − 1) + log S(t − 1).
                let p = (
                    v: Double.log(alpha) - Double.log(sum) + s.v,
                    a: 1 / alpha - 1 / sum + s.a, b: -1 / sum + s.b,
                    aa: -1 / (alpha * alpha) + 1 / (sum * sum) + s.aa,
                    ab: 1 / (sum * sum) + s.ab, bb: 1 / (sum * sum) + s.bb)
                add(lost, p)
            }
            // log S(t) = log S(t − 1) + log(β + t − 1) − log(α + β + t − 1).
            let shifted = beta + Double(t - 1)
            s = (
                v: s.v + Double.log(shifted) - Double.log(sum), a: s.a - 1 / sum,
                b: s.b + 1 / shifted - 1 / sum, aa: s.aa + 1 / (sum * sum),
                ab: s.ab + 1 / (sum * sum), bb: s.bb - 1 / (shifted * shifted) + 1 / (sum * sum))
        }
        add(counts[counts.count - 1], s)
        var result = Evaluation()
        result.value = total.v
        result.gu = alpha * total.a
        result.gv = beta * total.b
        result.huu = alpha * alpha * total.aa + alpha * total.a
        result.huv = alpha * beta * total.ab
        result.hvv = beta * beta * total.bb + beta * total.b
        return result
    }
}
