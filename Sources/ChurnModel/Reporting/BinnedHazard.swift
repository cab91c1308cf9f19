import RealModule

/// The hazard rate over one time bin, estimated from Nelson–Aalen increments.
struct HazardBin: Sendable, Equatable {
    /// Start of the bin (exclusive, except 0 for the first bin).
    var start: Double
    /// End of the bin (inclusive); the last bin ends at the last observed time.
    var end: Double
    /// ĥ = (Ĥ(end) − Ĥ(start)) / (end − start), per unit of time.
    var hazard: Double
    /// Lower confidence bound of ĥ.
    var lower: Double
    /// Upper confidence bound of ĥ.
    var upper: Double
}

/// A piecewise-constant hazard estimate for reports: the Nelson–Aalen increment over each
/// bin divided by the bin's width,
///
///     ĥₖ = Σ_{aₖ < tⱼ ≤ bₖ} dⱼ / nⱼ ÷ (bₖ − aₖ),
///
/// which is the uniform-kernel smoothing of the Nelson–Aalen estimator (Klein & Moeschberger,
/// *Survival Analysis*, 2nd ed., §6.2) evaluated on disjoint bins instead of a sliding window.
/// Its variance is the Nelson–Aalen variance of the increment, Σ dⱼ / nⱼ² (R's
/// `survfit(..., ctype = 1)$std.chaz`²), divided by the squared width; the interval is
/// log-transformed, ĥ · exp(±z · se / ĥ), so it stays positive. A bin without events has
/// ĥ = 0 and a zero-width interval (the Nelson–Aalen variance is zero there too).
enum BinnedHazard {
    /// The hazard per bin of width `width` from 0 to the last row's time.
    ///
    /// - Parameters:
    ///   - rows: One stratum's Kaplan–Meier or Nelson–Aalen rows (time, at risk, events), ascending.
    ///   - width: Bin width in the data's time unit, > 0.
    ///   - confidenceLevel: Level of the interval, in (0, 1).
    /// - Returns: One bin per non-empty interval (aₖ, bₖ]; the first includes time 0, the
    ///   last ends at the last observed time. Empty without rows.
    /// - Complexity: O(rows + bins).
    static func estimate(_ rows: [FitTableRow], width: Double, confidenceLevel: Double) -> [HazardBin] {
        guard let last = rows.last?.time, width > 0, last > 0 else { return [] }
        let z = NormalQuantile.quantile(1 - (1 - confidenceLevel) / 2)
        var bins: [HazardBin] = []
        var index = 0
        var bin = 0.0
        while bin * width < last {
            let start = bin * width
            let end = Swift.min(start + width, last)
            var increment = 0.0, variance = 0.0
            while index < rows.count, rows[index].time <= end {
                let row = rows[index]
                if row.events > 0, row.atRisk > 0 {
                    increment += row.events / row.atRisk
                    variance += row.events / (row.atRisk * row.atRisk)
                }
                index += 1
            }
            let span = end - start
            let hazard = increment / span
            let spread = increment > 0 ? Double.exp(z * variance.squareRoot() / increment) : 1
            bins.append(HazardBin(start: start, end: end, hazard: hazard, lower: hazard / spread, upper: hazard * spread))
            bin += 1
        }
        return bins
    }

    /// A bin width of 1, 2 or 5 × 10ᵏ giving about `target` bins up to `last`.
    static func width(upTo last: Double, target: Int = 12) -> Double {
        ChartTicks.niceNumber(Swift.max(last, 1e-9) / Double(target), round: true)
    }
}
