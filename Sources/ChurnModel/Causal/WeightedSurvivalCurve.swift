/// An inverse-probability-weighted Kaplan–Meier curve of one arm, with Xie & Liu's variance.
///
/// At each event time t_j, with weighted events d_j and weighted number at risk Y_j, the curve
/// is S(t) = Π (1 − d_j/Y_j). Its variance (Xie & Liu 2005, *Stat Med* 24:3089, eq. 4) is
/// Greenwood's with the effective number at risk M_j = (Σw)²/Σw² over the risk set:
/// Var S(t) = S(t)² Σ_{t_j ≤ t} d_j / (M_j (Y_j − d_j)), which is Greenwood's for unit weights and
/// does not change when every weight is scaled (R's `survfit(weights =)` is neither).
public struct WeightedSurvivalCurve: Sendable, Equatable {
    /// Distinct event times, ascending.
    public let times: [Double]
    /// S just after each event time.
    public let survival: [Double]
    /// Weighted events at each time.
    public let events: [Double]
    /// Weighted number at risk at each time.
    public let atRisk: [Double]
    /// Effective number at risk at each time, (Σw)²/Σw² over the risk set.
    public let effectiveAtRisk: [Double]
    /// Σ d_j / (M_j (Y_j − d_j)) up to and including each time: Var S(t) / S(t)².
    private let varianceSums: [Double]

    /// The curve of the rows `rows` of `table` weighted by `weights` (one per table row); a row
    /// is at risk at t when its entry time < t ≤ its duration.
    init(table: EventTable, rows: [Int], weights: [Double]) {
        let eventRows = rows.filter { table.events[$0] }
        let times = Array(Set(eventRows.map { table.durations[$0] })).sorted()
        var events = [Double](repeating: 0, count: times.count)
        for row in eventRows {
            events[SortedSearch.count(in: times) { $0 < table.durations[row] }] += weights[row]
        }
        // Y(t) = Σ w over {duration ≥ t} − Σ w over {entry ≥ t}: a row entered at or after t has a
        // duration after t too.
        let exits = SuffixSums(keys: rows.map { table.durations[$0] }, weights: rows.map { weights[$0] })
        let entries = table.entryTimes.map { entry in SuffixSums(keys: rows.map { entry[$0] }, weights: rows.map { weights[$0] }) }
        var survival: [Double] = []
        var atRisk: [Double] = []
        var effective: [Double] = []
        var s = 1.0
        for (index, time) in times.enumerated() {
            var (y, y2) = exits.sums(atOrAbove: time)
            if let entries {
                let (late, late2) = entries.sums(atOrAbove: time)
                y -= late
                y2 -= late2
            }
            s *= 1 - events[index] / y
            survival.append(s)
            atRisk.append(y)
            effective.append(y * y / y2)
        }
        self.times = times
        self.survival = survival
        self.events = events
        self.atRisk = atRisk
        self.effectiveAtRisk = effective
        var sum = 0.0
        varianceSums = times.indices.map { j in
            sum += Self.term(events: events[j], atRisk: atRisk[j], effective: effective[j])
            return sum
        }
    }

    /// S(t): 1 before the first event time.
    public func survival(at time: Double) -> Double {
        let index = SortedSearch.count(in: times) { $0 <= time }
        return index == 0 ? 1 : survival[index - 1]
    }

    /// The standard error of S(t) by Xie & Liu's formula.
    public func standardError(at time: Double) -> Double {
        let count = SortedSearch.count(in: times) { $0 <= time }
        return count == 0 ? 0 : survival[count - 1] * varianceSums[count - 1].squareRoot()
    }

    /// The restricted mean survival time to `horizon`, ∫₀^τ S(t) dt, and its standard error
    /// √(Σ_{t_j < τ} A_j² d_j / (M_j (Y_j − d_j))) with A_j = ∫_{t_j}^τ S(t) dt (the delta method
    /// on the curve's log-increments, as survRM2 with Greenwood's terms, here Xie & Liu's).
    public func restrictedMean(to horizon: Double) -> (value: Double, standardError: Double) {
        let inside = SortedSearch.count(in: times) { $0 < horizon }
        let knots = [0] + times[..<inside] + [horizon]
        let levels = [1] + survival[..<inside]
        let areas = (0..<levels.count).map { (knots[$0 + 1] - knots[$0]) * levels[$0] }
        let value = areas.reduce(0, +)
        var variance = 0.0
        var tail = 0.0  // A_j: the area after event time j
        for j in stride(from: inside - 1, through: 0, by: -1) {
            tail += areas[j + 1]
            variance += tail * tail * term(j)
        }
        return (value, variance.squareRoot())
    }

    /// d_j / (M_j (Y_j − d_j)) at time j.
    private func term(_ j: Int) -> Double {
        Self.term(events: events[j], atRisk: atRisk[j], effective: effectiveAtRisk[j])
    }

    /// d / (M (Y − d)), 0 where the risk set empties (the curve is then 0 and stays there).
    private static func term(events: Double, atRisk: Double, effective: Double) -> Double {
        atRisk > events ? events / (effective * (atRisk - events)) : 0
    }
}

/// Σw and Σw² over the keys at or above a value, from keys sorted once.
private struct SuffixSums {
    private let keys: [Double]
    private let sums: [Double]
    private let squares: [Double]

    init(keys: [Double], weights: [Double]) {
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        self.keys = order.map { keys[$0] }
        var sums = [Double](repeating: 0, count: order.count + 1)
        var squares = sums
        for position in stride(from: order.count - 1, through: 0, by: -1) {
            let w = weights[order[position]]
            sums[position] = sums[position + 1] + w
            squares[position] = squares[position + 1] + w * w
        }
        self.sums = sums
        self.squares = squares
    }

    func sums(atOrAbove value: Double) -> (Double, Double) {
        let first = SortedSearch.count(in: keys) { $0 < value }
        return (sums[first], squares[first])
    }
}
