import Foundation
import Testing
@testable import ChurnModel

/// The staffing sweep against closed forms and CRN monotonicity.
@Suite struct StaffingSweepTests {
    static let grid = StaffingGrid(from: 10, to: 200, steps: 20)

    func sweep(csmCost: Double, grid: StaffingGrid = Self.grid, cap: StaffingCap = .none) throws -> StaffingSweep.SegmentSweep {
        let scenario = singleSegmentScenario(horizon: 36, monthlyChurn: 0.04, cac: 0, discount: 0)
        let cs = CustomerSuccess(
            csmCostAnnual: csmCost, coverage: [.accountsPerCSM(40)],
            effect: CoverageEffect(hazardRatio: 0.6, referenceAccountsPerCSM: 25))
        let result = try StaffingSweep(scenario: scenario, customerSuccess: cs, grid: grid, cap: cap, paths: nil, threads: 2)
        return try #require(result.segments.first)
    }

    /// Common random numbers: survival at 12 months never rises with the load (exactly).
    @Test func moreCoverageNeverRaisesChurn() throws {
        let points = try sweep(csmCost: 1000).points.dropFirst()  // grid, increasing load
        let survival = points.map(\.survival12.mean)
        #expect(zip(survival, survival.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(try sweep(csmCost: 1000).points[0].survival12.mean <= survival.last ?? 0)
    }

    /// The closed-form net value of ``optimumMatchesClosedForm()``.
    static func net(_ a: Double, cost: Double) -> Double {
        let h = CoverageEffect(hazardRatio: 0.6, referenceAccountsPerCSM: 25).hazardRatio(accountsPerCSM: a)
        let value = (1...36).reduce(0.0) { $0 + pow(0.96, h * Double($1 - 1)) }
        return 400 * 80 * value - (400 / a).rounded(.up) * cost * 3
    }

    /// A cap that excludes the unconstrained optimum (30 accounts, 14 CSMs) moves the answer
    /// to the closed-form best among the ratios with at most 10 CSMs (⌈400/a⌉ ≤ 10, a ≥ 40);
    /// a budget of 10 CSMs' cost gives the same answer.
    @Test(arguments: [StaffingCap(maxHeadcount: 10), StaffingCap(budgetAnnual: 10_000)])
    func capChangesTheAnswer(cap: StaffingCap) throws {
        let feasible = Self.grid.ratios.filter { (400 / $0).rounded(.up) <= 10 }
        let analytic = try #require(feasible.max { Self.net($0, cost: 1000) < Self.net($1, cost: 1000) })
        #expect(analytic == 40)
        let result = try sweep(csmCost: 1000, cap: cap)
        #expect(result.best.coverage == .accountsPerCSM(analytic))
        for point in result.points {
            #expect(point.isFeasible == (point.headcount <= 10), "\(point.coverage)")
            if !point.isFeasible { #expect(point.shareOfPathsBest == 0) }
        }
        #expect(try sweep(csmCost: 1000).best.coverage == .accountsPerCSM(30))
    }

    /// Nothing fits: a grid without tech-touch and no CSM allowed.
    @Test func noFeasibleCoverageIsAnError() throws {
        #expect(throws: StaffingError.noFeasibleCoverage(segment: "only", cap: StaffingCap(maxHeadcount: 0), otherSegmentsHeadcount: 0)) {
            try sweep(csmCost: 1000, grid: StaffingGrid(ratios: [50, 100], includesTechTouch: false), cap: StaffingCap(maxHeadcount: 0))
        }
    }

    /// Shares of paths on which each feasible ratio is best sum to 1, and the ratio that is
    /// best on average is best on the most paths in this smooth case.
    @Test func sharesOfPathsBestSumToOne() throws {
        let result = try sweep(csmCost: 1000)
        let total = result.points.reduce(0) { $0 + $1.shareOfPathsBest }
        #expect(abs(total - 1) < 1e-12)
        #expect(result.points.max { $0.shareOfPathsBest < $1.shareOfPathsBest }?.coverage == result.best.coverage)
    }

    /// Hand-counted: per path the highest value among the candidates wins; ties go to the first.
    @Test func winnerIsTheFirstHighestCandidate() {
        let values: [[Double]] = [[1, 3, 9], [5, 5, 9], [2, 1, 9], [0, 9, 9]]  // per path, one value per point
        // Among points 0 and 1: 1<3 → 1; 5=5 → 0 (tie); 2>1 → 0; 0<9 → 1.
        #expect(values.map { StaffingComparison.winner($0, among: [0, 1]) } == [1, 0, 0, 1])
        // With point 2: it wins paths 0–2; on path 3 it ties 9 with point 1, which comes first.
        #expect(values.map { StaffingComparison.winner($0, among: [0, 1, 2]) } == [2, 2, 2, 1])
        #expect(StaffingComparison.winner([1, 2], among: [1]) == 1 && StaffingComparison.winner([1, 2], among: []) == nil)
    }

