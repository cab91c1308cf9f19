import RealModule
import Testing
@testable import ChurnModel

@Suite("Branch-free logarithm")
struct LogarithmTests {
    /// Against glibc's `log` on the uniforms the simulator feeds it ((0, 1], dense near 1 and
    /// spread over every binade down to 2⁻⁵³) and on large arguments.
    @Test func withinOneUlpOfTheLibrary() {
        var arguments = (1...200_000).map { Double($0) / 200_001 }
        arguments += (0...5_300).map { Double.pow(2, -Double($0) / 100) }
        arguments += (1...10_000).map { 1 + Double($0) * 1e-5 } + [1e300, Double.greatestFiniteMagnitude, 0x1p-1022]
        let worst = worstUlps(of: Logarithm.of, against: { Double.log($0) }, over: arguments)
        #expect(worst.ulps <= 1, "worst \(worst.ulps) ulp at x = \(worst.argument)")
        #expect(Logarithm.of(1) == 0)
        #expect(Logarithm.of(2) == Double.log(2))
    }

    /// Outside the positive normal numbers the library takes over.
    @Test func outsideTheKernelFallsBackToTheLibrary() {
        #expect(Logarithm.of(0) == -.infinity)
        #expect(Logarithm.of(-1).isNaN)
        #expect(Logarithm.of(0x1p-1070) == Double.log(0x1p-1070))
        #expect(Logarithm.of(.infinity) == .infinity)
        #expect(Logarithm.of(.nan).isNaN)
    }
}
