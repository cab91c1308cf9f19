import Foundation
import Testing
@testable import ChurnModel

/// Cox fits against R 4.2.2, survival 3.5-3 (`Benchmarks/reference/cox_reference.R`,
/// fixtures `reference/cox_*.csv` with 17 significant digits). Coefficients and standard
/// errors to 1e-6 relative, log-likelihoods to 1e-6 absolute, test statistics 1e-6 relative.
/// Concordance is compared with R's `concordancefit()` on the linear predictors rounded to
/// 12 digits (`rc.*` columns): R's own `fit$concordance` sees BLAS rounding noise between
/// identical covariate rows in two cases; elsewhere both columns agree.
@Suite struct CoxProportionalHazardsTests {
    private func expectMatchesR(
        _ table: EventTable, case name: String, options: CoxOptions = CoxOptions(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CoxFit {
        let fit = try CoxProportionalHazards(options: options).fit(table)
        let r = try CoxReference(name)
        try #require(fit.coefficients.count == r.coef.count, sourceLocation: sourceLocation)
        #expect(fit.warnings.isEmpty, "\(fit.warnings)", sourceLocation: sourceLocation)
        #expect(fit.converged, sourceLocation: sourceLocation)
        for (j, c) in fit.coefficients.enumerated() {
            let at = "\(name) \(c.name)"
            expectRelative(c.estimate, r.coef[j], 1e-6, "\(at) coef", sourceLocation: sourceLocation)
            expectRelative(c.modelStandardError, r.se[j], 1e-6, "\(at) se", sourceLocation: sourceLocation)
            expectRelative(c.robustStandardError, r.robustSE[j], 1e-6, "\(at) robust se", sourceLocation: sourceLocation)
            expectRelative(c.zStatistic, r.z[j], 1e-6, "\(at) z", sourceLocation: sourceLocation)
            expectRelative(c.pValue, r.p[j], 1e-5, "\(at) p", sourceLocation: sourceLocation)
            expectRelative(c.hazardRatio, r.hr[j], 1e-6, "\(at) exp(coef)", sourceLocation: sourceLocation)
            expectRelative(c.hazardRatioLower, r.hrLower[j], 1e-6, "\(at) lower .95", sourceLocation: sourceLocation)
            expectRelative(c.hazardRatioUpper, r.hrUpper[j], 1e-6, "\(at) upper .95", sourceLocation: sourceLocation)
            expectRelative(fit.means[j], r.mean[j], 1e-12, "\(at) mean", sourceLocation: sourceLocation)
        }
        expectClose(fit.nullLogLikelihood, r.test("loglik0"), tolerance: 1e-6, "\(name) loglik0", sourceLocation: sourceLocation)
        expectClose(fit.logLikelihood, r.test("loglik"), tolerance: 1e-6, "\(name) loglik", sourceLocation: sourceLocation)
        expectClose(fit.aic, r.test("aic"), tolerance: 2e-6, "\(name) AIC", sourceLocation: sourceLocation)
        for (test, key) in [(fit.likelihoodRatioTest, "lr"), (fit.waldTest, "wald"), (fit.scoreTest, "score")] {
            expectRelative(test.statistic, r.test(key), 1e-6, "\(name) \(key)", sourceLocation: sourceLocation)
            expectRelative(test.pValue, r.test("\(key).p"), 1e-5, "\(name) \(key) p", sourceLocation: sourceLocation)
            #expect(Double(test.degreesOfFreedom) == r.test("lr.df"), sourceLocation: sourceLocation)
        }
        #expect(Double(fit.observationCount) == r.test("n"), sourceLocation: sourceLocation)
        #expect(Double(fit.eventCount) == r.test("nevent"), sourceLocation: sourceLocation)
        #expect(Double(fit.iterations) == r.test("iter"), "\(name) iterations \(fit.iterations)", sourceLocation: sourceLocation)
        expectClose(fit.concordance.concordant, r.test("rc.concordant"), tolerance: 1e-9, "\(name) concordant", sourceLocation: sourceLocation)
        expectClose(fit.concordance.discordant, r.test("rc.discordant"), tolerance: 1e-9, "\(name) discordant", sourceLocation: sourceLocation)
        expectClose(fit.concordance.tiedRisk, r.test("rc.tied.x"), tolerance: 1e-9, "\(name) tied.x", sourceLocation: sourceLocation)
        expectClose(fit.concordance.tiedTime, r.test("rc.tied.y"), tolerance: 1e-9, "\(name) tied.y", sourceLocation: sourceLocation)
        expectClose(fit.concordance.value, r.test("rc.concordance"), tolerance: 1e-10, "\(name) concordance", sourceLocation: sourceLocation)
        expectRelative(fit.concordance.standardError, r.test("rc.concordance.se"), 1e-8, "\(name) concordance se", sourceLocation: sourceLocation)
        try expectBaselineMatchesR(fit, case: name, sourceLocation: sourceLocation)
        return fit
    }

    private func expectBaselineMatchesR(
        _ fit: CoxFit, case name: String, sourceLocation: SourceLocation
    ) throws {
        let csv = try FixtureCSV("cox_basehaz")
        let rows = csv.rows.filter { $0[0] == name }
        try #require(!rows.isEmpty, sourceLocation: sourceLocation)
        for row in rows {
            let stratum = row[1].isEmpty ? nil : row[1]
            let time = try #require(Double(row[2]))
            let hazard = try #require(Double(row[3]))
            let baseline = try #require(fit.baselineHazards.first { $0.stratum == stratum })
            expectRelative(baseline.cumulativeHazard(at: time), hazard, 1e-6, floor: 1e-12,
                           "\(name) basehaz t=\(time)", sourceLocation: sourceLocation)
        }
    }

    /// R: `coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung)` (complete cases).
    @Test func coxMatchesRCoxphEfronOnLung() throws {
        _ = try expectMatchesR(CoxData.lung(), case: "lung_efron")
    }

    /// R: `coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung, ties = "breslow")`.
    @Test func coxMatchesRCoxphBreslowOnLung() throws {
        _ = try expectMatchesR(
            CoxData.lung(), case: "lung_breslow", options: CoxOptions(ties: .breslow))
    }

    /// R: `coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), data = lung)`.
    @Test func coxMatchesRCoxphStratifiedOnLung() throws {
        _ = try expectMatchesR(
            CoxData.lung(covariates: ["age", "ph.ecog"], strataColumn: "sex"),
            case: "lung_strata_sex")
    }

    /// R: `coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung, weights = weight)`;
    /// R makes non-integer weights robust by default.
    @Test func coxMatchesRCoxphWeightedOnLung() throws {
        _ = try expectMatchesR(
            CoxData.lung(weighted: true), case: "lung_weighted",
            options: CoxOptions(robust: true))
    }

    /// R: `coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung, robust = TRUE)`.
    @Test func coxMatchesRCoxphRobustOnLung() throws {
        _ = try expectMatchesR(CoxData.lung(), case: "lung_robust", options: CoxOptions(robust: true))
    }

    /// R: `coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = heart,
    /// cluster = id)`.
    @Test func coxMatchesRCoxphCountingProcessWithClustersOnHeart() throws {
        _ = try expectMatchesR(CoxData.heart(), case: "heart_cluster", options: CoxOptions(robust: true))
    }

    /// R: `coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = heart,
    /// ties = "breslow")`. The table's clusters only group the concordance SE here, so
    /// this case drops them (R fitted it without `cluster`).
    @Test func coxMatchesRCoxphBreslowCountingProcessOnHeart() throws {
        let heart = try CoxData.heart()
        let table = try EventTable(
            durations: heart.durations, events: heart.events, entryTimes: heart.entryTimes,
            covariates: heart.covariates, covariateNames: heart.covariateNames)
        _ = try expectMatchesR(table, case: "heart_breslow", options: CoxOptions(ties: .breslow))
    }

    /// R: `coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio,
    /// data = Rossi)` (carData).
    @Test func coxMatchesRCoxphOnRossi() throws {
        _ = try expectMatchesR(CoxData.rossi(), case: "rossi_efron")
    }

    /// R: `summary(survfit(fit, newdata = data.frame(age = 60, sex = 2, ph.ecog = 1)),
    /// times = c(100, 365, 500, 730))` for the Efron and Breslow lung fits.
    @Test func coxSurvivalPredictionMatchesRSurvfitOnLung() throws {
        let csv = try FixtureCSV("cox_survival")
        for (name, ties) in [("lung_efron", TieMethod.efron), ("lung_breslow", .breslow)] {
            let fit = try CoxProportionalHazards(options: CoxOptions(ties: ties)).fit(CoxData.lung())
            for row in csv.rows where row[0] == name {
                let t = try #require(Double(row[4]))
                let surv = try #require(Double(row[5]))
                let cumhaz = try #require(Double(row[6]))
                let x = [60.0, 2, 1]
                expectRelative(try fit.survivalProbability(at: t, covariates: x), surv, 1e-6, "\(name) S(\(t))")
                expectRelative(try fit.cumulativeHazard(at: t, covariates: x), cumhaz, 1e-6, "\(name) H(\(t))")
            }
            let conditional = try fit.conditionalSurvivalProbability(
                additional: 265, survivedTo: 100, covariates: [60, 2, 1])
            let ratio = try fit.survivalProbability(at: 365, covariates: [60, 2, 1])
                / fit.survivalProbability(at: 100, covariates: [60, 2, 1])
            #expect(Swift.abs(conditional - ratio) < 1e-12)
        }
    }
}
