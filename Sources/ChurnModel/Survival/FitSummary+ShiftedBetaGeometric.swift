extension FitSummary {
    /// The summary of a shifted-beta-geometric fit: α and β, and per period the observed and
    /// projected survival, the retention (renewal) rate and the discounted expected residual
    /// lifetime (Fader & Hardie 2007, 2010).
    /// - Parameters:
    ///   - fit: the fitted model.
    ///   - periods: number of periods to project (at least the observed ones).
    ///   - discountRate: discount rate per renewal period for the residual lifetime.
    public init(shiftedBetaGeometric fit: ShiftedBetaGeometricFit, periods: Int, discountRate: Double) throws {
        let coefficients = [("alpha", fit.alpha), ("beta", fit.beta)].map { name, parameter in
            let z = parameter.estimate / parameter.standardError
            return FitCoefficient(
                name: name, estimate: parameter.estimate, standardError: parameter.standardError, z: z,
                p: NormalDistribution.twoSidedPValue(z), ciLower: parameter.lowerBound, ciUpper: parameter.upperBound)
        }
        let model = fit.model
        let cohort = Double(fit.activeCounts.first ?? 0)
        let projection = try (1...max(periods, fit.activeCounts.count - 1, 1)).map { period in
            FitProjectionRow(
                period: period,
                observedSurvival: period < fit.activeCounts.count && cohort > 0 ? Double(fit.activeCounts[period]) / cohort : nil,
                survival: model.survival(period: period), retention: model.retentionRate(period: period),
                discountedExpectedResidualLifetime: try model.discountedExpectedResidualLifetime(
                    discountRate: discountRate, renewals: period - 1))
        }
        let churned = (fit.activeCounts.first ?? 0) - (fit.activeCounts.last ?? 0)
        self.init(
            model: "sbg", n: fit.activeCounts.first ?? 0, events: churned, logLikelihood: fit.logLikelihood,
            aic: -2 * fit.logLikelihood + 4, iterations: fit.iterations, coefficients: coefficients,
            projection: projection)
    }
}
