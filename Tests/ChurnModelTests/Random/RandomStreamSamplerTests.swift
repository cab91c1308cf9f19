import RealModule
import Testing
@testable import ChurnModel

/// One sampler with its closed-form mean, variance and fourth central moment μ₄.
///
/// Moments from Johnson, Kotz & Balakrishnan (Univariate Discrete Distributions;
/// Continuous Univariate Distributions vols. 1–2), written as μ₄ = σ⁴·(3 + excess kurtosis).
private struct SamplerCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let mean: Double
    let variance: Double
    let fourthCentralMoment: Double
    let seed: UInt64
    let draw: @Sendable (inout RandomStream) -> Double

    init(
        _ name: String, mean: Double, variance: Double, excessKurtosis: Double, seed: UInt64,
        draw: @escaping @Sendable (inout RandomStream) -> Double
    ) {
        testDescription = name
        self.mean = mean
        self.variance = variance
        fourthCentralMoment = variance * variance * (3 + excessKurtosis)
        self.seed = seed
        self.draw = draw
    }
}

private func gammaCase(shape k: Double, scale theta: Double, seed: UInt64) -> SamplerCase {
    SamplerCase(
        "gamma(shape: \(k), scale: \(theta))", mean: k * theta, variance: k * theta * theta,
        excessKurtosis: 6 / k, seed: seed
    ) { $0.gamma(shape: k, scale: theta) }
}

private func betaCase(_ a: Double, _ b: Double, seed: UInt64) -> SamplerCase {
    let s = a + b
    let excess = 6 * ((a - b) * (a - b) * (s + 1) - a * b * (s + 2)) / (a * b * (s + 2) * (s + 3))
    return SamplerCase(
        "beta(\(a), \(b))", mean: a / s, variance: a * b / (s * s * (s + 1)),
        excessKurtosis: excess, seed: seed
    ) { $0.beta(a, b) }
}

private func lognormalCase(logMean m: Double, logSD s: Double, seed: UInt64) -> SamplerCase {
    let w = Double.exp(s * s)
    return SamplerCase(
        "lognormal(logMean: \(m), logStandardDeviation: \(s))", mean: Double.exp(m + s * s / 2),
        variance: (w - 1) * Double.exp(2 * m + s * s),
        excessKurtosis: w * w * w * w + 2 * w * w * w + 3 * w * w - 6, seed: seed
    ) { $0.lognormal(logMean: m, logStandardDeviation: s) }
}

private func lognormalValueCase(median: Double, sigma s: Double, seed: UInt64) -> SamplerCase {
    let w = Double.exp(s * s)
    let m = Double.log(median)
    return SamplerCase(
        "ValueDistribution.lognormal(median: \(median), sigma: \(s)).sample", mean: Double.exp(m + s * s / 2),
        variance: (w - 1) * Double.exp(2 * m + s * s),
        excessKurtosis: w * w * w * w + 2 * w * w * w + 3 * w * w - 6, seed: seed
    ) { ValueDistribution.lognormal(median: median, sigma: s).sample(using: &$0) }
}

private func triangularCase(_ a: Double, _ c: Double, _ b: Double, seed: UInt64) -> SamplerCase {
    SamplerCase(
        "triangular(\(a), \(c), \(b))", mean: (a + b + c) / 3,
        variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
        excessKurtosis: -0.6, seed: seed
    ) { $0.triangular(minimum: a, mode: c, maximum: b) }
}

private func poissonCase(mean lambda: Double, seed: UInt64) -> SamplerCase {
    SamplerCase(
        "poisson(mean: \(lambda))", mean: lambda, variance: lambda, excessKurtosis: 1 / lambda,
        seed: seed
    ) { Double($0.poisson(mean: lambda)) }
}

/// p = 1e-17 is below ε/2, where 1 − p rounds to 1: only log(onePlus:) gets this right.
private func geometricCase(probability p: Double, seed: UInt64) -> SamplerCase {
    SamplerCase(
        "geometric(probability: \(p))", mean: 1 / p, variance: (1 - p) / (p * p),
        excessKurtosis: 6 + p * p / (1 - p), seed: seed
    ) { Double($0.geometric(probability: p)) }
}

