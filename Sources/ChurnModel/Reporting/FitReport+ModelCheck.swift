/// The fit-quality chart of a Cox or parametric fit: the fitted survival, averaged over each
/// stratum's customers, drawn over the Kaplan–Meier estimate of the same history and its band.
extension FitReport {
    /// Points of the fitted survival curve on the chart grid.
    static let fittedGridSize = 120

    /// The chart, or nil when the fit has no history to compare with (sbg, KM, NA, or a
    /// summary read back without its data).
    static func fitCheckChart(_ summary: FitSummary, _ evidence: FitEvidence) -> ReportChart? {
        guard !evidence.fitted.isEmpty else { return nil }
        let name = FitEvidence.modelName(summary.model)
        let groups = evidence.strata
        var series: [ReportChartSeries] = []
        var checks: [(stratum: String, check: BandCheck)] = []
        let level = NumberFormatting.grouped(evidence.confidenceLevel * 100, decimals: 0) + "%"
        var banded = false
        for (index, group) in groups.enumerated() {
            guard let model = evidence.fitted[group.key], let last = group.rows.last?.time, last > 0 else { continue }
            let prefix = groups.count > 1 ? group.name + ": " : ""
            series.append(stepSeries(group.rows, name: prefix + "Kaplan–Meier", colorIndex: index, isSurvival: true))
            let grid = (0...fittedGridSize).map { last * Double($0) / Double(fittedGridSize) }
            let band = AveragedSurvivalBand(
                summary: summary, averaged: model, stratum: group.key, grid: grid,
                level: evidence.confidenceLevel, file: evidence.file)
            series.append(ReportChartSeries(
                name: prefix + name + (band == nil ? "" : " (\(level) band)"),
                points: grid.enumerated().map { k, t in
                    ReportChartPoint(x: t, y: model.survival(at: t), lower: band?.lower[k], upper: band?.upper[k])
                },
                colorIndex: band == nil ? index : index + groups.count, dashed: true, smooth: true))
            banded = banded || band != nil
            checks.append((group.name, BandCheck(group.rows, model)))
        }
        guard !series.isEmpty else { return nil }
        return ReportChart(
            name: "fit-vs-kaplan-meier", title: fitCheckTitle(name, level: level, checks, evidence.scale),
            kind: .step, xAxis: evidence.scale.axis, yAxis: ReportChartAxis(title: "Customers still active", unit: .share),
            series: series,
            note: "Solid steps: Kaplan–Meier estimate of the same history with its pointwise \(level) band (log transform). "
                + "Dashed: the model's survival averaged over the customers\(groups.count > 1 ? " of each stratum" : ""), "
                + "S̄(t) = Σ S(t | xᵢ) / n (direct adjustment), which is what the Kaplan–Meier curve estimates. "
                + (banded
                    ? "Its shaded band is a pointwise \(level) interval from the fit's covariance of every parameter (delta method). "
                    : "")
                + sampleNote(groups.compactMap { evidence.fitted[$0.key] })
            + (groups.contains { $0.rows.count > BandCheck.timeLimit }
                ? "The band is checked at \(BandCheck.timeLimit) observed times spread evenly over each curve."
                : "The band is checked at every observed time."),
            table: atRiskTable(groups.map { ($0.name, $0.rows) }))
    }

    /// "Averaged over 2,000 customers sampled evenly from each stratum's 1,000,000. " when
    /// a group was sampled, else empty.
    static func sampleNote(_ groups: [AveragedSurvival]) -> String {
        guard let largest = groups.map(\.groupSize).max(), largest > AveragedSurvival.memberLimit else { return "" }
        return "Strata of more than \(NumberFormatting.grouped(Double(AveragedSurvival.memberLimit))) customers are "
            + "averaged over \(NumberFormatting.grouped(Double(AveragedSurvival.memberLimit))) of them sampled evenly "
            + "(largest stratum: \(NumberFormatting.grouped(Double(largest)))). "
    }

    /// Whether a fitted curve stays inside a Kaplan–Meier band, checked at every row with an
    /// interval, or at ``timeLimit`` rows spread evenly when there are more.
    struct BandCheck: Equatable {
        /// The most observed times checked per curve.
        static let timeLimit = 500

        /// The first time the fitted survival is outside the band, if any.
        var firstExit: Double?
        /// The largest |S̄(t) − Ŝ(t)| over the checked times, and where.
        var largestGap: Double
        /// Where the largest gap is.
        var largestGapTime: Double
        /// The last time checked.
        var lastChecked: Double

        init(_ rows: [FitTableRow], _ model: AveragedSurvival) {
            firstExit = nil
            largestGap = 0
            largestGapTime = 0
            lastChecked = 0
            let checked = rows.count <= Self.timeLimit
                ? rows : (0..<Self.timeLimit).map { rows[($0 + 1) * rows.count / Self.timeLimit - 1] }
            for row in checked {
                guard let estimate = row.survival, let lower = row.ciLower, let upper = row.ciUpper else { continue }
                let fitted = model.survival(at: row.time)
                if firstExit == nil, fitted < lower - 1e-12 || fitted > upper + 1e-12 { firstExit = row.time }
                if abs(fitted - estimate) > largestGap { (largestGap, largestGapTime) = (abs(fitted - estimate), row.time) }
                lastChecked = row.time
            }
        }
    }

    /// "Weibull fit stays within the Kaplan–Meier 95% band through month 48", or where it leaves it.
    static func fitCheckTitle(_ name: String, level: String, _ checks: [(stratum: String, check: BandCheck)], _ scale: FitTimeScale) -> String {
        let band = "the Kaplan–Meier \(level) band"
        let exits = checks.filter { $0.check.firstExit != nil }.sorted { ($0.check.firstExit ?? 0) < ($1.check.firstExit ?? 0) }
        guard let first = exits.first, let exit = first.check.firstExit else {
            let through = checks.map(\.check.lastChecked).max() ?? 0
            return "\(name) stays within \(band) through \(scale.moment(through))" + (checks.count > 1 ? " in every stratum" : "")
        }
        let gap = checks.max { $0.check.largestGap < $1.check.largestGap } ?? first
        let scope = { (stratum: String) in checks.count > 1 ? " (\(stratum))" : "" }
        return "\(name) leaves \(band) at \(scale.moment(exit))\(scope(first.stratum)); largest gap "
            + "\(NumberFormatting.grouped(gap.check.largestGap * 100, decimals: 1)) percentage points at "
            + "\(scale.moment(gap.check.largestGapTime))\(scope(gap.stratum))"
    }
}
