/// What a fit report's model-checking charts (hazard, fitted versus Kaplan–Meier) are drawn
/// from: the data's own step estimate per stratum and, for regression fits, the fitted
/// model averaged over the same customers.
struct FitEvidence: Sendable {
    /// The unit of the history's durations.
    var scale: FitTimeScale
    /// Confidence level of the bands.
    var confidenceLevel: Double
    /// Kaplan–Meier or Nelson–Aalen rows per stratum: the fit's own table for `km` and `na`,
    /// a Kaplan–Meier estimate of the history for Cox and parametric fits, empty otherwise.
    var observed: [FitTableRow]
    /// The fitted model averaged over each stratum's customers (Cox and parametric fits with
    /// their history); empty otherwise.
    var fitted: [String?: AveragedSurvival]
    /// The history's path, for error messages.
    var file: String

    /// Collects the evidence for `summary`.
    /// - Parameters:
    ///   - history: the rows the model was fitted to, sampled; needed for Cox and parametric fits.
    ///   - file: the history's path, for error messages.
    /// - Throws: an estimation error from the Kaplan–Meier estimate, or ``FittedModelError``
    ///   when the history does not match the fit.
    init(summary: FitSummary, history: SampledHistory?, file: String, scale: FitTimeScale, confidenceLevel: Double) throws {
        self.scale = scale
        self.confidenceLevel = confidenceLevel
        self.file = file
        if let table = summary.table, !table.isEmpty {
            observed = table
            fitted = [:]
        } else if let history, summary.model != "sbg" {
            let options = try KaplanMeierOptions(confidenceLevel: confidenceLevel, confidenceIntervalType: .log)
            let estimate = try KaplanMeierEstimator(options: options).fit(history.table)
            observed = FitSummary(kaplanMeier: estimate, table: history.table).table ?? []
            fitted = try AveragedSurvival.byStratum(summary: summary, history: history, file: file)
        } else {
            observed = []
            fitted = [:]
        }
    }

    /// The observed rows grouped by stratum.
    var strata: [(name: String, key: String?, rows: [FitTableRow])] { Self.strata(observed) }

    /// `rows` grouped by stratum, in table order ("All customers" without strata).
    static func strata(_ rows: [FitTableRow]) -> [(name: String, key: String?, rows: [FitTableRow])] {
        var order: [String?] = []
        var groups: [String?: [FitTableRow]] = [:]
        for row in rows {
            if groups[row.stratum] == nil { order.append(row.stratum) }
            groups[row.stratum, default: []].append(row)
        }
        return order.map { ($0 ?? "All customers", $0, groups[$0] ?? []) }
    }

    /// "Weibull", "log-normal", "Cox": the model's name inside a sentence.
    static func familyName(_ model: String) -> String {
        switch model {
        case "cox": "Cox"
        case "weibull": "Weibull"
        case "lognormal": "log-normal"
        case "loglogistic": "log-logistic"
        default: model
        }
    }

    /// "Weibull fit", "Log-normal fit", "Cox model": the model's name opening a title.
    static func modelName(_ model: String) -> String {
        let family = familyName(model)
        return family.prefix(1).uppercased() + family.dropFirst() + (model == "cox" ? " model" : " fit")
    }
}