    /// The sweep of the two-segment CS scenario's SMB segment (points: tech-touch, 40, 80, 120).
    func twoSegmentSweep(threads: Int, cap: StaffingCap = .none) throws -> (Scenario, StaffingSweep) {
        let scenario = try customerSuccessScenario(paths: 120)
        let cs = try #require(scenario.customerSuccess)
        let grid = StaffingGrid(ratios: [40, 80, 120], includesTechTouch: true)
        let sweep = try StaffingSweep(scenario: scenario, customerSuccess: cs, grid: grid, cap: cap, paths: nil, threads: threads)
        return (scenario, sweep)
    }

    /// The whole sweep is bit-identical on 1 and 2 threads.
    @Test func threadCountDoesNotChangeTheSweep() throws {
        let (_, one) = try twoSegmentSweep(threads: 1)
        let (_, two) = try twoSegmentSweep(threads: 2)
        #expect(one == two)
        #expect(one.segments.map(\.name) == ["SMB", "Enterprise"])
    }

    /// Each point of a sweep that simulates only the swept segment equals, bit for bit, the
    /// same point evaluated by simulating the whole portfolio at every coverage (as the sweep
    /// formerly did) and picking out the swept segment's totals; different thread counts on
    /// the two sides, and a cap that leaves some points infeasible.
    @Test func sweptSegmentAloneEqualsWholePortfolio() throws {
        let cap = StaffingCap(maxHeadcount: 5)  // SMB at 40 needs 3 CSMs besides Enterprise's 3: infeasible
        let (scenario, sweep) = try twoSegmentSweep(threads: 1, cap: cap)
        let cs = try #require(scenario.customerSuccess)
        #expect(sweep.segments.count == 2 && sweep.segments[0].points.contains { !$0.isFeasible })
        for (segment, swept) in sweep.segments.enumerated() {
            let plans = try swept.points.map { point in
                var coverage = cs.coverage
                coverage[segment] = point.coverage
                return try SimulationPlan(scenario: scenario, hazardRatios: cs.hazardRatios(coverage: coverage))
            }
            let feasible = swept.points.indices.filter { swept.points[$0].isFeasible }
            let empty = WholePortfolioStaffing(
                segment: segment,
                comparison: StaffingComparison(
                    customers: scenario.segments[segment].customers, costs: swept.points.map(\.costNetPresentValue),
                    feasible: feasible, horizonMonths: scenario.horizonMonths))
            let whole = PortfolioSimulator(plan: plans[0]).run(
                paths: 0..<plans[0].paths, threads: 2, comparing: Array(plans.dropFirst()), in: empty
            ).comparison.comparison
            for (index, point) in swept.points.enumerated() {
                #expect(point.survival12 == whole.survival12[index].estimate, "\(swept.name) \(point.coverage)")
                #expect(point.netRevenueRetention12 == whole.netRevenueRetention12?[index].estimate)
                #expect(point.netValue == AmountSummary(whole.netValue[index]))
                #expect(point.shareOfPathsBest == whole.shareOfPathsBest(index))
            }
        }
    }

    /// The sweep folded path by path agrees with the former exact computation from every
    /// coverage's kept path totals: survival and NRR at 12 months to rounding, net value
    /// within the sketch's 1e-4, and the share of paths on which each feasible coverage is
    /// best exactly (here with a cap that makes the lightest ratio infeasible).
    @Test func foldedSweepMatchesExactPathByPath() throws {
        let cap = StaffingCap(maxHeadcount: 5)  // SMB's 120 accounts need 3 CSMs at 40, plus Enterprise's 3 at 5
        let (scenario, sweep) = try twoSegmentSweep(threads: 2, cap: cap)
        let cs = try #require(scenario.customerSuccess)
        let smb = try #require(sweep.segments.first)
        let customers = Double(scenario.segments[0].customers)
        var netValues: [[Double]] = []
        for point in smb.points {
            var coverage = cs.coverage
            coverage[0] = point.coverage
            let paths = keptPathTotals(try SimulationPlan(scenario: scenario, hazardRatios: cs.hazardRatios(coverage: coverage)))
                .map { $0[0] }
            let survival = PathStatistics.estimate(paths.map { Double($0.survivors[0]) / customers })
            #expect(abs(point.survival12.mean - survival.mean) <= 1e-12)
            #expect(abs((point.survival12.standardError ?? 0) - (survival.standardError ?? 0)) <= 1e-12)
            let nrr = PathStatistics.estimate(paths.map { $0.cohortRevenue[12] / $0.cohortRevenue[0] })
            #expect(abs((point.netRevenueRetention12?.mean ?? 0) - nrr.mean) <= 1e-12)
            let net = paths.map { $0.netPresentValue + $0.newBusinessValue - point.costNetPresentValue }
            #expect(agreesWithExact(point.netValue, net), "\(point.coverage): \(point.netValue)")
            netValues.append(net)
        }
        let feasible = smb.points.indices.filter { smb.points[$0].isFeasible }
        #expect(feasible.count < smb.points.count && feasible.count > 1)
        var wins = Array(repeating: 0, count: smb.points.count)
        for path in netValues[0].indices {
            var winner = feasible[0]
            for candidate in feasible.dropFirst() where netValues[candidate][path] > netValues[winner][path] { winner = candidate }
            wins[winner] += 1
        }
        #expect(smb.points.map(\.shareOfPathsBest) == wins.map { Double($0) / Double(netValues[0].count) })
    }

