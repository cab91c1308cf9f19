import RealModule
import Testing
@testable import ChurnModel

@Suite("Branch-free exponential")
struct ExponentialTests {
    /// Against glibc's `exp` (correctly rounded in practice, < 1 ulp by its documentation) on
    /// 200,001 arguments across the kernel's range, plus the ends and exact cases. The kernel
    /// is claimed within 2 ulp; glibc's own error allows one more.
    @Test func withinTwoUlpOfTheLibraryAcrossTheRange() {
        let count = 200_000
        let arguments = (0...count).map { -Exponential.fastRange + 2 * Exponential.fastRange * Double($0) / Double(count) }
        let worst = worstUlps(of: Exponential.of, against: { Double.exp($0) }, over: arguments)
        #expect(worst.ulps <= 2, "worst \(worst.ulps) ulp at x = \(worst.argument)")
        #expect(Exponential.of(0) == 1)
        #expect(ulps(Exponential.of(1), 2.718281828459045) <= 1)
        #expect(ulps(Exponential.of(-1), 0.36787944117144233) <= 1)
    }

    /// Dense check where the simulator uses it: log-normal MRR exponents (log median ± 8σ).
    @Test func withinTwoUlpOnTypicalRevenueExponents() {
        let arguments = (0...100_000).map { 2 + 14 * Double($0) / 100_000 }
        #expect(worstUlps(of: Exponential.kernel, against: { Double.exp($0) }, over: arguments).ulps <= 2)
    }

    /// Beyond the kernel's range the library takes over: overflow, underflow, NaN.
    @Test func outsideTheRangeFallsBackToTheLibrary() {
        #expect(Exponential.of(710) == Double.exp(710))
        #expect(Exponential.of(800) == .infinity)
        #expect(Exponential.of(-745) == Double.exp(-745))
        #expect(Exponential.of(-800) == 0)
        #expect(Exponential.of(.nan).isNaN)
        #expect(Exponential.of(-.infinity) == 0)
    }

    /// The batch fill of a log-normal law gives exactly the one-at-a-time values, in range and
    /// (through the library fallback) for a law whose exponents can leave the kernel's range.
    @Test func lognormalBatchEqualsOneAtATime() {
        for law in [ValueDistribution.lognormal(median: 500, sigma: 0.4), .lognormal(median: 1e-300, sigma: 3)] {
            let sampler = ValueDistribution.Sampler(law)
            let uniforms = (1...257).map { Double($0) / 258 } + [0x1p-53, 1 - 0x1p-53]
            var values = Array(repeating: 0.0, count: uniforms.count)
            values.withUnsafeMutableBufferPointer { buffer in
                uniforms.withUnsafeBufferPointer { sampler.fill(buffer, fromUniforms: $0) }
            }
            #expect(values == uniforms.map { sampler.value(fromUniform: $0) })
            #expect(values.allSatisfy { $0.isFinite && $0 > 0 })
        }
    }
}
