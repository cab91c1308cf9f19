import RealModule

/// A survival model given by a right-continuous step cumulative hazard, as estimated by
/// Kaplan–Meier (H = −log S), Nelson–Aalen or a Cox baseline, optionally scaled by a
/// relative risk exp(xᵀβ) and extended beyond the last observed time.
///
/// Beyond the last time the data say nothing; the model then continues with a constant
/// hazard equal to the average over the observed range, H(t_max)/t_max (an explicit,
/// documented extrapolation so that simulated lifetimes do not stop churning when the data
/// end). Where H is infinite (Kaplan–Meier reaching 0), lifetimes end there.
///
/// A step at time 0 (customers who left at tenure 0, as whole-month tenures record those who
/// cancel within their first month) is a jump at 0: H(0) is its left limit 0, so a customer at
/// tenure 0 still has that churn ahead of them, and H(t) includes the jump for every t > 0.
/// Its lifetimes are 0, which the simulator rounds up to the first month or renewal.
public struct StepCumulativeHazard: InvertibleCumulativeHazard, Equatable {
    /// Step times, strictly increasing, ≥ 0.
    public let times: [Double]
    /// Cumulative hazard from each step time on (non-decreasing), already multiplied by `relativeRisk`.
    public let cumulativeHazards: [Double]
    /// Constant hazard per unit time after the last step.
    public let tailHazard: Double

    /// Creates the model from step times and baseline cumulative hazards.
    /// - Parameters:
    ///   - times: increasing event times ≥ 0, at least one of them > 0.
    ///   - cumulativeHazards: baseline H at each time (non-decreasing, ≥ 0, +∞ allowed).
    ///   - relativeRisk: multiplier exp(xᵀβ) of the baseline (1 for KM/NA).
    /// - Throws: ``FittedModelError/invalidCurve(reason:)`` when the curve is empty, not
    ///   increasing, or has its only step at time 0 (no hazard to continue with after it).
    public init(times: [Double], cumulativeHazards: [Double], relativeRisk: Double = 1) throws {
        guard !times.isEmpty, times.count == cumulativeHazards.count else {
            throw FittedModelError.invalidCurve(reason: "the curve has no steps")
        }
        guard zip(times, times.dropFirst()).allSatisfy({ $0 < $1 }), times[0] >= 0,
            zip(cumulativeHazards, cumulativeHazards.dropFirst()).allSatisfy({ $0 <= $1 }),
            cumulativeHazards.allSatisfy({ $0 >= 0 && !$0.isNaN }), relativeRisk > 0, relativeRisk.isFinite
        else { throw FittedModelError.invalidCurve(reason: "times must increase from ≥ 0 and the cumulative hazard must not decrease") }
        guard times[times.count - 1] > 0 else {
            throw FittedModelError.invalidCurve(
                reason: "every event is at time 0, so nothing says how customers who stay past it churn")
        }
        self.times = times
        self.cumulativeHazards = cumulativeHazards.map { $0 * relativeRisk }
        let last = self.cumulativeHazards[self.cumulativeHazards.count - 1]
        let lastTime = times[times.count - 1]
        tailHazard = last.isFinite ? last / lastTime : 0
    }

    /// H(t): the value of the last step at or before t (a step at 0 counting from t > 0 on),
    /// then the linear tail.
    public func cumulativeHazard(at t: Double) -> Double {
        guard t >= times[0], t > 0 else { return 0 }
        let lastTime = times[times.count - 1]
        if t >= lastTime {
            return cumulativeHazards[cumulativeHazards.count - 1] + tailHazard * (t - lastTime)
        }
        return cumulativeHazards[lastIndex(atOrBefore: t)]
    }

    /// The tail hazard after the last time; 0 elsewhere (the steps carry no density).
    public func hazard(at t: Double) -> Double { t >= times[times.count - 1] ? tailHazard : 0 }

    /// The first step time with H ≥ the value, or a point on the linear tail.
    public func inverseCumulativeHazard(_ value: Double) -> Double {
        guard value > 0 else { return 0 }
        var low = 0, high = cumulativeHazards.count
        while low < high {
            let middle = (low + high) / 2
            if cumulativeHazards[middle] >= value { high = middle } else { low = middle + 1 }
        }
        if low < cumulativeHazards.count { return times[low] }
        guard tailHazard > 0 else { return .infinity }
        return times[times.count - 1] + (value - cumulativeHazards[cumulativeHazards.count - 1]) / tailHazard
    }

    private func lastIndex(atOrBefore t: Double) -> Int {
        var low = 0, high = times.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if times[middle] <= t { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
