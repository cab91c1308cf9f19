import Foundation
@testable import ChurnModel
import Testing

/// `CausalEffect` against R on NHEFS (Hernán & Robins, *What If*, ch. 17: quitting smoking and
/// death within 120 months; the book reports stabilised weights 0.33–4.21) and on a synthetic CS
/// history with confounding by segment and by indication (see `causal_reference.R`).
///
/// Tolerance: 1e-10 relative (to max(1, |value|)). Both sides iterate to convergence — the
/// propensity model to a relative deviance change of 1e-12 (R: `glm.control(epsilon = 1e-12)`),
/// Cox to 1e-9 in the log partial likelihood, both Newton's method, whose last step leaves an
/// error far below that — so they agree to 1e-10 and better; the SMD before weighting and the
/// log-likelihood use 1e-9, the c-statistic (ranks only) 1e-12.
@Suite struct CausalEffectReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let estimand: CausalEstimand
        let trim: Double?
        var cluster: String? = nil
        var testDescription: String { name }
        var isNHEFS: Bool { name.hasPrefix("nhefs") }
    }

    static let nhefsTerms = [
        "sex", "race", "age", "age2", "edu2", "edu3", "edu4", "edu5", "smokeintensity", "smokeintensity2",
        "smokeyrs", "smokeyrs2", "exercise1", "exercise2", "active1", "active2", "wt71", "wt712",
    ]

    static func effect(_ c: Case) throws -> (CausalEffect, [String]) {
        let history: LoadedHistory
        let times: [Double]
        let horizon: Double
        if c.isNHEFS {
            history = try CausalReference.history(
                "nhefs_survival", duration: "survtime", event: "death", treatment: "qsmk", confounders: nhefsTerms)
            (times, horizon) = ([60, 120], 120)
        } else {
            history = try CausalReference.history(
                "cs_confounded_history", duration: "tenure_months", event: "churned", treatment: "csm",
                confounders: ["segment", "health_score", "tickets"], references: ["segment": "SMB"], cluster: c.cluster)
            (times, horizon) = ([3, 6, 12], 12)
        }
        let treated = try #require(history.treatment)
        let options = try CausalEffectOptions(estimand: c.estimand, trim: c.trim, times: times, horizon: horizon)
        let effect = try CausalEffect(table: history.table, treated: treated, treatment: "t", options: options)
        // R's names for the terms, in the same order.
        let rNames = c.isNHEFS ? nhefsTerms : ["enterprise", "mid", "health_score", "tickets"]
        return (effect, rNames)
    }

    static let cases = [
        Case(name: "nhefs_ate", estimand: .ate, trim: nil),
        Case(name: "synthetic_ate", estimand: .ate, trim: nil),
        Case(name: "synthetic_att", estimand: .att, trim: nil),
        Case(name: "synthetic_ato", estimand: .ato, trim: nil),
        Case(name: "synthetic_ate_trim01", estimand: .ate, trim: 0.01),
        Case(name: "synthetic_ate_cluster", estimand: .ate, trim: nil, cluster: "parent"),
    ]

    @Test(arguments: cases)
    func propensityModelAndWeightsMatchR(_ c: Case) throws {
        let reference = try CausalReference()
        let (effect, names) = try Self.effect(c)
        for (index, name) in (["(Intercept)"] + names).enumerated() {
            expectRelative(effect.propensity.coefficients[index], try reference.value(c.name, "propensity_coefficient", name), 1e-10, "β \(name)")
            expectRelative(effect.propensity.standardErrors[index], try reference.value(c.name, "propensity_standard_error", name), 1e-10, "se \(name)")
        }
        expectRelative(effect.propensity.logLikelihood, try reference.value(c.name, "propensity_log_likelihood"), 1e-9, "log-likelihood")
        expectRelative(effect.cStatistic, try reference.value(c.name, "c_statistic"), 1e-12, "c-statistic")
        let weights = effect.weights.values
        expectRelative(weights.min()!, try reference.value(c.name, "weight", "min"), 1e-10, "smallest weight")
        expectRelative(weights.max()!, try reference.value(c.name, "weight", "max"), 1e-10, "largest weight")
        expectRelative(weights.reduce(0, +) / Double(weights.count), try reference.value(c.name, "weight", "mean"), 1e-10, "mean weight")
        expectRelative(effect.weights.effectiveTreated, try reference.value(c.name, "effective_sample_size", "treated"), 1e-10, "ESS treated")
        expectRelative(effect.weights.effectiveControl, try reference.value(c.name, "effective_sample_size", "control"), 1e-10, "ESS control")
    }

    @Test(arguments: cases)
    func balanceMatchesCobaltConventions(_ c: Case) throws {
        let reference = try CausalReference()
        let (effect, names) = try Self.effect(c)
        #expect(effect.balance.count == names.count)
        for (balance, name) in zip(effect.balance, names) {
            expectRelative(balance.smdBefore, try reference.value(c.name, "smd_before", name), 1e-9, "SMD before \(name)")
            expectRelative(balance.smdAfter, try reference.value(c.name, "smd_after", name), 1e-10, "SMD after \(name)")
            if balance.isBinary {
                #expect(balance.varianceRatioAfter == nil)
            } else {
                let ratio = try #require(balance.varianceRatioAfter)
                expectRelative(ratio, try reference.value(c.name, "variance_ratio_after", name), 1e-10, "VR \(name)")
            }
        }
    }

    @Test(arguments: cases)
    func hazardRatiosCurvesAndEValuesMatchR(_ c: Case) throws {
        let reference = try CausalReference()
        let (effect, _) = try Self.effect(c)
        expectRelative(effect.hazardRatio.logEstimate, try reference.value(c.name, "log_hazard_ratio"), 1e-10, "weighted log HR")
        expectRelative(effect.hazardRatio.standardError, try reference.value(c.name, "robust_standard_error"), 1e-10, "robust SE")
        expectRelative(effect.naiveHazardRatio.logEstimate, try reference.value(c.name, "naive_log_hazard_ratio"), 1e-10, "naive log HR")
        expectRelative(effect.naiveHazardRatio.standardError, try reference.value(c.name, "naive_standard_error"), 1e-10, "naive SE")
        let scale = effect.eValue.commonOutcome ? "e_value_common" : "e_value_rare"
        expectRelative(effect.eValue.estimate, try reference.value(c.name, scale, "estimate"), 1e-10, "E-value")
        expectRelative(effect.eValue.ci, try reference.value(c.name, scale, "ci"), 1e-10, "E-value of the CI")
        for difference in effect.retention {
            let time = NumberFormatting.exact(difference.time)
            for (arm, curve, value) in [("arm1", effect.treatedCurve, difference.treated), ("arm0", effect.controlCurve, difference.control)] {
                expectRelative(value, try reference.value(c.name, "ipw_survival", "\(arm)@\(time)"), 1e-10, "S(\(time)) \(arm)")
                expectRelative(curve.standardError(at: difference.time), try reference.value(c.name, "ipw_survival_se", "\(arm)@\(time)"), 1e-10, "SE S(\(time)) \(arm)")
            }
        }
        let horizon = NumberFormatting.exact(effect.restrictedMean.time)
        expectRelative(effect.restrictedMean.treated, try reference.value(c.name, "rmst", "arm1@\(horizon)"), 1e-10, "RMST treated")
        expectRelative(effect.restrictedMean.control, try reference.value(c.name, "rmst", "arm0@\(horizon)"), 1e-10, "RMST control")
        expectRelative(effect.treatedCurve.restrictedMean(to: effect.restrictedMean.time).standardError,
                       try reference.value(c.name, "rmst_se", "arm1@\(horizon)"), 1e-10, "RMST SE treated")
        expectRelative(effect.controlCurve.restrictedMean(to: effect.restrictedMean.time).standardError,
                       try reference.value(c.name, "rmst_se", "arm0@\(horizon)"), 1e-10, "RMST SE control")
    }

    /// The book's published figures (What If, ch. 17, Programs 17.3–17.4): stabilised weights from
    /// 0.33 to 4.21, and IP-weighted survival at 120 months of 80.7% among quitters and 80.5%
    /// among non-quitters (the book's pooled-logistic MSM; the weighted Kaplan–Meier curves agree
    /// to the printed digits).
    @Test func nhefsMatchesTheBooksPrintedFigures() throws {
        let (effect, _) = try Self.effect(Self.cases[0])
        let rounded = { (value: Double, places: Double) in (value * places).rounded() / places }
        #expect(rounded(effect.weights.values.min()!, 100) == 0.33)
        #expect(rounded(effect.weights.values.max()!, 100) == 4.21)
        let at120 = try #require(effect.retention.last)
        #expect(at120.time == 120)
        #expect(rounded(at120.treated, 1000) == 0.807)
        #expect(rounded(at120.control, 1000) == 0.805)
    }

    /// Known truth: the synthetic history's marginal hazard ratio of a CSM is 0.734 (400,000
    /// simulated accounts with both potential outcomes). The naive HR is biased towards harm
    /// (CSMs go to unhealthy accounts) and its interval misses the truth; the weighted ATE's covers it.
    @Test func syntheticWeightedEstimateCoversTheTruthAndTheNaiveOneDoesNot() throws {
        let reference = try CausalReference()
        let truth = try reference.value("synthetic_truth", "marginal_hazard_ratio", "csm")
        let (effect, _) = try Self.effect(Self.cases[1])
        #expect(effect.hazardRatio.ci95[0] < truth && truth < effect.hazardRatio.ci95[1])
        #expect(effect.naiveHazardRatio.ci95[0] > truth)
        let trueDifference = try reference.value("synthetic_truth", "survival_12", "arm1")
            - reference.value("synthetic_truth", "survival_12", "arm0")
        let twelve = try #require(effect.retention.last)
        #expect(twelve.ci95[0] < trueDifference && trueDifference < twelve.ci95[1])
        #expect(effect.isBalanced)
    }

    /// Overlap weights balance every propensity-model term's mean exactly (Li, Morgan & Zaslavsky 2018).
    @Test func overlapWeightsBalanceEveryTermExactly() throws {
        let (effect, _) = try Self.effect(Self.cases[3])
        for balance in effect.balance { #expect(abs(balance.smdAfter) < 1e-9, "\(balance.covariate)") }
    }
}
