/// Statistics over per-path values, formed in path order so results are reproducible.
enum PathStatistics {
    /// Mean and standard error (sample standard deviation / √n; nil for n < 2).
    static func estimate(_ values: [Double]) -> Estimate {
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        guard values.count > 1 else { return Estimate(mean: mean, standardError: nil) }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return Estimate(mean: mean, standardError: (squares / (count - 1) / count).squareRoot())
    }

    /// Quantile of sorted values by linear interpolation between order statistics
    /// (Hyndman & Fan type 7, R's default).
    static func quantile(sorted values: [Double], _ q: Double) -> Double {
        let position = q * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        return values[lower] + (position - Double(lower)) * (values[upper] - values[lower])
    }

    /// Mean, P5, P50 and P95 of per-path amounts.
    static func pathAmount(_ values: [Double]) -> PathAmountSummary {
        let sorted = values.sorted()
        let estimate = estimate(values)
        return PathAmountSummary(
            mean: estimate.mean, standardError: estimate.standardError, p5: quantile(sorted: sorted, 0.05), p50: quantile(sorted: sorted, 0.5),
            p95: quantile(sorted: sorted, 0.95))
    }
}
