@testable import ChurnModel

/// Exact reference statistics over kept per-path values, formed in path order: what the
/// constant-memory accumulators (``PathMoments``, ``PathDistribution``) are checked against.
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
}
