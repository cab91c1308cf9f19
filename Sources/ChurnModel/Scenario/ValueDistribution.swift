import RealModule

/// A non-negative quantity that may vary from customer to customer (MRR, CAC).
///
/// Scenario syntax: a plain number (`500`), `{ fixed: 500 }`,
/// `{ lognormal: { median: 500, sigma: 0.4 } }`, `{ triangular: [min, mode, max] }` or
/// `{ empirical: { file: data/customers.csv, column: mrr } }`.
public enum ValueDistribution: Sendable, Equatable {
    /// Every customer has this value.
    case fixed(Double)
    /// Log-normal with the given median and standard deviation of the log.
    case lognormal(median: Double, sigma: Double)
    /// Triangular on [minimum, maximum] with the given mode.
    case triangular(minimum: Double, mode: Double, maximum: Double)
    /// The values of a CSV column, resampled with replacement.
    case empirical(EmpiricalDistribution)

    /// The expected value of the distribution.
    ///
    /// Log-normal: median · exp(σ²/2). Triangular: (min + mode + max) / 3. Empirical: the
    /// mean of the column.
    public var mean: Double {
        switch self {
        case .fixed(let value): value
        case .lognormal(let median, let sigma): median * Double.exp(sigma * sigma / 2)
        case .triangular(let minimum, let mode, let maximum): (minimum + mode + maximum) / 3
        case .empirical(let values): values.mean
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
    /// CDF with one uniform (``RandomStream/triangular(minimum:mode:maximum:)``). An empirical
    /// value is the sorted column at rank ⌊u·n⌋ (``EmpiricalDistribution/quantile(_:)``).
    struct Sampler: Sendable {
        private enum Law: Sendable {
            case fixed(Double)
            case lognormal(logMedian: Double, sigma: Double)
            case triangular(minimum: Double, mode: Double, maximum: Double)
            case empirical(EmpiricalDistribution)
        }

        private let law: Law

        /// Precomputes the constants of `distribution`.
        init(_ distribution: ValueDistribution) {
            switch distribution {
            case .fixed(let value): law = .fixed(value)
            case .lognormal(let median, let sigma): law = .lognormal(logMedian: Double.log(median), sigma: sigma)
            case .triangular(let minimum, let mode, let maximum):
                law = .triangular(minimum: minimum, mode: mode, maximum: maximum)
            case .empirical(let values): law = .empirical(values)
            }
        }

        /// Whether a draw consumes a uniform: exactly one, except for a fixed value, a
        /// triangular law of zero width and an empirical column of one value, which take none.
        var drawsUniform: Bool {
            switch law {
            case .fixed: false
            case .lognormal: true
            case .triangular(let minimum, _, let maximum): maximum - minimum > 0
            case .empirical(let values): values.sortedValues.count > 1
            }
        }

        /// Draws one value; a fixed value consumes no random numbers.
        @inline(__always)
        func sample(using stream: inout RandomStream) -> Double {
            value(fromUniform: drawsUniform ? stream.nextUniform() : 0.5)
        }

        /// The value for uniform `u` ∈ (0, 1) (ignored by a fixed value): the inverse CDF.
        ///
        /// Split from the draw so that a simulation can draw the uniforms of many customers
        /// first and transform them in a tight loop whose iterations overlap.
        @inline(__always)
        func value(fromUniform u: Double) -> Double {
            switch law {
            case .fixed(let value):
                return value
            case .lognormal(let logMedian, let sigma):
                return Exponential.of(logMedian + sigma * RandomStream.inverseStandardNormalCDF(u))
            case .triangular(let minimum, let mode, let maximum):
                return Self.triangular(u, minimum: minimum, mode: mode, maximum: maximum)
            case .empirical(let values):
                return values.quantile(u)
            }
        }

        /// The values for `uniforms`, into `values` (of the same count): exactly
        /// ``value(fromUniform:)`` of each. A log-normal's normal quantiles are taken in
        /// branch-free loops over the batch: AS 241's central rational function for every
        /// uniform (a loop of its own, so that it vectorizes), then its tail formula for the
        /// few (15%) beyond the central region, listed in a second loop; then the exponentials
        /// (``Exponential/kernel(_:)``).
        func fill(_ values: UnsafeMutableBufferPointer<Double>, fromUniforms uniforms: UnsafeBufferPointer<Double>) {
            precondition(values.count == uniforms.count, "one value per uniform")
            guard case .lognormal(let logMedian, let sigma) = law else {
                for index in values.indices { values[index] = value(fromUniform: uniforms[index]) }
                return
            }
            for index in values.indices { values[index] = RandomStream.centralNormalQuantile(uniforms[index] - 0.5) }
            withUnsafeTemporaryAllocation(of: Int.self, capacity: values.count) { tails in
                var tailCount = 0
                for index in values.indices {
                    tails[tailCount] = index
                    tailCount &+= abs(uniforms[index] - 0.5) <= RandomStream.centralHalfWidth ? 0 : 1
                }
                for index in tails[..<tailCount] {
                    values[index] = RandomStream.tailNormalQuantile(uniforms[index], q: uniforms[index] - 0.5)
                }
            }
            for index in values.indices { values[index] = logMedian + sigma * values[index] }
            if Self.exponentStaysInRange(logMedian: logMedian, sigma: sigma) {
                for index in values.indices { values[index] = Exponential.kernel(values[index]) }
            } else {
                for index in values.indices { values[index] = Exponential.of(values[index]) }
            }
        }

        /// Whether log median + σ·z stays within ``Exponential/fastRange`` for every z the
        /// inversion can return (|z| < 8.3 for uniforms in [2⁻⁵³, 1 − 2⁻⁵³]).
        private static func exponentStaysInRange(logMedian: Double, sigma: Double) -> Bool {
            abs(logMedian) + 8.5 * abs(sigma) <= Exponential.fastRange
        }

        /// ``RandomStream/triangular(minimum:mode:maximum:)`` for a given uniform, bit for bit.
        private static func triangular(_ u: Double, minimum: Double, mode: Double, maximum: Double) -> Double {
            let width = maximum - minimum
            guard width > 0 else { return minimum }
            let modeFraction = (mode - minimum) / width
            if u < modeFraction {
                return minimum + (u * width * (mode - minimum)).squareRoot()
            }
            return maximum - ((1 - u) * width * (maximum - mode)).squareRoot()
        }
    }
}
