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
    ///
    /// The same draws as the simulation engine's: see ``Sampler``.
    public func sample(using stream: inout RandomStream) -> Double {
        Sampler(self).sample(using: &stream)
    }

    /// A distribution with its per-draw constants computed once (log of the median), for
    /// loops that draw many customers from the same law.
    ///
    /// A log-normal value is `exp(log median + σ·z)` with z from
    /// ``RandomStream/standardNormalByInversion()``: one uniform per value and no Box–Muller
    /// partner that a per-customer stream would throw away. A triangular value inverts the
    /// CDF with one uniform (``RandomStream/triangular(minimum:mode:maximum:)``).
    struct Sampler: Sendable {
        private enum Law: Sendable {
            case fixed(Double)
            case lognormal(logMedian: Double, sigma: Double)
            case triangular(minimum: Double, mode: Double, maximum: Double)
        }

        private let law: Law

        /// Precomputes the constants of `distribution`.
        init(_ distribution: ValueDistribution) {
            switch distribution {
            case .fixed(let value): law = .fixed(value)
            case .lognormal(let median, let sigma): law = .lognormal(logMedian: Double.log(median), sigma: sigma)
            case .triangular(let minimum, let mode, let maximum):
                law = .triangular(minimum: minimum, mode: mode, maximum: maximum)
            }
        }

        /// Draws one value; a fixed value consumes no random numbers.
        @inline(__always)
        func sample(using stream: inout RandomStream) -> Double {
            switch law {
            case .fixed(let value):
                value
            case .lognormal(let logMedian, let sigma):
                Double.exp(logMedian + sigma * stream.standardNormalByInversion())
            case .triangular(let minimum, let mode, let maximum):
                stream.triangular(minimum: minimum, mode: mode, maximum: maximum)
            }
        }
    }
}
