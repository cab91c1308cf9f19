/// The inverse-probability-of-censoring-weighted Brier score of predicted survival (Graf et al.
/// 1999), in scikit-survival's conventions (`brier_score`, `integrated_brier_score`):
/// BS(t) = (1/n) Σ [Ŝᵢ(t)² · 1{Tᵢ ≤ t, δᵢ = 1} / Ĝ(Tᵢ) + (1 − Ŝᵢ(t))² · 1{Tᵢ > t} / Ĝ(t)], with Ĝ the
/// training rows' censoring curve (a weight whose Ĝ is 0 counts 0). Rows censored by t count 0.
public enum BrierScore {
    /// BS(t) at each of `times` for predictions `survival[i][k]` = Ŝᵢ(t_k).
    /// - Throws: ``AssessmentError`` for times outside the test follow-up, or a length mismatch.
    public static func evaluate(
        durations: [Double], events: [Bool], survival: [[Double]], trainDurations: [Double], trainEvents: [Bool], times: [Double]
    ) throws(AssessmentError) -> [Double] {
        guard durations.count == events.count, durations.count == survival.count,
              survival.allSatisfy({ $0.count == times.count })
        else { throw .lengthMismatch("\(durations.count) rows, \(survival.count) prediction rows, \(times.count) times") }
        try FollowUp.check(times, within: durations)
        let censoring = CensoringSurvival(durations: trainDurations, events: trainEvents)
        let inverse = { (g: Double) in g > 0 ? 1 / g : 0 }
        let atRows = try durations.map { (t: Double) throws(AssessmentError) -> Double in inverse(try censoring.value(at: t)) }
        return try times.enumerated().map { (k: Int, time: Double) throws(AssessmentError) -> Double in
            let atTime = inverse(try censoring.value(at: time))
            var sum = 0.0
            for i in durations.indices {
                let s = survival[i][k]
                if durations[i] <= time && events[i] {
                    sum += s * s * atRows[i]
                } else if durations[i] > time {
                    sum += (1 - s) * (1 - s) * atTime
                }
            }
            return sum / Double(durations.count)
        }
    }

    /// The integrated Brier score: the trapezoid of BS over `times`, divided by t_K − t_1.
    public static func integrated(scores: [Double], times: [Double]) throws(AssessmentError) -> Double {
        guard times.count >= 2, scores.count == times.count else { throw .tooFewTimes }
        var area = 0.0
        for k in 1..<times.count { area += (times[k] - times[k - 1]) * (scores[k] + scores[k - 1]) / 2 }
        return area / (times[times.count - 1] - times[0])
    }

    /// The index of prediction accuracy, IPA(t) = 1 − BS_model(t) / BS_null(t) (Kattan & Gerds
    /// 2018), with the null model the training rows' Kaplan–Meier curve: above 0 the model beats a
    /// flat forecast, below 0 it is worse (0 where the null score is 0, a perfect null forecast).
    public static func predictionAccuracy(model: [Double], null: [Double]) -> [Double] {
        zip(model, null).map { $1 > 0 ? 1 - $0 / $1 : 0 }
    }
}
