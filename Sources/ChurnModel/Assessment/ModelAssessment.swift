import RealModule

/// How well one fitted model predicts churn on held-out rows, with the flat Kaplan–Meier forecast
/// of the training rows as the null model. Times are in the history's unit.
public struct ModelAssessment: Sendable, Equatable, Codable {
    /// A metric at one time.
    public struct Point: Sendable, Equatable, Codable {
        /// The time.
        public let time: Double
        /// The metric's value.
        public let value: Double
    }

    /// The metrics of one model.
    public struct Metrics: Sendable, Equatable, Codable {
        /// Harrell's C on the test rows.
        public let harrellC: Double
        /// Uno's C (IPCW) with τ the last time.
        public let unoC: Double
        /// Cumulative/dynamic AUC(t).
        public let auc: [Point]
        /// AUC(t) averaged over the times with the test rows' KM drops as weights.
        public let meanAUC: Double
        /// IPCW Brier score BS(t).
        public let brier: [Point]
        /// BS(t) of the null model (the training rows' Kaplan–Meier curve for everyone).
        public let brierNull: [Point]
        /// IPA(t) = 1 − BS/BS_null.
        public let ipa: [Point]
        /// Integrated Brier score over the times (trapezoid / (t_K − t_1)); nil for one time.
        public let ibs: Double?
    }

    /// AIC and BIC of a parametric fit on the training rows (log-likelihood on the time scale, as
    /// R's `survreg`, so families compare), with its Akaike weight among the parametric models
    /// assessed together. BIC uses the number of training rows, as R's `BIC`.
    public struct InformationCriteria: Sendable, Equatable, Codable {
        /// −2ℓ + 2k.
        public let aic: Double
        /// −2ℓ + k log n.
        public let bic: Double
        /// exp(−ΔAIC/2) normalised over the parametric models assessed together.
        public internal(set) var akaikeWeight: Double
    }

    /// The model (`cox`, `weibull`, …).
    public let model: String
    /// Training rows.
    public let trainRows: Int
    /// Test rows.
    public let testRows: Int
    /// Events among the test rows.
    public let testEvents: Int
    /// The metrics.
    public let metrics: Metrics
    /// One sentence: where the model beats the flat forecast and where it does not.
    public let verdict: String
    /// Information criteria of a parametric fit (nil for Cox, whose partial likelihood does not
    /// compare, and for Kaplan–Meier).
    public internal(set) var informationCriteria: InformationCriteria?
}

extension [ModelAssessment] {
    /// These assessments with the Akaike weights of their parametric models set.
    func withAkaikeWeights() -> [ModelAssessment] {
        let best = compactMap { $0.informationCriteria?.aic }.min() ?? 0
        let total = compactMap { $0.informationCriteria.map { Double.exp(-($0.aic - best) / 2) } }.reduce(0, +)
        return map { assessment in
            var weighted = assessment
            if let aic = assessment.informationCriteria?.aic {
                weighted.informationCriteria?.akaikeWeight = Double.exp(-(aic - best) / 2) / total
            }
            return weighted
        }
    }
}

extension ModelAssessment {
    /// The assessment of predictions `survival[i][k]` = Ŝᵢ(t_k) on the test rows of `test`, with
    /// the censoring curve and the null forecast `null[k]` from the training rows of `train`.
    /// Concordance and AUC rank the rows by predicted churn by the last time, 1 − Ŝᵢ(t_K).
    /// - Parameter fit: the training fit, for its information criteria when parametric.
    init(
        model: String, train: EventTable, test: EventTable, survival: [[Double]], null: [Double], times: [Double],
        fit: FitSummary? = nil
    ) throws(AssessmentError) {
        let risks = survival.map { 1 - ($0.last ?? 1) }
        let trainEvents = train.events
        let harrell = try ConcordanceIndex.harrell(durations: test.durations, events: test.events, risks: risks)
        let uno = try ConcordanceIndex.uno(
            durations: test.durations, events: test.events, risks: risks, trainDurations: train.durations,
            trainEvents: trainEvents, tau: times.last)
        let (auc, meanAUC) = try DynamicAUC.evaluate(
            durations: test.durations, events: test.events, risks: risks, trainDurations: train.durations,
            trainEvents: trainEvents, times: times)
        let brier = try BrierScore.evaluate(
            durations: test.durations, events: test.events, survival: survival, trainDurations: train.durations,
            trainEvents: trainEvents, times: times)
        let brierNull = try BrierScore.evaluate(
            durations: test.durations, events: test.events, survival: [[Double]](repeating: null, count: test.count),
            trainDurations: train.durations, trainEvents: trainEvents, times: times)
        let ipa = BrierScore.predictionAccuracy(model: brier, null: brierNull)
        let points = { (values: [Double]) in zip(times, values).map { Point(time: $0, value: $1) } }
        self.model = model
        trainRows = train.count
        testRows = test.count
        testEvents = test.events.count(where: { $0 })
        metrics = Metrics(
            harrellC: harrell, unoC: uno, auc: points(auc), meanAUC: meanAUC, brier: points(brier),
            brierNull: points(brierNull), ipa: points(ipa),
            ibs: times.count >= 2 ? try BrierScore.integrated(scores: brier, times: times) : nil)
        verdict = Self.verdict(model: model, ipa: points(ipa))
        informationCriteria = fit.flatMap { Self.informationCriteria($0, rows: train.count) }
    }

    /// AIC and BIC of a parametric fit (weight 1 until compared).
    private static func informationCriteria(_ fit: FitSummary, rows: Int) -> InformationCriteria? {
        guard ParametricFamily.allCases.contains(where: { $0.identifier == fit.model }),
              let aic = fit.aic, let logLikelihood = fit.logLikelihood else { return nil }
        let parameters = (aic + 2 * logLikelihood) / 2
        return InformationCriteria(aic: aic, bic: -2 * logLikelihood + parameters * Double.log(Double(rows)), akaikeWeight: 1)
    }

    /// "cox beats the flat Kaplan–Meier forecast at every time", "… through 9", or "is worse than …".
    private static func verdict(model: String, ipa: [Point]) -> String {
        let time = { (point: Point) in NumberFormatting.exact(point.time) }
        if ipa.allSatisfy({ $0.value > 0 }) { return "\(model) beats a flat Kaplan–Meier forecast at every time assessed" }
        if ipa.allSatisfy({ $0.value <= 0 }) { return "\(model) is no better than a flat Kaplan–Meier forecast at any time assessed" }
        if let firstWorse = ipa.firstIndex(where: { $0.value <= 0 }), firstWorse > 0, ipa[firstWorse...].allSatisfy({ $0.value <= 0 }) {
            return "\(model) beats a flat Kaplan–Meier forecast through \(time(ipa[firstWorse - 1])) and is no better from \(time(ipa[firstWorse]))"
        }
        let worse = ipa.filter { $0.value <= 0 }.map(time).joined(separator: ", ")
        return "\(model) is no better than a flat Kaplan–Meier forecast at \(worse)"
    }
}
