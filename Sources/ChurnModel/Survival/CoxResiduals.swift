import RealModule

/// Residuals of a fitted Cox model, as R's `residuals.coxph`: martingale and deviance
/// residuals per row, Schoenfeld and scaled Schoenfeld residuals per event and covariate.
///
/// - Martingale: Mᵢ = δᵢ − rᵢ·Λ̂ᵢ with rᵢ = exp(xᵢ·β̂) and Λ̂ᵢ the baseline cumulative hazard
///   accumulated over the row's interval (entry, stop] in its stratum; with Efron ties a
///   row dying among d tied events gains Σₖ (1 − k/d)·hₖ at its own time. Not multiplied
///   by the case weight (R's default `weighted = FALSE`).
/// - Deviance: sign(Mᵢ)·√(−2[Mᵢ + δᵢ·log(δᵢ − Mᵢ)]).
/// - Schoenfeld: xᵢ − x̄(tᵢ) for each event row i, where x̄ is the risk-set weighted mean
///   (for Efron ties the mean over the d partial risk sets, R's `coxscho`). Unweighted.
/// - Scaled Schoenfeld: β̂ + d·V·sᵢ with d the number of events and V = I(β̂)⁻¹ (the
///   model-based variance even for a robust fit); E ≈ β(tᵢ), the basis of the
///   proportional-hazards plot.
///
/// References: Schoenfeld, "Partial residuals for the proportional hazards regression
/// model", *Biometrika* 69 (1982); Therneau, Grambsch & Fleming, "Martingale-based
/// residuals for survival models", *Biometrika* 77 (1990); Grambsch & Therneau,
/// "Proportional hazards tests and diagnostics based on weighted residuals",
/// *Biometrika* 81 (1994); Therneau & Grambsch, *Modeling Survival Data* (2000), ch. 4
/// and §6.2.
public struct CoxResiduals: Sendable, Equatable {
    /// Covariate names, the columns of the Schoenfeld matrices.
    public let covariateNames: [String]
    /// Martingale residuals, one per table row, in table order.
    public let martingale: [Double]
    /// Deviance residuals, one per table row, in table order.
    public let deviance: [Double]
    /// For each Schoenfeld row, the 0-based table row of the event. Events are ordered by
    /// stratum (sorted labels, as ``CoxFit/baselineHazards``), then time, then table row,
    /// which is R's order when stratum labels sort the same way as R's factor levels.
    public let eventRows: [Int]
    /// The (tie-corrected) event time of each Schoenfeld row.
    public let eventTimes: [Double]
    /// The stratum label of each Schoenfeld row; `nil` for an unstratified model.
    public let eventStrata: [String?]
    /// Schoenfeld residuals, events × covariates.
    public let schoenfeld: Matrix
    /// Scaled Schoenfeld residuals β̂ + d·V·sᵢ, events × covariates.
    public let scaledSchoenfeld: Matrix

