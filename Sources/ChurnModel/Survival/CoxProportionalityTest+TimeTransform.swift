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

/// A time function g of the proportional-hazards test, held at the distinct event times of a
/// design (a few hundred values for monthly data, where one value per row would take a
/// row-length array), with its mean over the event rows.
struct EventTimeFunction {
    /// The distinct event times, increasing.
    let times: [Double]
    /// g(times[k]).
    let values: [Double]
    /// The mean of g over the event rows (each event time counted once per event row), so
    /// that R's centred `gtime` is g(t) − mean.
    let mean: Double

    /// g(t) for an event time t.
    func callAsFunction(_ t: Double) -> Double {
        values[CoxDesign.countAtOrBefore(t, in: times) - 1]
    }
}

extension CoxDesign {
    /// g at the event times (R's `ttimes` of the event rows) and its mean over the event rows.
    /// Times are the tie-corrected stop times.
    ///
    /// - Throws: ``CoxResidualsError/nonPositiveEventTime(row:time:)`` for `log`;
    ///   ``CoxResidualsError/constantTimeTransform`` when all event rows share one g.
    /// - Complexity: O(n log n).
    func timeTransform(
        _ transform: CoxProportionalityTest.TimeTransform
    ) throws(CoxResidualsError) -> EventTimeFunction {
        let (times, deaths) = distinctEventTimes()
        let values: [Double]
        switch transform {
        case .identity:
            values = times
        case .log:
            if let i = (0..<rowCount).first(where: { event[$0] && !(stop[$0] > 0) }) {
                throw .nonPositiveEventTime(row: tableRow[i], time: stop[i])
            }
            values = times.map { Double.log($0) }
        case .rank:
            let sorted = stop.sorted()
            values = times.map { t in
                let below = Self.countBefore(t, in: sorted)
                let atOrBelow = Self.countAtOrBefore(t, in: sorted)
                return Double(below) + Double(atOrBelow - below + 1) / 2
            }
        case .km:
            let survival = leftContinuousKaplanMeier(times: times, deaths: deaths)
            values = times.map { 1 - survival($0) }
        }
        let uncentred = EventTimeFunction(times: times, values: values, mean: 0)
        var sum = 0.0  // over the event rows in row order, as R sums them
        for i in 0..<rowCount where event[i] { sum += uncentred(stop[i]) }
        let mean = sum / Double(deaths.reduce(0, +))
        guard let first = values.first, values.contains(where: { $0 - mean != first - mean }) else {
            throw .constantTimeTransform
        }
        return EventTimeFunction(times: times, values: values, mean: mean)
    }

    /// The distinct event times of all rows, increasing, and the number of events at each.
    private func distinctEventTimes() -> (times: [Double], deaths: [Int]) {
        var times: [Double] = []
        var deaths: [Int] = []
        for t in zip(stop, event).compactMap({ $1 ? $0 : nil }).sorted() {
            if t == times.last {
                deaths[deaths.count - 1] += 1
            } else {
                times.append(t)
                deaths.append(1)
            }
        }
        return (times, deaths)
    }

    /// Ŝ(t−) = Π_{s < t} (1 − d(s)/n(s)) over the distinct event times s of all rows
    /// (`times`, with `deaths` events each), with n(s) the rows at risk (entry < s ≤ stop),
    /// all unweighted (R's `survfitKM` as called by `cox.zph`).
    ///
    /// n(s) is counted on the few distinct event times rather than by sorting every row's
    /// times: each row is binned by the number of event times up to its stop (and its entry),
    /// and n(s) is the count of rows binned above s, less those whose entry is at or after s.
    private func leftContinuousKaplanMeier(times: [Double], deaths: [Int]) -> (Double) -> Double {
        // binned[u]: rows with exactly u distinct event times ≤ their stop, minus rows with u
        // event times ≤ their entry; a row is at risk at times[k] iff it counts in a bin u > k.
        var binned = [Int](repeating: 0, count: times.count + 1)
        for i in 0..<rowCount { binned[Self.countAtOrBefore(stop[i], in: times)] += 1 }
        if let entry {
            for i in 0..<rowCount { binned[Self.countAtOrBefore(entry[i], in: times)] -= 1 }
        }
        var atRisk = [Int](repeating: 0, count: times.count)
        var rowsAbove = 0
        for k in times.indices.reversed() {
            rowsAbove += binned[k + 1]
            atRisk[k] = rowsAbove
        }
        var survival: [Double] = []  // Ŝ(times[k]), right-continuous
        var running = 1.0
        for k in times.indices {
            running *= 1 - Double(deaths[k]) / Double(atRisk[k])
            survival.append(running)
        }
        return { t in
            let before = Self.countBefore(t, in: times)
            return before == 0 ? 1 : survival[before - 1]
        }
    }

    /// g at each event row's time in ``orderedEventRows()`` order (stratum by stratum,
    /// increasing time).
    ///
    /// Design rows run by decreasing stop time within a stratum, so walking them backwards
    /// meets the events in increasing time; rows tied on time may come in another order
    /// than ``orderedEventRows()``'s, but they carry the same value. Unlike that list, this
    /// needs no sort and no row-length temporaries.
    func eventTimeValues(_ g: EventTimeFunction) -> [Double] {
        var result: [Double] = []
        for stratum in strata {
            for i in stratum.rows.reversed() where event[i] { result.append(g(stop[i])) }
        }
        return result
    }

    /// Number of entries of the ascending `values` that are < `value`.
    static func countBefore(_ value: Double, in values: [Double]) -> Int {
        SortedSearch.count(in: values) { $0 < value }
    }
}
