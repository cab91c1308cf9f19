/// Harrell's and Uno's concordance of risk scores with observed churn on test rows, in
/// scikit-survival's conventions (`concordance_index_censored`, `concordance_index_ipcw`).
///
/// A pair (i, j) is comparable when i has an event at Tᵢ and Tⱼ > Tᵢ, or Tⱼ = Tᵢ with j censored.
/// It is concordant when ηᵢ > ηⱼ and tied when |ηᵢ − ηⱼ| ≤ 1e-8 (counted one half). Harrell's C
/// weighs every pair alike; Uno's weighs pairs of i by Ĝ(Tᵢ)⁻², with Ĝ the censoring curve of
/// the training rows, and only events before τ count as i (Uno et al. 2011, *Stat Med* 30:1105).
///
/// O(n log n): the rows are visited from the latest time, the comparable rows' scores kept in a
/// Fenwick tree over score ranks.
public enum ConcordanceIndex {
    /// Tolerance under which two scores are tied (scikit-survival's `tied_tol`).
    static let tiedTolerance = 1e-8

    /// Harrell's C of `risks` (higher = earlier churn) on `durations` and `events`.
    /// - Throws: ``AssessmentError/noComparablePairs`` or a length mismatch.
    public static func harrell(durations: [Double], events: [Bool], risks: [Double]) throws(AssessmentError) -> Double {
        try concordance(durations: durations, events: events, risks: risks, weights: [Double](repeating: 1, count: risks.count))
    }

    /// Uno's C with the censoring curve of the training rows (`trainDurations`, `trainEvents`) and
    /// optional truncation time `tau` (events at or after τ do not count as the earlier of a pair).
    /// - Throws: ``AssessmentError`` when a test event lies after the training follow-up or no pair compares.
    public static func uno(
        durations: [Double], events: [Bool], risks: [Double], trainDurations: [Double], trainEvents: [Bool], tau: Double? = nil
    ) throws(AssessmentError) -> Double {
        let censoring = CensoringSurvival(durations: trainDurations, events: trainEvents)
        let weights = try censoring.atEvents(durations: durations, events: events, before: tau ?? .infinity).map { g in
            g.map { 1 / ($0 * $0) } ?? 0
        }
        return try concordance(durations: durations, events: events, risks: risks, weights: weights)
    }

    /// Σᵢ wᵢ (concordant + ½ tied comparable pairs of i) / Σᵢ wᵢ (comparable pairs of i).
    private static func concordance(
        durations: [Double], events: [Bool], risks: [Double], weights: [Double]
    ) throws(AssessmentError) -> Double {
        guard durations.count == events.count, durations.count == risks.count else {
            throw .lengthMismatch("\(durations.count) durations, \(events.count) events, \(risks.count) risk scores")
        }
        let scores = Array(Set(risks)).sorted()
        var tree = FenwickTree(count: scores.count)
        let rank = { (value: Double) in SortedSearch.count(in: scores) { $0 < value } }
        /// Comparable rows with a score below `value`.
        func below(_ value: Double) -> Double { tree.prefixSum(SortedSearch.count(in: scores) { $0 < value }) }
        func atMost(_ value: Double) -> Double { tree.prefixSum(SortedSearch.count(in: scores) { $0 <= value }) }
        let order = durations.indices.sorted { durations[$0] > durations[$1] }
        var numerator = 0.0
        var denominator = 0.0
        var comparable = 0.0
        var anyPair = false
        var position = 0
        while position < order.count {
            let time = durations[order[position]]
            var group: [Int] = []
            while position < order.count && durations[order[position]] == time {
                group.append(order[position])
                position += 1
            }
            // Censored rows at this time are comparable with this time's events.
            for row in group where !events[row] {
                tree.add(1, at: rank(risks[row]))
                comparable += 1
            }
            for row in group where events[row] && comparable > 0 {
                let risk = risks[row]
                let concordant = below(risk - tiedTolerance)
                let tied = atMost(risk + tiedTolerance) - concordant
                numerator += weights[row] * (concordant + tied / 2)
                denominator += weights[row] * comparable
                anyPair = true
            }
            for row in group where events[row] {
                tree.add(1, at: rank(risks[row]))
                comparable += 1
            }
        }
        guard anyPair, denominator > 0 else { throw .noComparablePairs }
        return numerator / denominator
    }
}

/// Sums over a prefix of positions, with point updates, each in O(log n).
struct FenwickTree {
    private var sums: [Double]

    init(count: Int) { sums = [Double](repeating: 0, count: count + 1) }

    /// Adds `value` at 0-based `position`.
    mutating func add(_ value: Double, at position: Int) {
        var index = position + 1
        while index < sums.count {
            sums[index] += value
            index += index & -index
        }
    }

    /// The sum over positions 0..<count.
    func prefixSum(_ count: Int) -> Double {
        var index = count
        var total = 0.0
        while index > 0 {
            total += sums[index]
            index -= index & -index
        }
        return total
    }
}
