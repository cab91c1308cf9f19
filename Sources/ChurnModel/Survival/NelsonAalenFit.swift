/// One row of a Nelson–Aalen table at a distinct event or censoring time.
public struct NelsonAalenRow: Sendable, Equatable {
    /// The time.
    public let time: Double
    /// Weighted number at risk just before `time`: Σ w over entry < time ≤ duration.
    public let atRisk: Double
    /// Weighted number of events at `time`.
    public let events: Double
    /// Weighted number censored at `time`.
    public let censored: Double
    /// Ĥ(time) = Σ_{tⱼ ≤ time} dⱼ / nⱼ.
    public let cumulativeHazard: Double
    /// √(Σ_{tⱼ ≤ time} dⱼ / nⱼ²), R's `survfit(..., ctype = 1)$std.chaz`.
    public let standardError: Double
    /// Lower pointwise confidence bound, `nil` where undefined (log interval at Ĥ = 0).
    public let ciLower: Double?
    /// Upper pointwise confidence bound, `nil` where undefined (log interval at Ĥ = 0).
    public let ciUpper: Double?
}

/// The Nelson–Aalen cumulative hazard of one stratum.
public struct NelsonAalenCurve: Sendable, Equatable {
    /// Stratum label, `nil` for an unstratified fit.
    public let stratum: String?
    /// One row per distinct event or censoring time, ascending.
    public let rows: [NelsonAalenRow]

    /// Ĥ(t) as a right-continuous step function: 0 before the first time, the last row's
    /// value after the last time.
    ///
    /// - Parameter time: A time in the data's unit.
    /// - Returns: The estimated cumulative hazard at `time`.
    /// - Complexity: O(log n).
    public func cumulativeHazard(at time: Double) -> Double {
        var low = 0
        var high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? 0 : rows[low - 1].cumulativeHazard
    }
}

/// The result of ``NelsonAalenEstimator/fit(_:)``: one curve per stratum.
public struct NelsonAalenFit: Sendable, Equatable {
    /// The options the fit used.
    public let options: NelsonAalenOptions
    /// Curves in stratum-label order (a single curve with `stratum == nil` when unstratified).
    public let curves: [NelsonAalenCurve]

    /// The curve of `stratum`, or `nil` when there is no such stratum.
    public func curve(stratum: String?) -> NelsonAalenCurve? {
        curves.first { $0.stratum == stratum }
    }

    /// Ĥ(t) of one stratum's curve; `nil` when there is no such stratum.
    ///
    /// - Parameters:
    ///   - time: A time in the data's unit.
    ///   - stratum: The stratum label, `nil` for an unstratified fit.
    /// - Complexity: O(strata + log n).
    public func cumulativeHazard(at time: Double, stratum: String? = nil) -> Double? {
        curve(stratum: stratum)?.cumulativeHazard(at: time)
    }
}
