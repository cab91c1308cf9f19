import Foundation
import RealModule
import Testing
@testable import ChurnModel

/// The CS effect estimated from a Cox fit (`effect: { from_fit, covariate }`) and carried as
/// parameter uncertainty.
@Suite struct EstimatedCoverageEffectTests {
    /// β of the hand-made fits below (HR 0.7165…); SE varies per test.
    static let beta = -0.3333

    /// Writes a Cox fit with coefficients `csm_assigned` (boolean) and `csm_load` (numeric)
    /// into a fresh folder and returns the folder.
    static func fitFolder(standardError: Double, model: String = "cox") throws -> URL {
        var fit = FitSummary(
            model: model, n: 1000, events: 400,
            coefficients: [
                FitCoefficient(
                    name: "csm_assigned", estimate: beta, standardError: standardError, z: 0, p: 0,
                    ciLower: beta - 1.96 * standardError, ciUpper: beta + 1.96 * standardError),
                FitCoefficient(name: "csm_load", estimate: 0.01, standardError: 0.002, z: 0, p: 0, ciLower: 0.006, ciUpper: 0.014),
            ])
        fit.covariateEncodings = [
            FitCovariateEncoding(column: "csm_assigned", kind: "boolean"),
            FitCovariateEncoding(column: "csm_load", kind: "numeric"),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cs-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try encoder.encode(fit).write(to: folder.appendingPathComponent("fit.yaml"))
        return folder
    }

    /// A one-segment scenario (constant monthly churn, annual terms) with `effect` as YAML.
    static func scenario(effect: String, paths: Int = 200) -> String {
        """
        name: cs from fit
        horizon_months: 36
        paths: \(paths)
        seed: 5
        discount_rate_annual: 0.1
        segments:
          - name: Mid
            customers: 300
            mrr: 2000
            gross_margin: 0.8
            cac: 10000
            contract: { term_months: 12 }
            churn: { monthly_rate: 0.02 }
        customer_success:
          csm_cost_annual: 140000
          coverage: { Mid: 60 }
          effect: \(effect)
        """
    }

    static func load(_ yaml: String, in folder: URL) throws -> Scenario {
        let file = folder.appendingPathComponent("scenario-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try ScenarioLoader.load(contentsOf: file.path)
    }

    static func impact(_ scenario: Scenario, threads: Int = 2) throws -> (RunSummary, CustomerSuccessImpact) {
        try customerSuccessRun(scenario, cs: try #require(scenario.customerSuccess), threads: threads)
    }

    /// SE 0: the run equals, number for number, the scenario that gives hazard_ratio = exp(β).
    @Test func zeroStandardErrorEqualsFixedRatio() throws {
        let folder = try Self.fitFolder(standardError: 0)
        let fromFit = try Self.load(
            Self.scenario(effect: "{ from_fit: fit.yaml, covariate: csm_assigned, reference_accounts_per_csm: 40 }"),
            in: folder)
        let fixed = try Self.load(
            Self.scenario(effect: "{ hazard_ratio: \(Double.exp(Self.beta)), reference_accounts_per_csm: 40 }"), in: folder)
        #expect(fromFit.customerSuccess?.effect.hazardRatio == fixed.customerSuccess?.effect.hazardRatio)
        #expect(fromFit.customerSuccess?.effect.isDrawnPerPath == false)
        var (summaryFromFit, impactFromFit) = try Self.impact(fromFit)
        let (summaryFixed, impactFixed) = try Self.impact(fixed)
        #expect(summaryFromFit == summaryFixed)
        #expect(impactFromFit.effect.source == "fit" && impactFixed.effect.source == "scenario")
        impactFromFit.effect = impactFixed.effect
        #expect(impactFromFit == impactFixed)
        #expect(impactFixed.retainedNetPresentValue.mean > 0)
    }

    /// SE > 0: log HR_ref drawn across 4,000 paths has mean β and SD SE within Monte Carlo
    /// error (99.9% bands: mean ± 3.29·SE/√n, SD ± 3.29·SE/√(2n)), and about half the draws lie below β.
    @Test func drawnRatiosFollowTheEstimate() throws {
        let se = 0.2
        let folder = try Self.fitFolder(standardError: se)
        let scenario = try Self.load(
            Self.scenario(effect: "{ from_fit: fit.yaml, covariate: csm_assigned, reference_accounts_per_csm: 60 }"),
            in: folder)
        let cs = try #require(scenario.customerSuccess)
        let ratios = cs.hazardRatios()
        #expect(ratios.isDrawnPerPath)
        let n = 4000
        let logs = (0..<n).map { Double.log(ratios.ratios(onPath: $0, seed: 5)[0]) }
        let mean = logs.reduce(0, +) / Double(n)
        let sd = (logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)).squareRoot()
        #expect(abs(mean - Self.beta) < 3.29 * se / Double(n).squareRoot(), "mean \(mean)")
        #expect(abs(sd - se) < 3.29 * se / (2 * Double(n)).squareRoot(), "sd \(sd)")
        let below = Double(logs.filter { $0 < Self.beta }.count) / Double(n)
        #expect(abs(below - 0.5) < 3.29 * 0.5 / Double(n).squareRoot(), "share below β \(below)")
        // The draw is a function of (seed, path) only: another seed gives other draws.
        #expect(ratios.ratios(onPath: 0, seed: 6) != ratios.ratios(onPath: 0, seed: 5))
    }

    /// Drawn effects do not depend on the thread count, and with SE > 0 the spread of the
    /// retained value is wider than with SE 0 (the effect's uncertainty is carried).
    @Test func drawnEffectIsReproducibleAndWidensTheRange() throws {
        let effect = "{ from_fit: fit.yaml, covariate: csm_assigned, reference_accounts_per_csm: 60 }"
        let uncertain = try Self.load(Self.scenario(effect: effect), in: try Self.fitFolder(standardError: 0.3))
        let certain = try Self.load(Self.scenario(effect: effect), in: try Self.fitFolder(standardError: 0))
        let (_, one) = try Self.impact(uncertain, threads: 1)
        let (_, two) = try Self.impact(uncertain, threads: 2)
        #expect(one == two)
        let (_, fixed) = try Self.impact(certain)
        let spread = { (s: AmountSummary) in s.p90 - s.p10 }
        #expect(spread(one.retainedNetPresentValue) > 2 * spread(fixed.retainedNetPresentValue))
        #expect(one.effect.drawnPerPath && !fixed.effect.drawnPerPath)
    }

    /// An accounts-per-CSM covariate: HR(a) = min(1, HR_ref·exp(β(a − ref))).
    @Test func loadCovariateGivesLogLinearCurve() throws {
        let folder = try Self.fitFolder(standardError: 0)
        let scenario = try Self.load(
            Self.scenario(
                effect: "{ from_fit: fit.yaml, covariate: csm_load, hazard_ratio: 0.8, reference_accounts_per_csm: 50 }"),
            in: folder)
        let effect = try #require(scenario.customerSuccess?.effect)
        #expect(effect.estimate?.kind == .accountsPerCSM)
        #expect(effect.hazardRatio(accountsPerCSM: 50) == 0.8)
        #expect(abs(effect.hazardRatio(accountsPerCSM: 70) - 0.8 * Double.exp(0.2)) < 1e-15)
        #expect(abs(effect.hazardRatio(accountsPerCSM: 10) - 0.8 * Double.exp(-0.4)) < 1e-15)
        #expect(effect.hazardRatio(accountsPerCSM: 500) == 1)  // 0.8·e^4.5 capped: never worse than tech-touch
        #expect(effect.isDrawnPerPath)  // SE 0.002
    }

    /// Bad combinations are reported at the effect's keys, naming the fit and the covariate.
    @Test(arguments: [
        ("{ from_fit: fit.yaml, covariate: csm_assigned, hazard_ratio: 0.7, reference_accounts_per_csm: 40 }",
         "customer_success.effect.hazard_ratio", "no hazard_ratio"),
        ("{ from_fit: fit.yaml, covariate: csm, reference_accounts_per_csm: 40 }",
         "customer_success.effect.covariate", "has no coefficient 'csm'"),
        ("{ from_fit: missing.yaml, covariate: csm_assigned, reference_accounts_per_csm: 40 }",
         "customer_success.effect.from_fit", "missing.yaml"),
        ("{ covariate: csm_assigned, hazard_ratio: 0.7, reference_accounts_per_csm: 40 }",
         "customer_success.effect.covariate", "only together with from_fit"),
        ("{ from_fit: fit.yaml, covariate: csm_load, reference_accounts_per_csm: 40 }",
         "customer_success.effect.hazard_ratio", "missing required key"),
    ])
    func badEffectsAreLocated(effect: String, keyPath: String, message: String) throws {
        let folder = try Self.fitFolder(standardError: 0.1)
        let file = folder.appendingPathComponent("plan.yaml")
        try Self.scenario(effect: effect).write(to: file, atomically: true, encoding: .utf8)
        let problems = try ScenarioLoader.check(contentsOf: file.path).problems
        let problem = try #require(problems.first { $0.keyPath == keyPath }, "\(problems)")
        #expect(problem.line == 17)
        #expect(problem.description.contains(message), "\(problem)")
    }

    /// A non-Cox fit, or a CSM-assigned coefficient above 0, is refused.
    @Test func wrongModelsAreRefused() throws {
        let weibull = try FittedModelFile.load(
            path: try Self.fitFolder(standardError: 0.1, model: "weibull").appendingPathComponent("fit.yaml").path)
        #expect(throws: CoverageEstimateError.notCox(model: "weibull")) {
            try EstimatedCoverageEffect(fit: weibull, file: "fit.yaml", covariate: "csm_assigned")
        }
        var cox = weibull
        cox.model = "cox"
        cox.coefficients[0].estimate = 0.2
        #expect(throws: CoverageEstimateError.wrongDirection(name: "csm_assigned", hazardRatio: Double.exp(0.2))) {
            try EstimatedCoverageEffect(fit: cox, file: "fit.yaml", covariate: "csm_assigned")
        }
    }
}
