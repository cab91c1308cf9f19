import Foundation
import RealModule
import Testing
@testable import ChurnModel

/// `parameter_uncertainty: true`: a fitted model's coefficients drawn per path from
/// N(θ̂, V), for segments with and without a book of customers.
@Suite struct ParameterUncertaintyTests {
    /// A Weibull AFT fit log T = β₀ + β₁·x + σW with a hand-chosen covariance of
    /// (β₀, β₁, log σ); not from data, so the truth is known exactly.
    static let estimates = [3.0, -0.5, -0.2]
    static let covariance = [[0.04, -0.01, 0.006], [-0.01, 0.09, 0.0], [0.006, 0.0, 0.01]]

    static var fit: FitSummary {
        let names = ["(Intercept)", "x", "Log(scale)"]
        var fit = FitSummary(
            model: "weibull", n: 100, events: 60,
            coefficients: names.indices.map {
                FitCoefficient(
                    name: names[$0], estimate: estimates[$0], standardError: covariance[$0][$0].squareRoot(), z: 0, p: 1,
                    ciLower: 0, ciUpper: 0)
            },
            covariance: covariance, scale: Double.exp(estimates[2]))
        fit.covariateEncodings = [FitCovariateEncoding(column: "x", kind: "numeric")]
        return fit
    }

