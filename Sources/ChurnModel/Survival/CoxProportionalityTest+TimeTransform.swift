import RealModule

extension CoxProportionalityTest {
    /// The function g(t) of time against which the proportional-hazards test looks for a
    /// trend in β(t) = β + θ·g(t); R's `cox.zph(transform =)`.
    ///
    /// Reference: Grambsch & Therneau, *Biometrika* 81 (1994); Therneau & Grambsch,
    /// *Modeling Survival Data* (2000), §6.2–6.3.
    public enum TimeTransform: String, Sendable, Equatable, CaseIterable {
        /// 1 − Ŝ(t−), with Ŝ the unweighted Kaplan–Meier estimate over all rows (ignoring
        /// strata and covariates); R's default, robust to long-tailed event times.
        case km
        /// The rank of t among all rows' times (censored included, ties averaged).
        case rank
        /// t itself.
        case identity
        /// log t; needs every event time > 0.
        case log
    }
}

extension CoxDesign {
    /// g(tᵢ) for every row (R's `ttimes`; only the event rows' values are computed) and
    /// g(tᵢ) − mean of g over the event rows (R's `gtime`). Times are the tie-corrected
    /// stop times.
    ///
    /// - Throws: ``CoxResidualsError/nonPositiveEventTime(row:time:)`` for `log`;
    ///   ``CoxResidualsError/constantTimeTransform`` when all event rows share one g.
    /// - Complexity: O(n log n).
    func timeTransform(
        _ transform: CoxProportionalityTest.TimeTransform
    ) throws(CoxResidualsError) -> (values: [Double], centred: [Double]) {
        let eventRows = (0..<rowCount).filter { event[$0] }
        var g = [Double](repeating: 0, count: rowCount)
        switch transform {
        case .identity:
            g = stop
        case .log:
            for i in eventRows {
                guard stop[i] > 0 else { throw .nonPositiveEventTime(row: tableRow[i], time: stop[i]) }
                g[i] = Double.log(stop[i])
            }
        case .rank:
            let sorted = stop.sorted()
            for i in eventRows {
                let below = Self.countBefore(stop[i], in: sorted)
                let atOrBelow = Self.countAtOrBefore(stop[i], in: sorted)
                g[i] = Double(below) + Double(atOrBelow - below + 1) / 2
            }
        case .km:
            let survival = leftContinuousKaplanMeier()
            for i in eventRows { g[i] = 1 - survival(stop[i]) }
        }
        let mean = eventRows.reduce(0) { $0 + g[$1] } / Double(eventRows.count)
        let centred = g.map { $0 - mean }
        guard let first = eventRows.first,
            eventRows.contains(where: { centred[$0] != centred[first] })
        else { throw .constantTimeTransform }
        return (g, centred)
    }

    /// Ŝ(t−) = Π_{s < t} (1 − d(s)/n(s)) over the distinct event times s of all rows, with
    /// n(s) the rows at risk (entry < s ≤ stop) and d(s) the events at s, all unweighted
    /// (R's `survfitKM` as called by `cox.zph`).
    private func leftContinuousKaplanMeier() -> (Double) -> Double {
        let stops = stop.sorted()
        let entries = entry?.sorted()
        let eventTimes = (0..<rowCount).filter { event[$0] }.map { stop[$0] }.sorted()
        var times: [Double] = []
        var survival: [Double] = []  // Ŝ(times[k]), right-continuous
        var running = 1.0
        var k = 0
        while k < eventTimes.count {
            let t = eventTimes[k]
            var deaths = 0
            while k < eventTimes.count, eventTimes[k] == t {
                deaths += 1
                k += 1
            }
            // stop ≥ t, minus entry ≥ t (which implies stop > t, as entry < stop).
            var atRisk = stops.count - Self.countBefore(t, in: stops)
            if let entries { atRisk -= entries.count - Self.countBefore(t, in: entries) }
            running *= 1 - Double(deaths) / Double(atRisk)
            times.append(t)
            survival.append(running)
        }
        return { t in
            let before = Self.countBefore(t, in: times)
            return before == 0 ? 1 : survival[before - 1]
        }
    }

    /// Number of entries of the ascending `values` that are < `value`.
    static func countBefore(_ value: Double, in values: [Double]) -> Int {
        SortedSearch.count(in: values) { $0 < value }
    }
}
