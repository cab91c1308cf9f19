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
    /// The merged times come ranked, so the rows are never sorted: one pass adds each row's
    /// weight into a table indexed by (stratum, time rank), and one walk down the ranks
    /// accumulates the risk sets. When strata × distinct times would exceed
    /// `denseLimit` cells (default 4n + 65,536), the rows are instead ordered by a counting
    /// sort and walked stratum by stratum.
    ///
    /// - Complexity: O(n + strata × distinct times), or O(n + distinct times) when sorting.
    static func build(
        _ table: EventTable, tieTolerance: Double, denseLimit: Int? = nil
    ) throws(SurvivalEstimationError) -> [StratumRiskSets] {
        let corrected = try TieCorrection.apply(
            durations: table.durations, entryTimes: table.entryTimes, tolerance: tieTolerance)
        let labels = table.strata.map(StratumLabels.init)
        let cells = (labels?.labels.count ?? 1) * corrected.distinctCount
        if cells <= denseLimit ?? (4 * table.count + 65_536) {
            return tabulated(table, corrected, labels)
        }
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

    /// The steps from per-(stratum, rank) totals of stops and entries.
    private static func tabulated(
        _ table: EventTable, _ corrected: TieCorrection.Times, _ labels: StratumLabels?
    ) -> [StratumRiskSets] {
        let ranks = corrected.distinctCount
        let cells = (labels?.labels.count ?? 1) * ranks
        var events = [Double](repeating: 0, count: cells), censored = events, entering = events
        var eventCount = [Int](repeating: 0, count: cells), censoredCount = eventCount, enteringCount = eventCount
        var time = [Double](repeating: 0, count: ranks)
        for (i, rank) in corrected.durationRanks.enumerated() {
            let cell = (labels?.index[i] ?? 0) * ranks + rank
            time[rank] = corrected.durations[i]
            let weight = table.weight(at: i)
            if table.events[i] {
                events[cell] += weight
                eventCount[cell] += 1
            } else {
                censored[cell] += weight
                censoredCount[cell] += 1
            }
        }
        for (i, rank) in (corrected.entryRanks ?? []).enumerated() {
            let cell = (labels?.index[i] ?? 0) * ranks + rank
            entering[cell] += table.weight(at: i)
            enteringCount[cell] += 1
        }
        let names: [String?] = labels?.labels ?? [nil]
        return names.enumerated().map { s, label in
            var steps: [RiskSetStep] = []
            var atRisk = 0.0
            var atRiskCount = 0
            for rank in (0..<ranks).reversed() {
                let cell = s * ranks + rank
                atRisk += events[cell] + censored[cell]
                atRiskCount += eventCount[cell] + censoredCount[cell]
                // Rows entering at or after this time are not yet at risk at it.
                atRisk -= entering[cell]
                atRiskCount -= enteringCount[cell]
                guard eventCount[cell] + censoredCount[cell] > 0 else { continue }
                steps.append(RiskSetStep(
                    time: time[rank], atRisk: atRisk, events: events[cell], censored: censored[cell],
                    atRiskCount: atRiskCount, eventCount: eventCount[cell]))
            }
            return StratumRiskSets(stratum: label, steps: steps.reversed())
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
