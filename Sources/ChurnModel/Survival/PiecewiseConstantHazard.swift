/// A lifetime model whose hazard is constant on consecutive time intervals: the form of a
/// churn rate that changes with tenure (high in onboarding, lower once established).
///
/// On piece i, covering [start_i, end_i), the hazard is λ_i = −log(1 − p_i) per unit time
/// for a per-unit churn probability p_i, so that the survival over a whole unit of the
/// piece is exactly 1 − p_i. H is piecewise linear and inverted piece by piece.
public struct PiecewiseConstantHazard: InvertibleCumulativeHazard, Equatable {
    /// Start times of the pieces (the first is 0), increasing.
    public let starts: [Double]
    /// Hazard per unit time on each piece (+∞ for a churn probability of 1).
    public let rates: [Double]
    /// H at the start of each piece.
    private let cumulativeAtStart: [Double]

    /// Creates the model from pieces `(until, probability)`: each applies up to its `until`
    /// (exclusive); the last piece, with `until == nil`, applies forever.
    public init(pieces: [(until: Double?, probability: Double)]) {
        var starts: [Double] = [], rates: [Double] = [], cumulative: [Double] = []
        var start = 0.0, total = 0.0
        for piece in pieces {
            let rate = piece.probability >= 1 ? Double.infinity : -Double.log(onePlus: -piece.probability)
            starts.append(start)
            rates.append(rate)
            cumulative.append(total)
            if let until = piece.until {
                total += rate == 0 ? 0 : rate * (until - start)
                start = until
            }
        }
        self.starts = starts
        self.rates = rates
        self.cumulativeAtStart = cumulative
    }

    /// H(t) = H(start_i) + λ_i (t − start_i) on the piece containing t.
    public func cumulativeHazard(at t: Double) -> Double {
        guard t > 0 else { return 0 }
        let i = piece(containing: t)
        let elapsed = t - starts[i]
        return cumulativeAtStart[i] + (elapsed == 0 ? 0 : rates[i] * elapsed)
    }

    /// λ_i on the piece containing t.
    public func hazard(at t: Double) -> Double { rates[piece(containing: max(t, 0))] }

    /// The time at which H reaches `value`, solving within the piece where it is crossed.
    public func inverseCumulativeHazard(_ value: Double) -> Double {
        guard value > 0 else { return 0 }
        var i = 0
        while i + 1 < starts.count, cumulativeAtStart[i + 1] < value { i += 1 }
        guard rates[i] > 0 else { return i + 1 < starts.count ? starts[i + 1] : .infinity }
        return starts[i] + (value - cumulativeAtStart[i]) / rates[i]
    }

    private func piece(containing t: Double) -> Int {
        var i = 0
        while i + 1 < starts.count, starts[i + 1] <= t { i += 1 }
        return i
    }
}
