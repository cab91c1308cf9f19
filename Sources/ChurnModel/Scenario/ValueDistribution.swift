import RealModule

/// A non-negative quantity that may vary from customer to customer (MRR, CAC).
///
/// Scenario syntax: a plain number (`500`), `{ fixed: 500 }`,
/// `{ lognormal: { median: 500, sigma: 0.4 } }` or `{ triangular: [min, mode, max] }`.
public enum ValueDistribution: Sendable, Equatable {
    /// Every customer has this value.
    case fixed(Double)
    /// Log-normal with the given median and standard deviation of the log.
    case lognormal(median: Double, sigma: Double)
    /// Triangular on [minimum, maximum] with the given mode.
    case triangular(minimum: Double, mode: Double, maximum: Double)

    /// The expected value of the distribution.
    ///
    /// Log-normal: median · exp(σ²/2). Triangular: (min + mode + max) / 3.
    public var mean: Double {
        switch self {
        case .fixed(let value): value
        case .lognormal(let median, let sigma): median * Double.exp(sigma * sigma / 2)
        case .triangular(let minimum, let mode, let maximum): (minimum + mode + maximum) / 3
        }
    }

    /// Draws one value from `stream`; a fixed value consumes no random numbers.
    @inlinable
    public func sample(using stream: inout RandomStream) -> Double {
        switch self {
        case .fixed(let value):
            value
        case .lognormal(let median, let sigma):
            stream.lognormal(logMean: Double.log(median), logStandardDeviation: sigma)
        case .triangular(let minimum, let mode, let maximum):
            stream.triangular(minimum: minimum, mode: mode, maximum: maximum)
        }
    }
}