private let samplerCases: [SamplerCase] = [
    SamplerCase("nextUniform()", mean: 0.5, variance: 1.0 / 12, excessKurtosis: -1.2, seed: 1) {
        $0.nextUniform()
    },
    SamplerCase("standardNormal()", mean: 0, variance: 1, excessKurtosis: 0, seed: 2) {
        $0.standardNormal()
    },
    SamplerCase("standardNormalByInversion()", mean: 0, variance: 1, excessKurtosis: 0, seed: 26) {
        $0.standardNormalByInversion()
    },
    // The engine's log-normal: exp(log median + σ·z), z by inversion (mean median·e^(σ²/2)).
    lognormalValueCase(median: 500, sigma: 0.4, seed: 27),
    SamplerCase("normal(mean: 3, sd: 2)", mean: 3, variance: 4, excessKurtosis: 0, seed: 3) {
        $0.normal(mean: 3, standardDeviation: 2)
    },
    SamplerCase("exponential(rate: 2)", mean: 0.5, variance: 0.25, excessKurtosis: 6, seed: 4) {
        $0.exponential(rate: 2)
    },
    gammaCase(shape: 2.5, scale: 1.5, seed: 5),
    gammaCase(shape: 1, scale: 1, seed: 6),
    gammaCase(shape: 0.3, scale: 2, seed: 7),
    gammaCase(shape: 50, scale: 0.1, seed: 8),
    betaCase(2, 5, seed: 9),
    betaCase(0.5, 0.5, seed: 10),
    betaCase(0.2, 3, seed: 11),
    lognormalCase(logMean: 0.1, logSD: 0.5, seed: 12),
    triangularCase(1, 2, 5, seed: 13),
    triangularCase(0, 0, 1, seed: 14),
    triangularCase(-2, 3, 3, seed: 15),
    poissonCase(mean: 0.05, seed: 16),
    poissonCase(mean: 3.5, seed: 17),
    poissonCase(mean: 9.99, seed: 18),
    poissonCase(mean: 10, seed: 19),
    poissonCase(mean: 250.5, seed: 20),
    poissonCase(mean: 1e6, seed: 21),
    geometricCase(probability: 0.3, seed: 23),
    geometricCase(probability: 1e-3, seed: 24),
    geometricCase(probability: 1e-17, seed: 25),
]

/// Sample mean and variance of 10⁶ draws against the closed form, each within four standard
/// errors: SE(mean) = σ/√n and SE(variance) = √((μ₄ − σ⁴)/n). Fixed seeds, no retries.
@Test(arguments: samplerCases)
private func samplerMomentsMatchClosedForm(sampler: SamplerCase) {
    let n = 1_000_000
    var rng = RandomStream(seed: 0x5eed_0000 + sampler.seed, stream: sampler.seed)
    // Welford's update, shifted by the true mean for accuracy.
    var mean = 0.0
    var m2 = 0.0
    for i in 1...n {
        let x = sampler.draw(&rng) - sampler.mean
        let delta = x - mean
        mean += delta / Double(i)
        m2 += delta * (x - mean)
    }
    let variance = m2 / Double(n - 1)
    let count = Double(n)
    let meanError = (sampler.variance / count).squareRoot()
    let varianceError =
        ((sampler.fourthCentralMoment - sampler.variance * sampler.variance) / count).squareRoot()
    #expect(abs(mean) <= 4 * meanError, "sample mean \(mean + sampler.mean) vs \(sampler.mean)")
    #expect(
        abs(variance - sampler.variance) <= 4 * varianceError,
        "sample variance \(variance) vs \(sampler.variance)")
}

@Test func degenerateParametersReturnTheirPointMass() {
    var rng = RandomStream(seed: 1, stream: 1)
    #expect(rng.poisson(mean: 0) == 0)
    #expect(rng.geometric(probability: 1) == 1)
    #expect(rng.triangular(minimum: 2, mode: 2, maximum: 2) == 2)
    #expect(rng.normal(mean: 1.5, standardDeviation: 0) == 1.5)
}

@Test func geometricWithTinyProbabilitySaturatesInsteadOfTrapping() {
    var rng = RandomStream(seed: 3, stream: 4)
    for _ in 0..<1000 {
        #expect(rng.geometric(probability: 1e-300) >= 1)
    }
}

@Test func betaWithTinyShapesStaysInTheUnitInterval() {
    var rng = RandomStream(seed: 8, stream: 8)
    for _ in 0..<10_000 {
        let x = rng.beta(0.005, 0.005)
        #expect(x >= 0 && x <= 1)
    }
}
