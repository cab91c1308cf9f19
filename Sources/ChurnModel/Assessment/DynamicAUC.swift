/// The cumulative/dynamic AUC(t) of risk scores on test rows (Uno et al. 2007; Hung & Chiang 2010),
/// in scikit-survival's conventions (`cumulative_dynamic_auc`): cases are the rows with an event
/// by t, each weighted 1/Ĝ(Tᵢ) (Ĝ from the training rows); controls are the rows still at risk
/// after t, unweighted. AUC(t) is the area under the weighted ROC curve, ties of scores within
/// 1e-8 joined into one step. The mean AUC weighs each AUC(t_k) by the test rows' Kaplan–Meier
/// drop over (t_{k−1}, t_k], divided by 1 − S(t_K).
public enum DynamicAUC {
    /// AUC(t) at each of `times` (ascending, within the test follow-up) and their mean.
    /// - Throws: ``AssessmentError`` for times outside the follow-up, a time without cases or
    ///   controls, or a test event after the training follow-up.
    public static func evaluate(
        durations: [Double], events: [Bool], risks: [Double], trainDurations: [Double], trainEvents: [Bool], times: [Double]
    ) throws(AssessmentError) -> (values: [Double], mean: Double) {
        guard durations.count == events.count, durations.count == risks.count else {
            throw .lengthMismatch("\(durations.count) durations, \(events.count) events, \(risks.count) risk scores")
        }
        try FollowUp.check(times, within: durations)
        let censoring = CensoringSurvival(durations: trainDurations, events: trainEvents)
        let caseWeights = try censoring.atEvents(durations: durations, events: events).map { g in g.map { 1 / $0 } ?? 0 }
        let order = risks.indices.sorted { risks[$0] > risks[$1] }
        var values: [Double] = []
        for time in times {
            values.append(try area(order: order, time: time, durations: durations, events: events, risks: risks, caseWeights: caseWeights))
        }
        guard times.count > 1 else { return (values, values[0]) }
        let survival: KaplanMeierFit
        do {
            survival = try KaplanMeierEstimator().fit(try EventTable(durations: durations, events: events))
        } catch {
            throw .invalidData("\(error)")
        }
        var previous = 1.0
        var integral = 0.0
        for (time, value) in zip(times, values) {
            let s = survival.survivalProbability(at: time) ?? 1
            integral += value * (previous - s)
            previous = s
        }
        return (values, integral / (1 - previous))
    }

    /// The trapezoidal area under the ROC curve at `time`, rows visited by decreasing score.
    private static func area(
        order: [Int], time: Double, durations: [Double], events: [Bool], risks: [Double], caseWeights: [Double]
    ) throws(AssessmentError) -> Double {
        let isCase = { (row: Int) in durations[row] <= time && events[row] }
        let totalCases = order.reduce(0.0) { $0 + (isCase($1) ? caseWeights[$1] : 0) }
        let totalControls = Double(order.count(where: { durations[$0] > time }))
        guard totalCases > 0, totalControls > 0 else { throw .noCasesOrControls(time: time) }
        var truePositive = 0.0, falsePositive = 0.0
        var lastTPR = 0.0, lastFPR = 0.0
        var area = 0.0
        for (position, row) in order.enumerated() {
            if isCase(row) { truePositive += caseWeights[row] }
            if durations[row] > time { falsePositive += 1 }
            // A point of the curve ends each run of tied scores.
            let next = position + 1 < order.count ? risks[order[position + 1]] : -.infinity
            guard abs(risks[row] - next) > ConcordanceIndex.tiedTolerance else { continue }
            let tpr = truePositive / totalCases, fpr = falsePositive / totalControls
            area += (fpr - lastFPR) * (tpr + lastTPR) / 2
            (lastTPR, lastFPR) = (tpr, fpr)
        }
        return area
    }
}

/// The evaluation times a test set can answer for.
enum FollowUp {
    /// Every time must lie in [first, last) of the test durations (scikit-survival's rule).
    static func check(_ times: [Double], within durations: [Double]) throws(AssessmentError) {
        let first = durations.min() ?? 0, last = durations.max() ?? 0
        if let outside = times.first(where: { $0 < first || $0 >= last }) {
            throw .timeOutsideFollowUp(time: outside, first: first, last: last)
        }
    }
}