    /// Constant churn p = 0.04, MRR 100, margin 0.8, no CAC or discounting, 400 customers, 36
    /// months: net(a) = 400·80·Σ_{k=1}^{36} (1 − p)^{HR(a)(k−1)} − ⌈400/a⌉·C·3. With C = 1000
    /// its argmax over the grid is 30 accounts per CSM (computed in the test itself).
    @Test func optimumMatchesClosedForm() throws {
        let cost = 1000.0
        let effect = CoverageEffect(hazardRatio: 0.6, referenceAccountsPerCSM: 25)
        func net(_ a: Double) -> Double {
            let h = effect.hazardRatio(accountsPerCSM: a)
            let value = (1...36).reduce(0.0) { $0 + pow(0.96, h * Double($1 - 1)) }
            return 400 * 80 * value - (400 / a).rounded(.up) * cost * 3
        }
        let analytic = try #require(Self.grid.ratios.max { net($0) < net($1) })
        #expect(analytic == 30)
        let result = try sweep(csmCost: cost)
        #expect(result.best.coverage == .accountsPerCSM(analytic))
        for point in result.points.dropFirst() {
            guard case .accountsPerCSM(let a) = point.coverage else { continue }
            #expect(within99(point.netValue.estimate, of: net(a)), "a = \(a): \(point.netValue.mean) vs \(net(a))")
        }
    }
}

/// `--ratios` and `--ratio-range` grids.
@Suite struct StaffingGridTests {
    @Test func listKeepsTechTouchOnlyWhenNamed() throws {
        let grid = try StaffingGrid(list: "150, 50,100,50,tech-touch")
        #expect(grid.ratios == [50, 100, 150] && grid.includesTechTouch)
        #expect(grid.coverages == [.techTouch, .accountsPerCSM(50), .accountsPerCSM(100), .accountsPerCSM(150)])
        #expect(try StaffingGrid(list: "200").coverages == [.accountsPerCSM(200)])
    }

    @Test func rangeStepsFromFromToTo() throws {
        #expect(try StaffingGrid(range: "50:300:25").ratios == stride(from: 50.0, through: 300, by: 25).map { $0 })
        #expect(try StaffingGrid(range: "50:120:25").ratios == [50, 75, 100])  // 125 is past `to`
        #expect(try StaffingGrid(range: "50:120:25").includesTechTouch)
    }

    @Test(arguments: ["50,lots", "0.5", "", "50,,100"])
    func badListsAreRefused(list: String) {
        #expect(throws: StaffingGridError.self) { try StaffingGrid(list: list) }
    }

    @Test(arguments: ["50:300", "300:50:25", "50:300:0", "0:10:1", "1:100000:1", "a:b:c"])
    func badRangesAreRefused(range: String) {
        #expect(throws: StaffingGridError.invalidRange(range)) { try StaffingGrid(range: range) }
    }
}

/// The staffing evaluation of every segment simulated at each coverage: the swept segment's
/// totals picked out of the whole portfolio's and folded into a ``StaffingComparison``.
struct WholePortfolioStaffing: PathComparison {
    /// The swept segment's index in the scenario.
    let segment: Int
    /// The comparison of the swept segment's totals.
    var comparison: StaffingComparison

    mutating func add(_ totals: [[PathTotals]]) { comparison.add(totals.map { [$0[segment]] }) }

    mutating func merge(_ other: WholePortfolioStaffing) { comparison.merge(other.comparison) }
}
