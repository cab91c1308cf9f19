import RealModule
import Testing

@testable import ChurnModel

/// The radix ranks and the counting-sort time order used by the Cox and Kaplan–Meier walks,
/// against the comparison sorts they replace.
struct RowOrderingTests {
    /// Values with ties, both zeros, infinities, negative and subnormal numbers and wide exponents.
    private static func awkwardValues(count: Int, seed: UInt64) -> [Double] {
        var stream = RandomStream(seed: seed, stream: 0)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -1e300, 1e300, 3, 3, -3]
        return (0..<count).map { i in
            if i % 7 == 0 { return specials[i % specials.count] }
            let u = stream.nextUniform()
            return (u - 0.5) * Double.pow(10, Double(Int(u * 40) - 20))
        }
    }

    /// 5,000 distinct values take the radix sort; 60 distinct values (with ±0 and ±∞) the hash table.
    @Test(arguments: [false, true])
    func denseRanksMatchTheRankOfEachValueAmongTheSortedDistinctValues(fewDistinct: Bool) {
        let awkward = Self.awkwardValues(count: 5_000, seed: 11)
        let values = fewDistinct
            ? awkward.indices.map { i in [awkward[i % 56], 0.0, -0.0, .infinity, -.infinity][i % 5] }
            : awkward
        let distinct = Array(Set(values.map { $0 == 0 ? 0 : $0 })).sorted()
        let ranked = DenseRanks(values)
        #expect(ranked.distinctCount == distinct.count)
        for (value, rank) in zip(values, ranked.ranks) {
            #expect(distinct[rank] == value)
        }
        let stable = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        #expect(ranked.ascending() == stable)
    }

    @Test func timeOrderIsTheStableSortByDecreasingTimeWithEventsFirst() {
        var stream = RandomStream(seed: 5, stream: 1)
        let times = (0..<3_000).map { _ in Double(Int(stream.nextUniform() * 40)) / 4 }
        let events = (0..<3_000).map { _ in stream.nextUniform() < 0.4 }
        let ranked = DenseRanks(times)
        let expected = times.indices.sorted { i, j in
            if times[i] != times[j] { return times[i] > times[j] }
            if events[i] != events[j] { return events[i] }
            return i < j
        }
        #expect(
            TimeOrder.decreasing(ranks: ranked.ranks, distinctCount: ranked.distinctCount, eventsFirst: events)
                == expected)
        let byTimeOnly = times.indices.sorted { i, j in times[i] != times[j] ? times[i] > times[j] : i < j }
        #expect(TimeOrder.decreasing(ranks: ranked.ranks, distinctCount: ranked.distinctCount) == byTimeOnly)
        let groups = events.map { $0 ? 1 : 0 }
        let parts = TimeOrder.split(byTimeOnly, by: groups, groupCount: 2)
        #expect(parts[0] == byTimeOnly.filter { !events[$0] } && parts[1] == byTimeOnly.filter { events[$0] })
    }

    @Test func tieCorrectionRanksTheMergedTimes() throws {
        let durations = [3.0, 1.0, 1.0 + 1e-10, 2.0, 1.0 + 2e-10, 3.0]
        let entries = [0.0, 0.0, 0.5, 1.0, 0.5, 2.0]
        let merged = try TieCorrection.apply(durations: durations, entryTimes: entries, tolerance: 1.5e-8)
        #expect(merged.durations == [3, 1, 1, 2, 1, 3])
        #expect(merged.distinctCount == 5)  // 0, 0.5, 1, 2, 3
        #expect(merged.durationRanks == [4, 2, 2, 3, 2, 4])
        #expect(merged.entryRanks == [0, 0, 1, 2, 1, 3])
    }
}