    /// Computes the residuals of `fit` on the table it was fitted to.
    ///
    /// - Parameters:
    ///   - fit: A fit from ``CoxProportionalHazards/fit(_:)``.
    ///   - table: The same table (rows, covariates, strata, weights, entry times).
    ///   - tieTolerance: The ``CoxOptions/tieTolerance`` of the fit; default R's √ε.
    /// - Throws: ``CoxResidualsError/tableDoesNotMatchFit(what:)``,
    ///   ``CoxResidualsError/model(_:)``, ``CoxResidualsError/nonFiniteValue(what:)``.
    /// - Complexity: O(n·p² + n log n).
    public init(
        fit: CoxFit, table: EventTable, tieTolerance: Double = Double.ulpOfOne.squareRoot()
    ) throws(CoxResidualsError) {
        let design = try CoxDesign(matching: fit, table: table, tieTolerance: tieTolerance)
        let risk = try design.relativeRisks(fit)
        let p = design.covariateCount
        let martingale = design.martingaleResiduals(risk: risk, ties: fit.ties)
        let deviance = try martingale.indices.map { i throws(CoxResidualsError) in
            let m = martingale[i]
            let inside = design.event[i] ? m + Double.log(1 - m) : m
            let value = (m < 0 ? -1 : 1) * Swift.max(0, -2 * inside).squareRoot()
            guard value.isFinite else {
                throw .nonFiniteValue(what: "deviance residual of row \(design.tableRow[i])")
            }
            return m == 0 ? 0 : value
        }
        self.martingale = design.inTableOrder(martingale)
        self.deviance = design.inTableOrder(deviance)
        let order = design.orderedEventRows()
        eventRows = order.map { design.tableRow[$0.row] }
        eventTimes = order.map { design.stop[$0.row] }
        eventStrata = order.map { design.strata[$0.stratum].label }
        let raw = design.schoenfeldResiduals(risk: risk, ties: fit.ties)
        let m = order.count
        var plain = Matrix(rows: m, columns: p)
        var scaled = Matrix(rows: m, columns: p)
        let beta = fit.coefficients.map(\.estimate)
        for e in 0..<m {
            for j in 0..<p {
                plain[e, j] = raw[e * p + j]
                var value = 0.0
                for k in 0..<p { value += raw[e * p + k] * fit.modelCovariance[k, j] }
                scaled[e, j] = beta[j] + Double(m) * value
            }
        }
        guard plain.storage.allSatisfy(\.isFinite), scaled.storage.allSatisfy(\.isFinite) else {
            throw .nonFiniteValue(what: "a Schoenfeld residual")
        }
        covariateNames = fit.covariateNames
        schoenfeld = plain
        scaledSchoenfeld = scaled
    }
}

extension CoxDesign {
    /// Rebuilds the design of `fit` from `table`, checking that the table is the fitted one:
    /// same row count, event count, covariate names and (to 1e-10 relative) means.
    init(matching fit: CoxFit, table: EventTable, tieTolerance: Double) throws(CoxResidualsError) {
        guard table.covariateNames == fit.covariateNames else {
            throw .tableDoesNotMatchFit(
                what: "covariates \(table.covariateNames) vs fitted \(fit.covariateNames)")
        }
        guard table.count == fit.observationCount else {
            throw .tableDoesNotMatchFit(what: "\(table.count) rows vs \(fit.observationCount) fitted")
        }
        let events = table.events.filter { $0 }.count
        guard events == fit.eventCount else {
            throw .tableDoesNotMatchFit(what: "\(events) events vs \(fit.eventCount) fitted")
        }
        do {
            self = try CoxDesign(table, tieTolerance: tieTolerance)
        } catch {
            throw .model(error)
        }
        for (j, (mean, fitted)) in zip(means, fit.means).enumerated()
        where Swift.abs(mean - fitted) > 1e-10 * Swift.max(1, Swift.abs(fitted)) {
            throw .tableDoesNotMatchFit(what: "mean of \(names[j]) \(mean) vs fitted \(fitted)")
        }
    }

    /// Relative risks exp((xᵢ − x̄)·β̂) of the fit, checked to be finite and positive.
    func relativeRisks(_ fit: CoxFit) throws(CoxResidualsError) -> [Double] {
        try checkedRelativeRisks(fit.coefficients.map(\.estimate))
    }

    /// Relative risks exp((xᵢ − x̄)·β), checked to be finite and positive.
    func checkedRelativeRisks(_ beta: [Double]) throws(CoxResidualsError) -> [Double] {
        try Self.checked(relativeRisks(beta))
    }

    /// Relative risks exp(ηᵢ) of linear predictors already at hand (``linearPredictors(_:)``
    /// of the same β gives the same numbers as ``checkedRelativeRisks(_:)``, without a second
    /// pass over the covariates), checked to be finite and positive.
    static func checkedRelativeRisks(linearPredictors eta: [Double]) throws(CoxResidualsError) -> [Double] {
        try checked(eta.map { Double.exp($0) })
    }

    private static func checked(_ risk: [Double]) throws(CoxResidualsError) -> [Double] {
        guard risk.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .nonFiniteValue(what: "a relative risk exp(x·β̂)")
        }
        return risk
    }
}