    /// A folder with `fit.json` (``fit``, or `fitSummary`), `book.csv` (customers at tenure 0
    /// with x = 1) and `plan.yaml` of two segments on the fit: `Drawn` at the profile x = 1,
    /// `Book` with the book's covariates, both with `uncertainty` as the value of
    /// `parameter_uncertainty` (absent when nil). Returns the folder and the scenario path.
    static func folder(
        uncertainty: String?, paths: Int = 200, customers: Int = 50, fitSummary: FitSummary = fit
    ) throws -> (URL, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-theta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try JSONEncoder().encode(fitSummary).write(to: folder.appendingPathComponent("fit.json"))
        let rows = (0..<customers).map { "C\($0),0,100,1" }
        try Data((["id,tenure,mrr,x"] + rows).joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("book.csv"))
        let key = uncertainty.map { ", parameter_uncertainty: \($0)" } ?? ""
        let yaml = """
            name: theta
            horizon_months: 24
            paths: \(paths)
            seed: 5
            segments:
              - name: Drawn
                customers: \(customers)
                mrr: 100
                gross_margin: 0.8
                cac: 0
                churn: { model: fit.json, covariates: { x: 1 }\(key) }
              - name: Book
                customers: { file: book.csv, id: id, mrr: mrr, tenure: tenure, covariates: { x: x } }
                gross_margin: 0.8
                cac: 0
                churn: { model: fit.json\(key) }
            """
        let path = folder.appendingPathComponent("plan.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    /// Over 4,000 paths the drawn θ of both segments have mean θ̂ and covariance V within
    /// 4 standard errors (normal theory: SE of a mean √(V_ii/n), of a covariance
    /// √((V_ii·V_jj + V_ij²)/n)); 4 rather than 2.58 because 18 statistics are checked at once.
    @Test func drawsHaveTheFitsMeanAndCovariance() throws {
        let (folder, path) = try Self.folder(uncertainty: "true", paths: 4000, customers: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try SimulationPlan(scenario: try ScenarioLoader.load(contentsOf: path))
        let draws = (0..<plan.paths).map { plan.pathLaws(path: $0).map(\.coefficients) }
        let n = Double(draws.count)
        for segment in 0..<2 {
            let sample = draws.map { $0[segment] }
            let mean = (0..<3).map { i in sample.reduce(0) { $0 + $1[i] } / n }
            let V = Self.covariance
            for i in 0..<3 {
                #expect(abs(mean[i] - Self.estimates[i]) <= 4 * (V[i][i] / n).squareRoot(), "segment \(segment) mean \(i)")
                for j in 0...i {
                    let c = sample.reduce(0) { $0 + ($1[i] - mean[i]) * ($1[j] - mean[j]) } / (n - 1)
                    let se = ((V[i][i] * V[j][j] + V[i][j] * V[i][j]) / n).squareRoot()
                    #expect(abs(c - V[i][j]) <= 4 * se, "segment \(segment) covariance \(i), \(j): \(c)")
                }
            }
        }
        #expect(draws[0][0] != draws[0][1], "each segment has its own substream")
    }

    /// The share still active after m months is E_θ[S_θ(m)], S_θ(m) = exp(−exp((log m − β₀ − β₁)/σ))
    /// at x = 1 (monthly plans: ⌈τ⌉ > m iff τ > m). The truth is a 400,000-draw average over
    /// θ = θ̂ + L·z with L the hand-computed Cholesky factor of V and z by Box–Muller from
    /// a stream the simulation does not use; its error (< 0.001) is far below the run's.
    @Test func survivalAveragesOverTheDrawnParameters() throws {
        let (folder, path) = try Self.folder(uncertainty: "true", paths: 400, customers: 50)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try SimulationPlan(scenario: try ScenarioLoader.load(contentsOf: path))
        let summary = RunSummary(outcome: PortfolioSimulator(plan: plan).run(threads: 2))
        let V = Self.covariance
        let l00 = V[0][0].squareRoot(), l10 = V[1][0] / l00, l20 = V[2][0] / l00
        let l11 = (V[1][1] - l10 * l10).squareRoot(), l21 = (V[2][1] - l20 * l10) / l11
        let l22 = (V[2][2] - l20 * l20 - l21 * l21).squareRoot()
        var stream = RandomStream(seed: 99, stream: 1)
        var truth = [0.0, 0.0]
        let draws = 400_000
        for _ in 0..<draws {
            let z = (stream.standardNormal(), stream.standardNormal(), stream.standardNormal())
            let b0 = 3.0 + l00 * z.0, b1 = -0.5 + l10 * z.0 + l11 * z.1
            let sigma = Double.exp(-0.2 + l20 * z.0 + l21 * z.1 + l22 * z.2)
            for (index, month) in [12.0, 24.0].enumerated() {
                truth[index] += Double.exp(-Double.exp((Double.log(month) - b0 - b1) / sigma)) / Double(draws)
            }
        }
        for segment in summary.segments {
            for (index, point) in segment.survival.prefix(2).enumerated() {
                #expect(within99(point.probability, of: truth[index]), "\(segment.name) month \(point.month)")
            }
        }
    }

    /// `parameter_uncertainty: false` is the point-estimate run, bit for bit; `true` differs.
    @Test func offIsBitIdenticalToAbsent() throws {
        func results(_ uncertainty: String?) throws -> Data {
            let (folder, path) = try Self.folder(uncertainty: uncertainty)
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try ScenarioRun(scenarioFile: path, threads: 2, outputDirectory: folder.appendingPathComponent("out").path).execute()
            return try Data(contentsOf: folder.appendingPathComponent("out/results.json"))
        }
        let absent = try results(nil)
        #expect(try results("false") == absent)
        #expect(try results("true") != absent)
    }

    /// Drawn coefficients do not depend on threads or shards: one run equals the merge of 3 shards.
    @Test func shardsAndThreadsGiveTheSameDraws() throws {
        let (folder, path) = try Self.folder(uncertainty: "true", paths: 31, customers: 40)
        defer { try? FileManager.default.removeItem(at: folder) }
        let single = try ScenarioRun(scenarioFile: path, threads: 1, outputDirectory: folder.appendingPathComponent("one").path).execute()
        let parts = try (0..<3).map { index in
            try ScenarioRun(scenarioFile: path, threads: 2, outputDirectory: folder.appendingPathComponent("p\(index)").path)
                .executeShard(try #require(ShardSpecification(index: index, count: 3))).directory.path
        }
        let merged = try ShardMerge.merge(parts: parts, outputDirectory: folder.appendingPathComponent("merged").path)
        #expect(merged.summary == single.summary)
    }

    /// A fit without a usable covariance, or a flag that is not true/false, is a scenario
    /// error at the `parameter_uncertainty` key (line 11, in the Drawn segment).
    @Test(arguments: ["no covariance", "not positive definite", "kaplan_meier", "not a flag"])
    func unusableCovarianceIsLocated(problem: String) throws {
        var fit = Self.fit
        switch problem {
        case "no covariance": fit.covariance = nil
        case "not positive definite": fit.covariance = [[0.04, 0, 0], [0, -0.09, 0], [0, 0, 0.01]]
        case "kaplan_meier": fit.model = "kaplan_meier"
        default: break
        }
        let (folder, path) = try Self.folder(uncertainty: problem == "not a flag" ? "maybe" : "true", fitSummary: fit)
        defer { try? FileManager.default.removeItem(at: folder) }
        let problems = try ScenarioLoader.check(contentsOf: path).problems
        let first = try #require(problems.first)
        #expect(first.keyPath == "segments[0].churn.parameter_uncertainty")
        #expect(first.line == 11)
        #expect(problems.map(\.keyPath).contains("segments[1].churn.parameter_uncertainty"))
        if problem != "not a flag" { #expect(first.description.contains("fit.json")) }
    }
}
