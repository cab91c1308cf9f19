import Testing
@testable import ChurnModel

/// The report's view of a history: every row without the covariate matrix, and per stratum at
/// most ``AveragedSurvival/memberLimit`` customers, the rows ⌊k·N/limit⌋ (k = 0, 1, …) of a
/// stratum of N rows in table order.
@Suite struct SampledHistoryTests {
    @Test func largeStrataAreSampledEvenlyAndSmallOnesKeptWhole() throws {
        let limit = AveragedSurvival.memberLimit
        let large = 2 * limit + 3
        let n = large + 5
        // Rows alternate between the strata until the small one has its 5 rows.
        let strata = (0..<n).map { $0 < 10 && $0 % 2 == 1 ? "small" : "large" }
        let table = try EventTable(
            durations: (0..<n).map { Double($0 % 17 + 1) }, events: (0..<n).map { $0 % 3 == 0 },
            strata: strata, weights: (0..<n).map { 1 + Double($0) / 100 },
            covariates: Matrix(rows: n, columns: 1, columnMajor: (0..<n).map(Double.init)), covariateNames: ["row"])
        let history = SampledHistory(table)

        #expect(history.table.covariates == nil && history.table.covariateNames.isEmpty)
        #expect(history.table.durations == table.durations && history.table.strata == table.strata)
        let largeRows = (0..<n).filter { strata[$0] == "large" }
        let sample = try #require(history.samples["large"])
        #expect(sample.groupSize == large)
        let expected = (0..<limit).map { largeRows[$0 * large / limit] }
        #expect(sample.covariates.map { $0["row"] } == expected.map(Double.init))
        #expect(sample.weights == expected.map { 1 + Double($0) / 100 })
        let small = try #require(history.samples["small"])
        #expect(small.groupSize == 5 && small.covariates.map { $0["row"] } == [1, 3, 5, 7, 9])
        #expect(history.samples.count == 2)
    }
}
