import Testing
@testable import ChurnModel

/// `churnsim fit --timings`: a phase measured in parts (the Cox fit, around its
/// proportional-hazards check) is one entry at its first position, so the benchmark's
/// `read …, fit …` pattern still finds it.
@Suite struct FitTimingsTests {
    @Test func aPhaseMeasuredInPartsAddsUpAtItsFirstPosition() {
        var timings = FitTimings()
        timings.measure("read") {}
        let first = timings.measure("fit") { 1 }
        timings.measure("checks") {}
        let second = timings.measure("fit", handingOver: [first]) { $0.count + 1 }
        #expect(second == 2)
        #expect(timings.phases.map(\.name) == ["read", "fit", "checks"])
        #expect(timings.description.hasPrefix("read ") && timings.description.contains(", fit "))
    }

    @Test func partsOfAPhaseAreSummed() {
        var timings = FitTimings()
        timings.measure("fit") { spin(milliseconds: 20) }
        let afterFirst = timings.phases[0].seconds
        timings.measure("checks") {}
        timings.measure("fit") { spin(milliseconds: 20) }
        #expect(afterFirst >= 0.02 && timings.phases[0].seconds >= afterFirst + 0.02)
    }

    /// Busy-waits for at least `milliseconds`, so wall and CPU time both advance.
    private func spin(milliseconds: Double) {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: .milliseconds(Int(milliseconds)))
        while clock.now < end {}
    }
}
