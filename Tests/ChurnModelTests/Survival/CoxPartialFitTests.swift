import Testing
@testable import ChurnModel

/// The fit in two stages, as `churnsim fit` runs it (``CoxPartialFit``: the proportional-hazards
/// test reads the fit's own design before the concordance frees its covariates), gives exactly
/// the one-call fit and exactly the test on a design rebuilt from the table (which
/// `CoxProportionalityTestTests` compares with R's `cox.zph`).
@Suite struct CoxPartialFitTests {
    @Test(arguments: CoxProportionalityTestTests.arguments)
    func testOnTheFitsDesignEqualsTheTestOnARebuiltDesign(
        _ reference: CoxDiagnosticsCase, _ transform: CoxProportionalityTest.TimeTransform
    ) throws {
        let table = try reference.table()
        let engine = CoxProportionalHazards(options: try CoxOptions(ties: reference.ties))
        let partial = try engine.estimate(table)
        let staged = try partial.proportionalityTest(transform)
        let fit = partial.completed()
        #expect(fit == (try engine.fit(table)))
        #expect(staged == (try CoxProportionalityTest(fit: fit, table: table, transform: transform)))
    }
}
