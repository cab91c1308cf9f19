/// Merges times that differ only by floating-point noise, as R survival's `aeqSurv` does.
///
/// All distinct finite times (durations and entry times together) are sorted; two
/// neighbours y₍ₖ₎ < y₍ₖ₊₁₎ are tied when their gap is at most `tolerance`, absolutely or
/// relative to the mean absolute time: `gap <= tol || gap / mean(|y|) <= tol`. Each run of
/// tied neighbours is replaced by its smallest member (so 1, 1 + 1e-10 and 1 + 2e-10 all
/// become 1). The default tolerance √ε ≈ 1.49e-8 is R's `sqrt(.Machine$double.eps)`; it
/// keeps, e.g., 0.1 + 0.2 and 0.3 from being counted as two event times
/// (Therneau, `vignette("tiedtimes", package = "survival")`).
enum TieCorrection {
    /// Durations and entry times after merging, with their dense ranks among all distinct
    /// merged times (durations and entry times together), ready for ``TimeOrder``.
    struct Times {
        let durations: [Double]
        let entryTimes: [Double]?
        let durationRanks: [Int]
        let entryRanks: [Int]?
        /// The number of distinct merged times.
        let distinctCount: Int
    }

    /// Returns durations and entry times with near-ties merged, and their ranks.
    ///
    /// - Throws: ``SurvivalEstimationError/zeroLengthIntervalAfterTieCorrection(row:entryTime:duration:)``
    ///   when a row's entry and duration merge into one time.
    /// - Complexity: O(n): the times are ranked with a radix sort (``DenseRanks``).
    static func apply(
        durations: [Double], entryTimes: [Double]?, tolerance: Double
    ) throws(SurvivalEstimationError) -> Times {
        let n = durations.count
        let all = entryTimes.map { durations + $0 } ?? durations
        let ranked = DenseRanks(all)
        var unique = [Double](repeating: 0, count: ranked.distinctCount)
        for (position, rank) in ranked.ranks.enumerated() { unique[rank] = all[position] }
        let meanAbs = unique.reduce(0) { $0 + Swift.abs($1) } / Double(unique.count)
        // Each distinct value's merged rank: that of the smallest member of its run of tied
        // neighbours.
        var mergedRank = Array(unique.indices)
        var merged = 0
        for k in unique.indices.dropFirst() {
            let gap = unique[k] - unique[k - 1]
            if !(tolerance > 0 && (gap <= tolerance || gap / meanAbs <= tolerance)) { merged += 1 }
            mergedRank[k] = merged
        }
        guard merged + 1 < unique.count else {
            let ranks = ranked.ranks
            return Times(
                durations: durations, entryTimes: entryTimes,
                durationRanks: entryTimes == nil ? ranks : Array(ranks[..<n]),
                entryRanks: entryTimes == nil ? nil : Array(ranks[n...]), distinctCount: unique.count)
        }
        var value = [Double](repeating: 0, count: merged + 1)
        for k in unique.indices.reversed() { value[mergedRank[k]] = unique[k] }
        let ranks = ranked.ranks.map { mergedRank[$0] }
        let newDurations = ranks[..<n].map { value[$0] }
        guard let entryTimes else {
            return Times(
                durations: newDurations, entryTimes: nil, durationRanks: ranks, entryRanks: nil,
                distinctCount: merged + 1)
        }
        let newEntries = ranks[n...].map { value[$0] }
        for i in newEntries.indices where newEntries[i] >= newDurations[i] {
            throw .zeroLengthIntervalAfterTieCorrection(
                row: i + 1, entryTime: entryTimes[i], duration: durations[i])
        }
        return Times(
            durations: newDurations, entryTimes: newEntries, durationRanks: Array(ranks[..<n]),
            entryRanks: Array(ranks[n...]), distinctCount: merged + 1)
    }
}
