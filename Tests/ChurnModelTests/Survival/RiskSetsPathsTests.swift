import Testing
@testable import ChurnModel

/// ``RiskSets/build(_:tieTolerance:denseLimit:)`` tabulates rows by (stratum, time rank) when
/// that table is small and otherwise sorts them; both must give the same steps (up to the
/// order of floating-point sums) on data with strata, late entry, weights and tied times.
@Suite struct RiskSetsPathsTests {
    @Test(arguments: [false, true])
    func tabulatedAndSortedRiskSetsAgree(withEntry: Bool) throws {
        for seed in UInt64(1)...UInt64(10) {
            var random = RandomStream(seed: seed, stream: 2)
            let n = 300
            let durations = (0..<n).map { _ in Double(2 + Int(random.nextUniform() * 12)) / 2 }
            let entries = withEntry ? durations.map { $0 - 0.5 - Double(Int(random.nextUniform() * 3)) / 2 } : nil
            let table = try EventTable(
                durations: durations, events: (0..<n).map { _ in random.nextUniform() < 0.5 },
                entryTimes: entries, strata: (0..<n).map { _ in ["b", "a", "c"][Int(random.nextUniform() * 3)] },
                weights: (0..<n).map { _ in 0.5 + random.nextUniform() })
            let tabulated = try RiskSets.build(table, tieTolerance: 1e-8)
            let sorted = try RiskSets.build(table, tieTolerance: 1e-8, denseLimit: 0)
            #expect(tabulated.map(\.stratum) == ["a", "b", "c"])
            #expect(tabulated.map(\.stratum) == sorted.map(\.stratum))
            for (a, b) in zip(tabulated, sorted) {
                #expect(a.steps.count == b.steps.count)
                for (x, y) in zip(a.steps, b.steps) {
                    #expect(x.time == y.time && x.atRiskCount == y.atRiskCount && x.eventCount == y.eventCount)
                    #expect(abs(x.atRisk - y.atRisk) <= 1e-12 * y.atRisk, "seed \(seed) at \(x.time)")
                    #expect(abs(x.events - y.events) <= 1e-12 && abs(x.censored - y.censored) <= 1e-12)
                }
            }
        }
    }
}
