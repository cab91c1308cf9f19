extension CoxDesign {
    /// The design's row order and everything it arranges but the covariates: the walk order
    /// of the table's rows (by stratum, then by decreasing tie-corrected stop time, events
    /// first at equal times), the strata with their entry orders, and the stop times, entry
    /// times and events in that order.
    ///
    /// Built apart from the covariates so that the tie correction's times and ranks are gone
    /// before the covariates are put in walk order.
    struct WalkOrder {
        /// The table row of each design row.
        let order: [Int]
        /// The strata's design rows, by stop time and by entry time.
        let strata: [Stratum]
        /// Tie-corrected stop times by design row.
        let stop: [Double]
        /// Tie-corrected entry times by design row; `nil` without entry times.
        let entry: [Double]?
        /// Event flags by design row.
        let event: [Bool]

        /// The walk order of `table`, checking that no covariate is constant within every
        /// stratum (stratified partial likelihoods compare rows within a stratum only).
        ///
        /// - Throws: ``CoxModelError/constantCovariate(name:)``, ``CoxModelError/tieCorrection(_:)``.
        init(_ table: borrowing EventTable, covariates: borrowing Matrix, tieTolerance: Double) throws(CoxModelError) {
            let corrected: TieCorrection.Times
            do {
                corrected = try TieCorrection.apply(
                    durations: table.durations, entryTimes: table.entryTimes, tolerance: tieTolerance)
            } catch {
                throw .tieCorrection(error)
            }
            let n = table.count
            let tableEvents = table.events
            let labels = table.strata.map(StratumLabels.init)
            var groups = StratumLabels.groups(
                labels,
                order: TimeOrder.decreasing(
                    ranks: corrected.durationRanks, distinctCount: corrected.distinctCount, eventsFirst: tableEvents))
            for j in 0..<covariates.columns {
                let varies = groups.contains { _, rows in
                    guard let first = rows.first else { return false }
                    return rows.contains { covariates[$0, j] != covariates[first, j] }
                }
                if !varies { throw .constantCovariate(name: table.covariateNames[j]) }
            }
            var order: [Int] = []
            var strata: [Stratum] = []
            if groups.count == 1 {
                // One group: its rows are the order, no copy.
                order = groups[0].rows
                strata = [Stratum(label: groups[0].label, rows: 0..<n, byEntry: [])]
            } else {
                order.reserveCapacity(n)
                for (label, rows) in groups {
                    let start = order.count
                    order += rows
                    strata.append(Stratum(label: label, rows: start..<order.count, byEntry: []))
                }
            }
            groups = []
            if let entryRanks = corrected.entryRanks {
                // Entry order in design rows: rank the design rows' entries, split by stratum.
                let designRanks = order.map { entryRanks[$0] }
                let byEntry = TimeOrder.decreasing(ranks: designRanks, distinctCount: corrected.distinctCount)
                var stratumOf = [Int](repeating: 0, count: n)
                for (s, stratum) in strata.enumerated() { for k in stratum.rows { stratumOf[k] = s } }
                for (s, rows) in TimeOrder.split(byEntry, by: stratumOf, groupCount: strata.count).enumerated() {
                    strata[s].byEntry = rows
                }
            }
            self.order = order
            self.strata = strata
            stop = order.map { corrected.durations[$0] }
            entry = corrected.entryTimes.map { e in order.map { e[$0] } }
            event = order.map { tableEvents[$0] }
        }
    }
}
