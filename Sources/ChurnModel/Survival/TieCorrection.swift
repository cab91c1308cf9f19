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
    /// Returns durations and entry times with near-ties merged.
    ///
    /// - Throws: ``SurvivalEstimationError/zeroLengthIntervalAfterTieCorrection(row:entryTime:duration:)``
    ///   when a row's entry and duration merge into one time.
    /// - Complexity: O(n): the times are ranked with a radix sort (``DenseRanks``).
    static func apply(
        durations: [Double], entryTimes: [Double]?, tolerance: Double
    ) throws(SurvivalEstimationError) -> (durations: [Double], entryTimes: [Double]?) {
        guard tolerance > 0 else { return (durations, entryTimes) }
        let all = durations + (entryTimes ?? [])
        let ranked = DenseRanks(all)
        guard ranked.distinctCount > 1 else { return (durations, entryTimes) }
        var unique = [Double](repeating: 0, count: ranked.distinctCount)
        for (position, rank) in ranked.ranks.enumerated() { unique[rank] = all[position] }
        let meanAbs = unique.reduce(0) { $0 + Swift.abs($1) } / Double(unique.count)
        // Each distinct value's merged value: the smallest member of its run of tied neighbours.
        var merged = unique
        var anyTied = false
        for k in 1..<unique.count {
            let gap = unique[k] - unique[k - 1]
            if gap <= tolerance || gap / meanAbs <= tolerance {
                anyTied = true
                merged[k] = merged[k - 1]
            }
        }
        guard anyTied else { return (durations, entryTimes) }
        let snapped = ranked.ranks.map { merged[$0] }
        let newDurations = Array(snapped[..<durations.count])
        guard let entryTimes else { return (newDurations, nil) }
        let newEntries = Array(snapped[durations.count...])
        for i in newEntries.indices where newEntries[i] >= newDurations[i] {
            throw .zeroLengthIntervalAfterTieCorrection(
                row: i + 1, entryTime: entryTimes[i], duration: durations[i])
        }
        return (newDurations, newEntries)
    }
}
