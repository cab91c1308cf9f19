/// A Cox fit up to its concordance: Newton–Raphson, variances, global tests and baseline
/// hazards are done, and the design still holds its covariates for the checks that read them
/// (the proportional-hazards test), so they need not rebuild it from the table.
/// ``completed()`` frees the covariates before the concordance and returns the ``CoxFit``.
struct CoxPartialFit {
    /// The fit's design, covariates included.
    private(set) var design: CoxDesign
    /// The tie method of the fit.
    let ties: TieMethod
    /// Centred linear predictors (xᵢ − x̄)·β̂ per design row, for the concordance.
    let eta: [Double]
    /// Cluster label per table row, for the concordance's standard error.
    let clusters: [String]?
    /// The fit with the given concordance.
    let assemble: (CoxConcordance) -> CoxFit

    /// The proportional-hazards test of the fit, on its own design.
    /// - Throws: as ``CoxProportionalityTest/init(fit:table:transform:tieTolerance:)``,
    ///   except the table checks.
    func proportionalityTest(
        _ transform: CoxProportionalityTest.TimeTransform = .km
    ) throws(CoxResidualsError) -> CoxProportionalityTest {
        try CoxProportionalityTest(
            design: design, risk: CoxDesign.checkedRelativeRisks(linearPredictors: eta), ties: ties,
            transform: transform)
    }

    /// The fit: frees the design's covariates (the concordance's temporaries take their
    /// place) and computes the concordance.
    consuming func completed() -> CoxFit {
        design.releaseCovariates()
        return assemble(design.concordance(eta, clusters: clusters))
    }
}
