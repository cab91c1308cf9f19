/// The hazard chart of a fit: the observed churn hazard per time bin from Nelson–Aalen
/// increments (``BinnedHazard``) and, for parametric fits, the fitted model's hazard for the
/// same customers.
extension FitReport {
    /// The chart, or nil when there are no observed times (sbg, or a regression summary
    /// without its history).
    static func hazardChart(_ summary: FitSummary, _ evidence: FitEvidence) -> ReportChart? {
        let groups = evidence.strata
        guard let last = evidence.observed.map(\.time).max(), last > 0 else { return nil }
        let width = BinnedHazard.width(upTo: last)
        let drawsModel = summary.model != "cox" && !evidence.fitted.isEmpty
        let name = FitEvidence.familyName(summary.model)
        var series: [ReportChartSeries] = []
        var observed: [(name: String, bins: [HazardBin])] = []
        var fitted: [(name: String, points: [ReportChartPoint])] = []
        for (index, group) in groups.enumerated() {
            let bins = BinnedHazard.estimate(group.rows, width: width, confidenceLevel: evidence.confidenceLevel)
            guard let final = bins.last else { continue }
            let prefix = groups.count > 1 ? group.name + ": " : ""
            let steps = bins.map { ReportChartPoint(x: $0.start, y: $0.hazard, lower: $0.lower, upper: $0.upper) }
                + [ReportChartPoint(x: final.end, y: final.hazard, lower: final.lower, upper: final.upper)]
            series.append(ReportChartSeries(name: prefix + "observed", points: steps, colorIndex: index))
            observed.append((group.name, bins))
            if drawsModel, let model = evidence.fitted[group.key] {
                let first = Swift.min(width / 2, final.end)
                let grid = (0...fittedGridSize).map { first + (final.end - first) * Double($0) / Double(fittedGridSize) }
                let points = grid.map { ReportChartPoint(x: $0, y: model.hazard(at: $0)) }.filter { $0.y.isFinite }
                series.append(ReportChartSeries(name: prefix + "fitted " + name, points: points, colorIndex: index, dashed: true, smooth: true))
                fitted.append((group.name, points))
            }
        }
        guard !series.isEmpty else { return nil }
        let level = NumberFormatting.grouped(evidence.confidenceLevel * 100, decimals: 0) + "%"
        let binText = "\(FitTimeScale.number(width))-\(evidence.scale.singular) bin"
        var note = "Steps: the Nelson–Aalen increment over each \(binText) divided by its width, Σ dⱼ/nⱼ ÷ width "
            + "(a uniform-kernel hazard estimate on disjoint bins; the last bin ends at the last observed time), "
            + "with a \(level) log-transformed band from the Nelson–Aalen variance Σ dⱼ/nⱼ²."
        if drawsModel {
            note += " Dashed: the fitted hazard of the averaged survival curve, Σ S(t | xᵢ) h(t | xᵢ) / Σ S(t | xᵢ); "
                + "without covariates it is the model's own h(t)."
        }
        let title = drawsModel && fitted.count == 1
            ? fittedHazardTitle(name, fitted[0].points, evidence.scale)
            : observedHazardTitle(observed, evidence.scale)
        return ReportChart(
            name: "hazard", title: title, kind: .step, xAxis: evidence.scale.axis, yAxis: evidence.scale.hazardAxis,
            series: series, note: note)
    }

    /// "The fitted Weibull hazard falls from 0.052 per month at month 2.5 to 0.031 per month at month 48".
    static func fittedHazardTitle(_ name: String, _ points: [ReportChartPoint], _ scale: FitTimeScale) -> String {
        guard let first = points.first, let last = points.last else { return "Fitted churn hazard over tenure" }
        let trend = trend(from: first.y, to: last.y)
        if trend == "stays near" {
            return "The fitted \(name) hazard stays near \(scale.rate(first.y)) from \(scale.moment(first.x)) to \(scale.moment(last.x))"
        }
        return "The fitted \(name) hazard \(trend) from \(scale.rate(first.y)) at \(scale.moment(first.x)) "
            + "to \(scale.rate(last.y)) at \(scale.moment(last.x))"
    }

    /// One stratum: how the hazard moves from the first half of the bins to the second (each
    /// half's exposure-weighted mean, so one sparse tail bin does not decide the sentence);
    /// several: which stratum churns fastest on average over the follow-up.
    static func observedHazardTitle(_ groups: [(name: String, bins: [HazardBin])], _ scale: FitTimeScale) -> String {
        let averages = groups.compactMap { group in mean(group.bins).map { (name: group.name, rate: $0) } }
        if averages.count > 1, let top = averages.max(by: { $0.rate < $1.rate }), let bottom = averages.min(by: { $0.rate < $1.rate }) {
            return "\(top.name) has the highest observed churn hazard, \(scale.rate(top.rate)) on average, "
                + "against \(scale.rate(bottom.rate)) for \(bottom.name)"
        }
        guard let bins = groups.first?.bins, bins.count > 1 else { return "Observed churn hazard over tenure" }
        let early = Array(bins[..<(bins.count / 2)]), late = Array(bins[(bins.count / 2)...])
        guard let earlyRate = mean(early), let lateRate = mean(late), let start = early.first, let middle = late.first,
              let end = late.last else { return "Observed churn hazard over tenure" }
        let trend = trend(from: earlyRate, to: lateRate)
        let first = scale.span(start.start, middle.start), second = scale.span(middle.start, end.end)
        if trend == "stays near" {
            return "The observed churn hazard stays near \(scale.rate(earlyRate)) in \(first) and \(scale.rate(lateRate)) in \(second)"
        }
        return "The observed churn hazard \(trend) from \(scale.rate(earlyRate)) in \(first) to \(scale.rate(lateRate)) in \(second)"
    }

    /// The exposure-weighted mean hazard of consecutive bins, Σ ĥ·width / Σ width.
    static func mean(_ bins: [HazardBin]) -> Double? {
        guard let first = bins.first, let last = bins.last, last.end > first.start else { return nil }
        return bins.reduce(0) { $0 + $1.hazard * ($1.end - $1.start) } / (last.end - first.start)
    }

    /// "rises" when `to` is over 20% above `from`, "falls" when over 20% below, else "stays near".
    static func trend(from: Double, to: Double) -> String {
        if to > from * 1.2 { return "rises" }
        if to < from / 1.2 { return "falls" }
        return "stays near"
    }
}
