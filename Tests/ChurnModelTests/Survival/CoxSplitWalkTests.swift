import Testing
@testable import ChurnModel

/// Large right-censored strata are walked in two parts at once (``CoxDesign/forEachEventTime``);
/// the same table with an entry time below every duration is walked in one go (entry times
/// rule the split out) and means the same model. Both fits must agree up to rounding.
@Suite struct CoxSplitWalkTests {
    @Test(arguments: [TieMethod.efron, .breslow])
    func splitWalkFitsTheSameModelAsTheWholeWalk(ties: TieMethod) throws {
        let n = 80_000
        var random = RandomStream(seed: 7, stream: 3)
        var covariates = [Double](repeating: 0, count: n * 3)
        var durations = [Double](repeating: 0, count: n)
        var events = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let x = (random.nextUniform(), random.nextUniform() < 0.3 ? 1.0 : 0.0, random.nextUniform() * 4)
            covariates[i] = x.0
            covariates[n + i] = x.1
            covariates[2 * n + i] = x.2
            let rate = 0.02 * Double.exp(0.8 * x.0 - 0.5 * x.1 + 0.1 * x.2)
            let lifetime = -Double.log(1 - random.nextUniform()) / rate
            let censor = 1 + random.nextUniform() * 60
            durations[i] = Double(Int(min(lifetime, censor)) + 1)
            events[i] = lifetime < censor
        }
        let matrix = Matrix(rows: n, columns: 3, columnMajor: covariates)
        let names = ["x", "flag", "count"]
        let split = try CoxProportionalHazards(options: CoxOptions(ties: ties)).fit(
            EventTable(durations: durations, events: events, covariates: matrix, covariateNames: names))
        let whole = try CoxProportionalHazards(options: CoxOptions(ties: ties)).fit(
            EventTable(
                durations: durations, events: events, entryTimes: [Double](repeating: -1, count: n),
                covariates: matrix, covariateNames: names))
        func close(_ a: Double, _ b: Double, _ what: String) {
            #expect(abs(a - b) <= 1e-10 * max(1, abs(b)), "\(what): \(a) vs \(b)")
        }
        for (a, b) in zip(split.coefficients, whole.coefficients) {
            close(a.estimate, b.estimate, a.name)
            close(a.standardError, b.standardError, "SE \(a.name)")
        }
        close(split.logLikelihood, whole.logLikelihood, "log-likelihood")
        close(split.scoreTest.statistic, whole.scoreTest.statistic, "score test")
        close(split.concordance.value, whole.concordance.value, "concordance")
        close(split.concordance.standardError, whole.concordance.standardError, "concordance SE")
        let (a, b) = (split.baselineHazards[0], whole.baselineHazards[0])
        #expect(a.times == b.times)
        for (h, g) in zip(a.cumulativeHazard, b.cumulativeHazard) { close(h, g, "baseline") }
        #expect(split.iterations == whole.iterations)
    }
}
