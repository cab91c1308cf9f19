extension FitSummary {
    /// The summary of a Kaplan–Meier fit: its table (survival, SE of survival, CI) and medians.
    public init(kaplanMeier fit: KaplanMeierFit, table data: EventTable, warnings: [String] = []) {
        let rows = fit.curves.flatMap { curve in
            curve.rows.map { row in
                FitTableRow(
                    stratum: curve.stratum, time: row.time, atRisk: row.atRisk, events: row.events, censored: row.censored,
                    survival: row.survival, cumulativeHazard: nil, standardError: row.standardError,
                    ciLower: row.ciLower, ciUpper: row.ciUpper)
            }
        }
        let medians = fit.curves.map { curve in
            FitMedian(
                stratum: curve.stratum, estimate: curve.medianSurvivalTime.estimate,
                ciLower: curve.medianSurvivalTime.lowerBound, ciUpper: curve.medianSurvivalTime.upperBound)
        }
        self.init(
            model: "kaplan_meier", n: data.count, events: data.events.filter { $0 }.count, warnings: warnings,
            table: rows, median: medians)
    }

    /// The summary of a Nelson–Aalen fit: cumulative hazard with its SE and CI.
    public init(nelsonAalen fit: NelsonAalenFit, table data: EventTable, warnings: [String] = []) {
        let rows = fit.curves.flatMap { curve in
            curve.rows.map { row in
                FitTableRow(
                    stratum: curve.stratum, time: row.time, atRisk: row.atRisk, events: row.events, censored: row.censored,
                    survival: nil, cumulativeHazard: row.cumulativeHazard, standardError: row.standardError,
                    ciLower: row.ciLower, ciUpper: row.ciUpper)
            }
        }
        self.init(model: "nelson_aalen", n: data.count, events: data.events.filter { $0 }.count, warnings: warnings, table: rows)
    }
}
