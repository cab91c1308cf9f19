/// Weighted risk-set counts at one distinct observed time of one stratum.
struct RiskSetStep: Sendable, Equatable {
    /// The time (an event or censoring time).
    var time: Double
    /// Σ w over subjects with entry < time ≤ duration.
    var atRisk: Double
    /// Σ w over subjects with an event at `time`.
    var events: Double
    /// Σ w over subjects censored at `time`.
    var censored: Double
    /// Unweighted number at risk.
    var atRiskCount: Int
    /// Unweighted number of events.
    var eventCount: Int
}

/// The risk-set steps of one stratum.
struct StratumRiskSets: Sendable {
    /// Stratum label, `nil` for an unstratified table.
    var stratum: String?
    /// One step per distinct duration, ascending.
    var steps: [RiskSetStep]
}

/// Builds the counting-process summary shared by the Kaplan–Meier and Nelson–Aalen
/// estimators: for each distinct stop time t, n(t) = Σ wᵢ 1{entryᵢ < t ≤ durationᵢ},
/// d(t) and c(t) the weighted events and censorings at t (Therneau & Grambsch, §2.2).
enum RiskSets {
    /// Splits `table` into strata (labels sorted, as R orders factor levels) after merging
    /// near-tied times with ``TieCorrection`` over the whole table, as `survfit` does.
    ///
    /// - Complexity: O(n + distinct times).
    static func build(
        _ table: EventTable, tieTolerance: Double
    ) throws(SurvivalEstimationError) -> [StratumRiskSets] {
        let corrected = try TieCorrection.apply(
            durations: table.durations, entryTimes: table.entryTimes, tolerance: tieTolerance)
        let labels = table.strata.map(StratumLabels.init)
        let byStop = StratumLabels.groups(
            labels, order: TimeOrder.decreasing(ranks: corrected.durationRanks, distinctCount: corrected.distinctCount))
        let byEntry = corrected.entryRanks.map {
            StratumLabels.groups(labels, order: TimeOrder.decreasing(ranks: $0, distinctCount: corrected.distinctCount))
        }
        return byStop.enumerated().map { s, group in
            StratumRiskSets(
                stratum: group.label,
                steps: steps(
                    byStop: group.rows, byEntry: byEntry?[s].rows, durations: corrected.durations,
                    entryTimes: corrected.entryTimes, events: table.events, table: table))
        }
    }

    /// The steps of one stratum from its rows by decreasing duration and, with entry times, by
    /// decreasing entry time.
    private static func steps(
        byStop: [Int], byEntry: [Int]?, durations: [Double], entryTimes: [Double]?, events: [Bool],
        table: EventTable
    ) -> [RiskSetStep] {
        var result: [RiskSetStep] = []
        var atRisk = 0.0
        var atRiskCount = 0
        var stopIndex = 0
        var entryIndex = 0
        while stopIndex < byStop.count {
            let time = durations[byStop[stopIndex]]
            var step = RiskSetStep(
                time: time, atRisk: 0, events: 0, censored: 0, atRiskCount: 0, eventCount: 0)
            while stopIndex < byStop.count, durations[byStop[stopIndex]] == time {
                let row = byStop[stopIndex]
                let weight = table.weight(at: row)
                atRisk += weight
                atRiskCount += 1
                if events[row] {
                    step.events += weight
                    step.eventCount += 1
                } else {
                    step.censored += weight
                }
                stopIndex += 1
            }
            if let entryTimes, let byEntry {
                // Subjects entering at or after `time` are not yet at risk at `time`.
                while entryIndex < byEntry.count, entryTimes[byEntry[entryIndex]] >= time {
                    atRisk -= table.weight(at: byEntry[entryIndex])
                    atRiskCount -= 1
                    entryIndex += 1
                }
            }
            step.atRisk = atRisk
            step.atRiskCount = atRiskCount
            result.append(step)
        }
        return result.reversed()
    }
}
