import Testing
@testable import ChurnModel

/// The design's column-major covariates, gathered into walk order in the handed-over table's
/// own storage two columns at a time and in two halves of the rows: every design row must
/// hold its table row's centred values, in every column (an odd count, so the last pass has
/// one column).
@Suite struct CoxDesignRowsTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func designRowsHoldTheCentredCovariatesOfTheirTableRows(weighted: Bool, stratified: Bool) throws {
        let rows = 70_001
        var random = RandomStream(seed: 11, stream: 0)
        let durations = (0..<rows).map { _ in Double(1 + Int(random.nextUniform() * 50)) }
        let events = (0..<rows).map { _ in random.nextUniform() < 0.5 }
        let continuous = (0..<rows).map { _ in random.nextUniform() * 4 - 1 }
        let indicator = (0..<rows).map { _ in random.nextUniform() < 0.3 ? 1.0 : 0.0 }
        let count = (0..<rows).map { _ in Double(Int(random.nextUniform() * 7)) }
        let weights = weighted ? (0..<rows).map { _ in 0.5 + random.nextUniform() } : nil
        let strata = stratified ? (0..<rows).map { _ in random.nextUniform() < 0.4 ? "a" : "b" } : nil
        var values = continuous + indicator + count
        let expected = values.map { $0 }  // its own storage: the table's is handed over
        let table = try EventTable(
            durations: durations, events: events, strata: strata, weights: weights,
            covariates: Matrix(rows: rows, columns: 3, columnMajor: values), covariateNames: ["c", "i", "n"])
        values = []
        let design = try CoxDesign(consume table, tieTolerance: 1e-8)

        let w = weights ?? [Double](repeating: 1, count: rows)
        let totalWeight = w.reduce(0, +)
        for j in 0..<3 {
            let column = expected[(j * rows)..<((j + 1) * rows)]
            let mean = j == 1 ? 0 : zip(w, column).map { $0 * $1 }.reduce(0, +) / totalWeight
            #expect(Swift.abs(design.means[j] - mean) <= 1e-12 * Swift.max(1, Swift.abs(mean)))
        }
        var mismatches = 0
        for k in 0..<rows {
            for j in 0..<3 where design.x[j * rows + k] != expected[j * rows + design.tableRow[k]] - design.means[j] {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        #expect(Set(design.tableRow).count == rows)
    }
}
