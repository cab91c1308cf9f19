import Foundation
import Testing
@testable import ChurnModel

/// Gompertz H(t) = (b/c)(e^{ct} − 1): no closed-form inverse conformance, so it exercises
/// the default bisection sampler.
private struct GompertzModel: SurvivalModel {
    let b = 0.02, c = 0.15
    func cumulativeHazard(at t: Double) -> Double { t > 0 ? b / c * Foundation.expm1(c * t) : 0 }
    func hazard(at t: Double) -> Double { t > 0 ? b * Foundation.exp(c * t) : 0 }
}

/// Every model the simulator may use, with a few evaluation times.
enum ModelCase: String, CaseIterable, Sendable {
    case exponential, weibull, logNormal, logLogistic, shiftedBetaGeometric, gompertz

    var model: any SurvivalModel {
        switch self {
        case .exponential: return ParametricSurvivalModel(family: .exponential, linearPredictor: 2, scale: 1)
        case .weibull: return ParametricSurvivalModel(family: .weibull, linearPredictor: 2, scale: 0.7)
        case .logNormal: return ParametricSurvivalModel(family: .logNormal, linearPredictor: 2, scale: 1.1)
        case .logLogistic: return ParametricSurvivalModel(family: .logLogistic, linearPredictor: 2, scale: 0.5)
        case .shiftedBetaGeometric:
            return (try? ShiftedBetaGeometric(alpha: 0.704, beta: 1.182)) ?? GompertzModel()
        case .gompertz: return GompertzModel()
        }
    }
}

@Suite struct SurvivalModelTests {
    /// S is in [0, 1], non-increasing, S = exp(−H) and F = 1 − S.
    @Test(arguments: ModelCase.allCases)
    func survivalIsMonotoneWithinUnitInterval(_ modelCase: ModelCase) {
        let model = modelCase.model
        var previous = 1.0
        for step in 0...400 {
            let t = Double(step) * 0.25
            let s = model.survivalProbability(at: t)
            #expect(s >= 0 && s <= 1 && s <= previous, "\(modelCase) t=\(t)")
            #expect(Swift.abs(s - Foundation.exp(-model.cumulativeHazard(at: t))) < 1e-15)
            #expect(Swift.abs(model.cumulativeDistribution(at: t) - (1 - s)) < 1e-14)
            previous = s
        }
    }

    /// S(τ)·P(T > τ + t | T > τ) = S(τ + t).
    @Test(arguments: ModelCase.allCases)
    func conditionalSurvivalIsConsistent(_ modelCase: ModelCase) {
        let model = modelCase.model
        for (tenure, t) in [(0.0, 3.0), (2.0, 5.0), (6.0, 1.5), (10.0, 10.0)] {
            let lhs = model.survivalProbability(at: tenure) * model.conditionalSurvival(at: t, given: tenure)
            let rhs = model.survivalProbability(at: tenure + t)
            #expect(Swift.abs(lhs - rhs) < 1e-14, "\(modelCase) tenure=\(tenure) t=\(t)")
        }
        #expect(model.survivalProbability(at: model.median) <= 0.5)
    }

    /// The empirical survival of 4000 sampled lifetimes (fixed seed) is within 4 binomial
    /// standard errors of S(t), for new customers and given a tenure.
    @Test(arguments: ModelCase.allCases)
    func sampledLifetimesFollowTheModel(_ modelCase: ModelCase) {
        let model = modelCase.model
        let n = 4000
        for (stream, tenure) in [(UInt64(1), 0.0), (UInt64(2), 3.0)] {
            var random = RandomStream(seed: 2024, stream: stream)
            let draws = (0..<n).map { _ in model.sampleLifetime(using: &random, given: tenure) }
            #expect(draws.allSatisfy { $0 >= tenure })
            for level in [0.2, 0.7, 1.5] {
                let start = model.cumulativeHazard(at: tenure)
                let t = model.bisectCumulativeHazard(target: start + level, from: tenure) - tenure
                let expected = model.conditionalSurvival(at: t, given: tenure)
                let observed = Double(draws.filter { $0 > tenure + t }.count) / Double(n)
                let se = (expected * (1 - expected) / Double(n)).squareRoot()
                #expect(Swift.abs(observed - expected) <= 4 * se, "\(modelCase) tenure \(tenure) t \(t): \(observed) vs \(expected)")
            }
        }
    }

    /// Closed-form inverses agree with bisection.
    @Test(arguments: ModelCase.allCases.filter { $0 != .gompertz })
    func closedFormInverseMatchesBisection(_ modelCase: ModelCase) throws {
        let model = try #require(modelCase.model as? any InvertibleCumulativeHazard)
        for h in [1e-6, 0.1, 0.69, 2.0, 9.0] {
            let closed = model.inverseCumulativeHazard(h)
            let bisected = model.bisectCumulativeHazard(target: h, from: 0)
            #expect(Swift.abs(closed - bisected) <= 1e-9 * closed, "\(modelCase) H=\(h)")
        }
    }

    /// Weibull with shape 1 (σ = 1) is the exponential; Weibull H = (t/λ)^ρ.
    @Test func weibullWithShapeOneEqualsExponential() {
        let weibull = ParametricSurvivalModel(family: .weibull, linearPredictor: 1.3, scale: 1)
        let exponential = ParametricSurvivalModel(family: .exponential, linearPredictor: 1.3, scale: 1)
        let shaped = ParametricSurvivalModel(family: .weibull, linearPredictor: 1.3, scale: 0.5)
        for t in [0.01, 0.5, 3.0, 40.0] {
            let rate = Foundation.exp(-1.3)
            #expect(Swift.abs(weibull.cumulativeHazard(at: t) - exponential.cumulativeHazard(at: t)) < 1e-15)
            #expect(Swift.abs(exponential.cumulativeHazard(at: t) - rate * t) < 1e-14 * rate * t)
            #expect(Swift.abs(exponential.hazard(at: t) - rate) < 1e-15)
            let weibullH = Foundation.pow(t / Foundation.exp(1.3), 2)
            #expect(Swift.abs(shaped.cumulativeHazard(at: t) - weibullH) < 1e-13 * weibullH)
        }
    }

    /// Normal and chi-squared tails (1e-14 relative; absolute 1e-300 for subnormal tails) against R's `pnorm` and `pchisq(lower.tail = FALSE)`.
    @Test func distributionsMatchR() throws {
        let normal = try FixtureCSV("pnorm")
        for (x, (cdf, survival)) in zip(
            try normal.requiredDoubles("x"),
            zip(try normal.requiredDoubles("cdf"), try normal.requiredDoubles("survival")))
        {
            #expect(Swift.abs(NormalDistribution.cdf(x) - cdf) <= max(1e-14 * cdf, 1e-300), "pnorm(\(x))")
            #expect(Swift.abs(NormalDistribution.survival(x) - survival) <= max(1e-14 * survival, 1e-300), "pnorm upper (\(x))")
        }
        let chi = try FixtureCSV("pchisq")
        let xs = try chi.requiredDoubles("x"), dfs = try chi.requiredDoubles("df")
        for (i, upper) in try chi.requiredDoubles("upper").enumerated() {
            let value = ChiSquaredDistribution.survival(xs[i], degreesOfFreedom: dfs[i])
            #expect(Swift.abs(value - upper) <= 1e-13 * upper, "pchisq(\(xs[i]), \(dfs[i])): \(value) vs \(upper)")
        }
    }
}
