import RealModule

/// The Kaplan–Meier (product-limit) estimator of the survival function, with case weights,
/// late entry and strata.
///
/// At each distinct time tⱼ with weighted risk set nⱼ = Σ w 1{entry < tⱼ ≤ duration} and
/// weighted events dⱼ:
///
/// - Ŝ(t) = ∏_{tⱼ ≤ t} (1 − dⱼ / nⱼ) (Kaplan & Meier 1958; Klein & Moeschberger,
///   *Survival Analysis*, 2nd ed., eq. 4.2.1; late entry §4.6);
/// - Greenwood: Var(−log Ŝ) ≈ σ² = Σ dⱼ / (nⱼ (nⱼ − dⱼ)) (K&M eq. 4.2.2), and
///   SE(Ŝ) = Ŝ σ. Weights enter as frequency weights, which is R's
///   `survfit(..., weights = w, robust = FALSE)`; R's default for non-integer weights is an
///   infinitesimal-jackknife variance, which this estimator does not compute.
/// - Pointwise intervals per ``ConfidenceIntervalType``, and the median with
///   ``MedianSurvivalTime``'s rule.
///
/// Times within the options' tie tolerance are merged first (R's `aeqSurv`, see
/// ``KaplanMeierOptions/tieTolerance``). Results match R survival's `survfit` (Therneau &
/// Grambsch, *Modeling Survival Data*, §2.1); see `Benchmarks/reference/survival_reference.R`.
///
/// When every subject at risk has the event, Ŝ becomes exactly 0; from then on the Greenwood
/// term is infinite and standard errors and intervals are `nil`, where R reports
/// `Inf`/`NaN`/`NA`.
public struct KaplanMeierEstimator: Sendable {
    /// The estimator's settings.
    public let options: KaplanMeierOptions

    /// Creates an estimator.
    ///
    /// - Parameter options: Confidence level, interval type and tie tolerance; R's defaults
    ///   when omitted.
    public init(options: KaplanMeierOptions = KaplanMeierOptions()) {
        self.options = options
    }

    /// Estimates one survival curve per stratum of `table`.
    ///
    /// - Parameter table: Durations, events and optional entry times, strata and weights.
    /// - Returns: The fitted curves.
    /// - Throws: ``SurvivalEstimationError/zeroLengthIntervalAfterTieCorrection(row:entryTime:duration:)``
    ///   when tie merging collapses a late-entry interval.
    /// - Complexity: O(n log n).
    public func fit(_ table: EventTable) throws(SurvivalEstimationError) -> KaplanMeierFit {
        let z = options.normalQuantile
        let strata = try RiskSets.build(table, tieTolerance: options.tieTolerance)
        let curves = strata.map { curve(for: $0, z: z) }
        return KaplanMeierFit(options: options, curves: curves)
    }

    private func curve(for stratum: StratumRiskSets, z: Double) -> KaplanMeierCurve {
        var survival = 1.0
        var greenwood = 0.0
        var rows: [KaplanMeierRow] = []
        rows.reserveCapacity(stratum.steps.count)
        for step in stratum.steps {
            if step.eventCount > 0 {
                if step.eventCount >= step.atRiskCount {
                    // Everyone at risk has the event: the curve drops to exactly 0.
                    survival = 0
                    greenwood = .infinity
                } else {
                    survival *= (step.atRisk - step.events) / step.atRisk
                    greenwood += step.events / (step.atRisk * (step.atRisk - step.events))
                }
            }
            let sigma: Double? = greenwood.isFinite ? greenwood.squareRoot() : nil
            let bounds = Self.interval(
                survival: survival, sigma: sigma, z: z, type: options.confidenceIntervalType)
            rows.append(
                KaplanMeierRow(
                    time: step.time, atRisk: step.atRisk, events: step.events,
                    censored: step.censored, survival: survival,
                    standardErrorOfLogSurvival: sigma,
                    standardError: sigma.map { $0 * survival },
                    ciLower: bounds?.lower, ciUpper: bounds?.upper))
        }
        let times = rows.map(\.time)
        let median = MedianSurvivalTime(
            estimate: MedianSurvivalTime.firstCrossing(times: times, values: rows.map(\.survival)),
            lowerBound: MedianSurvivalTime.firstCrossing(times: times, values: rows.map(\.ciLower)),
            upperBound: MedianSurvivalTime.firstCrossing(times: times, values: rows.map(\.ciUpper)),
            confidenceLevel: options.confidenceLevel)
        return KaplanMeierCurve(stratum: stratum.stratum, rows: rows, medianSurvivalTime: median)
    }

    /// Pointwise interval for S from Ŝ and σ = SE(−log Ŝ), as R's `survfit_confint`;
    /// `nil` where R gives `NA`/`NaN` (Ŝ = 0; for log-log also Ŝ = 1).
    static func interval(
        survival s: Double, sigma: Double?, z: Double, type: ConfidenceIntervalType
    ) -> (lower: Double, upper: Double)? {
        guard let sigma, s > 0 else { return nil }
        switch type {
        case .plain:
            let halfWidth = sigma * s * z
            return (Swift.max(s - halfWidth, 0), Swift.min(s + halfWidth, 1))
        case .log:
            let halfWidth = z * sigma
            let logS = Double.log(s)
            return (Double.exp(logS - halfWidth), Swift.min(Double.exp(logS + halfWidth), 1))
        case .logLog:
            guard s < 1 else { return nil }
            let logS = Double.log(s)
            let halfWidth = z * sigma / logS
            let center = Double.log(-logS)
            return (
                Double.exp(-Double.exp(center - halfWidth)),
                Double.exp(-Double.exp(center + halfWidth))
            )
        }
    }
}
