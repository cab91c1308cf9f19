/// One row of a Kaplan–Meier table: the curve at a distinct event or censoring time, as R's
/// `summary(survfit(...), censored = TRUE)` prints it.
public struct KaplanMeierRow: Sendable, Equatable {
    /// The time.
    public let time: Double
    /// Weighted number at risk just before `time`: Σ w over entry < time ≤ duration.
    public let atRisk: Double
    /// Weighted number of events at `time`.
    public let events: Double
    /// Weighted number censored at `time`.
    public let censored: Double
    /// Ŝ(time), the product-limit estimate ∏ (1 − dⱼ/nⱼ) over event times ≤ time.
    public let survival: Double
    /// Greenwood standard error of −log Ŝ: √(Σ dⱼ / (nⱼ (nⱼ − dⱼ))) — what R stores in
    /// `survfit(...)$std.err`. `nil` once Ŝ = 0 (R: `Inf`).
    public let standardErrorOfLogSurvival: Double?
    /// Standard error of Ŝ itself, Ŝ · ``standardErrorOfLogSurvival`` (Greenwood's formula,
    /// as R's `summary(survfit)$std.err`). `nil` once Ŝ = 0 (R: `NaN`).
    public let standardError: Double?
    /// Lower pointwise confidence bound, `nil` where R reports `NA`.
    public let ciLower: Double?
    /// Upper pointwise confidence bound, `nil` where R reports `NA`.
    public let ciUpper: Double?
}

/// The Kaplan–Meier curve of one stratum.
public struct KaplanMeierCurve: Sendable, Equatable {
    /// Stratum label, `nil` for an unstratified fit.
    public let stratum: String?
    /// One row per distinct event or censoring time, ascending.
    public let rows: [KaplanMeierRow]
    /// Median survival time and its confidence interval.
    public let medianSurvivalTime: MedianSurvivalTime

    /// Ŝ(t) as a right-continuous step function: 1 before the first time, the last row's
    /// value after the last time (where the estimate is, strictly, undefined if the last
    /// observation is censored).
    ///
    /// - Parameter time: A time in the data's unit.
    /// - Returns: The estimated probability of surviving beyond `time`.
    /// - Complexity: O(log n).
    public func survivalProbability(at time: Double) -> Double {
        guard let index = lastRowIndex(atOrBefore: time) else { return 1 }
        return rows[index].survival
    }

    private func lastRowIndex(atOrBefore time: Double) -> Int? {
        var low = 0
        var high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }
}

/// The result of ``KaplanMeierEstimator/fit(_:)``: one curve per stratum.
public struct KaplanMeierFit: Sendable, Equatable {
    /// The options the fit used.
    public let options: KaplanMeierOptions
    /// Curves in stratum-label order (a single curve with `stratum == nil` when unstratified).
    public let curves: [KaplanMeierCurve]

    /// The curve of `stratum`, or `nil` when there is no such stratum.
    public func curve(stratum: String?) -> KaplanMeierCurve? {
        curves.first { $0.stratum == stratum }
    }

    /// Ŝ(t) of one stratum's curve; `nil` when there is no such stratum.
    ///
    /// - Parameters:
    ///   - time: A time in the data's unit.
    ///   - stratum: The stratum label, `nil` for an unstratified fit.
    /// - Complexity: O(strata + log n).
    public func survivalProbability(at time: Double, stratum: String? = nil) -> Double? {
        curve(stratum: stratum)?.survivalProbability(at: time)
    }
}
