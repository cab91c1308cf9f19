/// Ĝ(t), the Kaplan–Meier curve of censoring (censoring as the event) of a reference sample — the
/// training rows, as scikit-survival's `CensoringDistributionEstimator`. At a time with both
/// events and censorings, the events leave the risk set first: Ĝ(t) = Π (1 − c_j / (Y_j − d_j)).
/// Ĝ is right-continuous (Ĝ(T) includes a censoring at T) and is read at Tᵢ, not Tᵢ−.
struct CensoringSurvival {
    /// Distinct times of the reference sample, ascending.
    let times: [Double]
    /// Ĝ just after each time.
    let values: [Double]

    /// The censoring curve of `durations` with `events` (true = event, false = censored).
    init(durations: [Double], events: [Bool]) {
        let order = durations.indices.sorted { durations[$0] < durations[$1] }
        var times: [Double] = []
        var values: [Double] = []
        var atRisk = durations.count
        var g = 1.0
        var position = 0
        while position < order.count {
            let time = durations[order[position]]
            var eventCount = 0
            var censored = 0
            while position < order.count && durations[order[position]] == time {
                if events[order[position]] { eventCount += 1 } else { censored += 1 }
                position += 1
            }
            let remaining = atRisk - eventCount
            if censored > 0 { g *= 1 - Double(censored) / Double(remaining) }
            times.append(time)
            values.append(g)
            atRisk -= eventCount + censored
        }
        self.times = times
        self.values = values
    }

    /// Ĝ(Tᵢ) for each event before `limit`, nil for every other row: what the IPCW weights of the
    /// earlier member of a pair, or of a case, are made of.
    /// - Throws: ``AssessmentError/beyondCensoringFollowUp(time:last:)`` when Ĝ(Tᵢ) is 0 or unknown.
    func atEvents(durations: [Double], events: [Bool], before limit: Double = .infinity) throws(AssessmentError) -> [Double?] {
        var values = [Double?](repeating: nil, count: durations.count)
        for index in durations.indices where events[index] && durations[index] < limit {
            let g = try value(at: durations[index])
            guard g > 0 else { throw .beyondCensoringFollowUp(time: durations[index], last: times.last ?? 0) }
            values[index] = g
        }
        return values
    }

    /// Ĝ(t): 1 before the first time; 0 after the last when the curve reached 0 there.
    /// - Throws: ``AssessmentError/beyondCensoringFollowUp(time:last:)`` after the last time when Ĝ
    ///   ends above 0 (the curve is unknown there).
    func value(at time: Double) throws(AssessmentError) -> Double {
        guard let last = times.last else { return 1 }
        if time > last {
            guard values[values.count - 1] == 0 else { throw .beyondCensoringFollowUp(time: time, last: last) }
            return 0
        }
        let count = SortedSearch.count(in: times) { $0 <= time }
        return count == 0 ? 1 : values[count - 1]
    }
}
