import RealModule

/// The Nelson–Aalen estimator of the cumulative hazard, with case weights, late entry and
/// strata.
///
/// At each distinct time tⱼ with weighted risk set nⱼ = Σ w 1{entry < tⱼ ≤ duration} and
/// weighted events dⱼ:
///
/// - Ĥ(t) = Σ_{tⱼ ≤ t} dⱼ / nⱼ (Nelson 1972, Aalen 1978; Klein & Moeschberger,
///   *Survival Analysis*, 2nd ed., eq. 4.2.3);
/// - Var(Ĥ(t)) = Σ_{tⱼ ≤ t} dⱼ / nⱼ² — the Poisson-type variance of K&M eq. 4.2.4 (not
///   Klein's binomial form Σ (nⱼ − dⱼ) dⱼ / nⱼ³), which is what R reports as `std.chaz`
///   for `survfit(..., ctype = 1)` (Therneau & Grambsch, *Modeling Survival Data*, §2.1.2).
///   Tied events use the simple d/n increment, not the Fleming–Harrington `ctype = 2`
///   split. Weights enter as frequency weights (R `robust = FALSE`).
/// - Pointwise intervals per ``CumulativeHazardIntervalType``.
///
/// Near-tied times are merged first, as R's `aeqSurv` does (see
/// ``NelsonAalenOptions/tieTolerance``). The estimate is not exp-related to the
/// Kaplan–Meier curve: exp(−Ĥ) is the Fleming–Harrington (Breslow) survival, ≥ Ŝ_KM.
public struct NelsonAalenEstimator: Sendable {
    /// The estimator's settings.
    public let options: NelsonAalenOptions

    /// Creates an estimator.
    ///
    /// - Parameter options: Confidence level, interval type and tie tolerance.
    public init(options: NelsonAalenOptions = NelsonAalenOptions()) {
        self.options = options
    }

    /// Estimates one cumulative-hazard curve per stratum of `table`.
    ///
    /// - Parameter table: Durations, events and optional entry times, strata and weights.
    /// - Returns: The fitted curves.
    /// - Throws: ``SurvivalEstimationError/zeroLengthIntervalAfterTieCorrection(row:entryTime:duration:)``
    ///   when tie merging collapses a late-entry interval.
    /// - Complexity: O(n log n).
    public func fit(_ table: EventTable) throws(SurvivalEstimationError) -> NelsonAalenFit {
        let z = options.normalQuantile
        let strata = try RiskSets.build(table, tieTolerance: options.tieTolerance)
        let curves = strata.map { stratum in
            var hazard = 0.0
            var variance = 0.0
            let rows = stratum.steps.map { step in
                if step.events > 0 {
                    hazard += step.events / step.atRisk
                    variance += step.events / (step.atRisk * step.atRisk)
                }
                let sigma = variance.squareRoot()
                let bounds = Self.interval(
                    hazard: hazard, sigma: sigma, z: z, type: options.confidenceIntervalType)
                return NelsonAalenRow(
                    time: step.time, atRisk: step.atRisk, events: step.events,
                    censored: step.censored, cumulativeHazard: hazard, standardError: sigma,
                    ciLower: bounds?.lower, ciUpper: bounds?.upper)
            }
            return NelsonAalenCurve(stratum: stratum.stratum, rows: rows)
        }
        return NelsonAalenFit(options: options, curves: curves)
    }

    /// Pointwise interval for H; `nil` for the log interval at Ĥ = 0.
    static func interval(
        hazard h: Double, sigma: Double, z: Double, type: CumulativeHazardIntervalType
    ) -> (lower: Double, upper: Double)? {
        switch type {
        case .plain:
            return (Swift.max(h - z * sigma, 0), h + z * sigma)
        case .log:
            guard h > 0 else { return nil }
            let factor = Double.exp(z * sigma / h)
            return (h / factor, h * factor)
        }
    }
}
