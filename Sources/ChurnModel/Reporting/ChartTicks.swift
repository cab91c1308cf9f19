import Foundation

/// Axis ticks at "nice" numbers: 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers
/// for graph labels", Graphics Gems, 1990), and 1–2–5 steps per decade on a log axis.
enum ChartTicks {
    /// Ticks covering [lower, upper] with about `target` intervals, and the expanded range
    /// from the first to the last tick.
    ///
    /// The range is widened outward to whole steps, so the data always lie inside the axis:
    /// `linear(0, 937, target: 5)` gives 0, 200, …, 1000.
    static func linear(_ lower: Double, _ upper: Double, target: Int = 5) -> [Double] {
        guard lower.isFinite, upper.isFinite else { return [0, 1] }
        var low = Swift.min(lower, upper)
        var high = Swift.max(lower, upper)
        if high - low < 1e-12 * Swift.max(1, abs(high)) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let step = niceNumber((high - low) / Double(Swift.max(target, 1)), round: true)
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        return stride(from: first, through: last + 0.5, by: 1).map { cleaned($0 * step, step: step) }
    }

    /// Ticks on a log axis covering [lower, upper] (both > 0): powers of ten, with 2 and 5
    /// between them when the range spans less than three decades (and 1.5, 3, 7 under one).
    static func logarithmic(_ lower: Double, _ upper: Double) -> [Double] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return [0.5, 1, 2] }
        let firstDecade = Int(log10(lower).rounded(.down))
        let lastDecade = Int(log10(upper).rounded(.up))
        let span = log10(upper / lower)
        let mantissas: [Double] = span < 1 ? [1, 1.5, 2, 3, 5, 7] : span < 3 ? [1, 2, 5] : [1]
        var ticks: [Double] = []
        for decade in firstDecade...lastDecade {
            for mantissa in mantissas {
                // Dividing by 10ⁿ keeps 0.3 exact where 3 × 0.1 would give 0.30000000000000004.
                ticks.append(decade < 0 ? mantissa / pow(10, Double(-decade)) : mantissa * pow(10, Double(decade)))
            }
        }
        let below = ticks.last { $0 <= lower } ?? ticks[0]
        let above = ticks.first { $0 >= upper } ?? ticks[ticks.count - 1]
        return ticks.filter { $0 >= below && $0 <= above }
    }

    /// The nice number (1, 2, 5 or 10 times a power of ten) nearest to `value` when
    /// rounding, or the smallest not below it otherwise.
    static func niceNumber(_ value: Double, round: Bool) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let exponent = log10(value).rounded(.down)
        let power = pow(10, exponent)
        let fraction = value / power
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }

    /// `value` with the floating-point noise of `k × step` removed (0.30000000000000004 → 0.3).
    private static func cleaned(_ value: Double, step: Double) -> Double {
        let decimals = Swift.max(0, -Int(log10(step).rounded(.down)) + 1)
        let scale = pow(10, Double(decimals))
        let rounded = (value * scale).rounded() / scale
        return rounded == 0 ? 0 : rounded
    }
}

/// Tick labels for people, by axis unit.
enum ChartTickLabels {
    /// The label of `value` on an axis of `unit` whose ticks are `step` apart.
    static func label(_ value: Double, unit: ReportChartUnit, step: Double) -> String {
        switch unit {
        case .currency: currency(value, step: step)
        case .share: NumberFormatting.grouped(value * 100, decimals: decimals(step * 100)) + "%"
        case .ratio: NumberFormatting.grouped(value, decimals: decimals(Swift.min(step, value)))
        case .months, .plain, .time, .rate: NumberFormatting.grouped(value, decimals: decimals(step))
        }
    }

    /// A currency tick with K/M/B suffixes and just enough decimals for the step ("1.5M", "250K", "-2M").
    static func currency(_ value: Double, step: Double) -> String {
        let scale = Swift.max(abs(value), abs(step))
        let (divisor, suffix): (Double, String) =
            scale >= 1e9 ? (1e9, "B") : scale >= 1e6 ? (1e6, "M") : scale >= 1e3 ? (1e3, "K") : (1, "")
        if value == 0 { return "0" }
        return NumberFormatting.grouped(value / divisor, decimals: decimals(step / divisor)) + suffix
    }

    /// Decimals needed to tell ticks `step` apart (0 for steps ≥ 1, 1 for 0.5, 2 for 0.05).
    static func decimals(_ step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        var decimals = 0
        var scaled = step
        while decimals < 6, abs(scaled - scaled.rounded()) > 1e-9 * Swift.max(1, scaled) {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }
}
