import RealModule

/// Predictions from a fitted Cox model for one covariate profile x:
/// Λ(t | x) = Λ₀(t)·exp(x·β̂) and S(t | x) = exp(−Λ(t | x)) (Therneau & Grambsch 2000,
/// §10.2; R's `survfit(fit, newdata)`).
extension CoxFit {
    /// The cumulative hazard Λ(t | x) for a subject with covariates `covariates`.
    ///
    /// Computed as Λ₀(t | x̄)·exp((x − x̄)·β̂), which keeps the exponent small.
    ///
    /// - Parameters:
    ///   - t: Time, in the unit of the fitted durations.
    ///   - covariates: One value per covariate, in ``covariateNames`` order.
    ///   - stratum: The stratum label for a stratified model; `nil` otherwise.
    /// - Throws: ``CoxModelError/covariateCountMismatch(expected:actual:)`` or
    ///   ``CoxModelError/unknownStratum(_:)``.
    /// - Complexity: O(p + log m).
    public func cumulativeHazard(
        at t: Double, covariates: [Double], stratum: String? = nil
    ) throws(CoxModelError) -> Double {
        let baseline = try baselineHazard(for: stratum)
        return baseline.centeredCumulativeHazard(at: t) * (try relativeRisk(covariates))
    }

    /// S(t | x) = exp(−Λ(t | x)).
    ///
    /// - Parameters: as ``cumulativeHazard(at:covariates:stratum:)``.
    /// - Returns: A probability in [0, 1], 1 before the first event time.
    /// - Throws: as ``cumulativeHazard(at:covariates:stratum:)``.
    public func survivalProbability(
        at t: Double, covariates: [Double], stratum: String? = nil
    ) throws(CoxModelError) -> Double {
        Double.exp(-(try cumulativeHazard(at: t, covariates: covariates, stratum: stratum)))
    }

    /// Conditional survival S(t + s | T > t, x) = S(t + s | x)/S(t | x)
    /// = exp(−(Λ(t + s | x) − Λ(t | x))), e.g. the chance that a customer of tenure t
    /// stays another s.
    ///
    /// - Parameters:
    ///   - additional: s ≥ 0, the extra time.
    ///   - survivedTo: t, the time already survived.
    ///   - covariates, stratum: as ``cumulativeHazard(at:covariates:stratum:)``.
    /// - Returns: A probability in [0, 1].
    /// - Throws: as ``cumulativeHazard(at:covariates:stratum:)``.
    public func conditionalSurvivalProbability(
        additional s: Double, survivedTo t: Double, covariates: [Double],
        stratum: String? = nil
    ) throws(CoxModelError) -> Double {
        let baseline = try baselineHazard(for: stratum)
        let increment =
            baseline.centeredCumulativeHazard(at: t + s) - baseline.centeredCumulativeHazard(at: t)
        return Double.exp(-Swift.max(0, increment) * (try relativeRisk(covariates)))
    }

    /// exp((x − x̄)·β̂).
    private func relativeRisk(_ covariates: [Double]) throws(CoxModelError) -> Double {
        guard covariates.count == coefficients.count else {
            throw .covariateCountMismatch(expected: coefficients.count, actual: covariates.count)
        }
        var eta = 0.0
        for (j, coefficient) in coefficients.enumerated() {
            eta += (covariates[j] - means[j]) * coefficient.estimate
        }
        return Double.exp(eta)
    }

    private func baselineHazard(for stratum: String?) throws(CoxModelError) -> CoxBaselineHazard {
        guard let baseline = baselineHazards.first(where: { $0.stratum == stratum }) else {
            throw .unknownStratum(stratum)
        }
        return baseline
    }
}
