import Testing
@testable import ChurnModel

/// The right-censored concordance pass (Fenwick trees over time levels, rows in risk order)
/// against the general counting-process walk (trees over risk ranks, rows in time order) on
/// the same designs: both count every comparable pair, so totals and every row's influence
/// must agree up to summation order. The designs are made to stress ties: few distinct
/// times, few distinct risk scores, two strata, and weights that are integers or not.
@Suite struct CoxConcordancePathsTests {
    private func design(seed: UInt64, rows: Int, weighted: Bool, stratified: Bool) throws -> CoxDesign {
        var random = RandomStream(seed: seed, stream: 0)
        let durations = (0..<rows).map { _ in Double(1 + Int(random.nextUniform() * 6)) }
        let events = (0..<rows).map { _ in random.nextUniform() < 0.6 }
        let covariate = (0..<rows).map { _ in Double(Int(random.nextUniform() * 3)) }
        let weights = weighted ? (0..<rows).map { _ in 0.25 + random.nextUniform() * 3 } : nil
        let strata = stratified ? (0..<rows).map { _ in random.nextUniform() < 0.4 ? "a" : "b" } : nil
        let table = try EventTable(
            durations: durations, events: events, strata: strata, weights: weights,
            covariates: Matrix(rows: rows, columns: 1, columnMajor: covariate), covariateNames: ["x"])
        return try CoxDesign(table, tieTolerance: 1e-8)
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func rightCensoredPassMatchesGeneralWalk(weighted: Bool, stratified: Bool) throws {
        for seed in UInt64(1)...UInt64(20) {
            let design = try design(seed: seed, rows: 40 + Int(seed) * 7, weighted: weighted, stratified: stratified)
            // Scores with ties: the centred covariate plus a coarse second score.
            var random = RandomStream(seed: seed, stream: 1)
            let eta = design.x.map { $0 + Double(Int(random.nextUniform() * 2)) }
            let fast = design.rightCensoredPairs(eta)
            let general = design.countingProcessPairs(DenseRanks(eta))
            let scale = max(1, general.concordant + general.discordant + general.tiedRisk)
            #expect(abs(fast.concordant - general.concordant) <= 1e-12 * scale, "seed \(seed)")
            #expect(abs(fast.discordant - general.discordant) <= 1e-12 * scale, "seed \(seed)")
            #expect(abs(fast.tiedRisk - general.tiedRisk) <= 1e-12 * scale, "seed \(seed)")
            #expect(fast.tiedTime == general.tiedTime, "seed \(seed)")
            #expect(general.tiedRisk > 0 && general.tiedTime > 0, "the design must exercise ties (seed \(seed))")
            #expect(fast.influence.count == design.rowCount && general.influence.count == design.rowCount)
            for i in 0..<min(fast.influence.count, general.influence.count) {
                // Influence = w·[(c − d) − D·(c + d + t)]/N with c, d, t ≤ N and w < 3.25.
                let (f, g) = (fast.influence[i], general.influence[i])
                let agree = abs(f - g) <= 1e-11
                #expect(agree, "seed \(seed) row \(i): \(f) vs \(g)")
                if !agree { return }
            }
        }
    }
}
