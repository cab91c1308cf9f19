import Foundation
import RealModule

/// A scenario turned into what the engine needs: per-segment laws with their constants
/// computed once, discounting, downturns and the run's size. Build it with
/// ``init(scenario:paths:seed:)``.
///
/// Everything that is the same for every customer of a segment (log-medians, `log(1 − q)`,
/// annuity factors) is computed here once, or once per path for quantities drawn per path
/// (an uncertain churn rate, growth rates, downturn years), so that the per-customer work
/// is only draws, one inversion and table look-ups.
public struct SimulationPlan: Sendable {
    /// One segment's simulation inputs.
    public struct SegmentPlan: Sendable {
        /// The scenario segment.
        public let segment: Segment
        /// The MRR law with its constants precomputed.
        let revenue: ValueDistribution.Sampler
        /// The CAC law with its constants precomputed.
        let acquisitionCost: ValueDistribution.Sampler
        /// The churn law (model files loaded).
        let churn: ChurnLaw
        /// Laws of the revenue dynamics, drawn once per path.
        let expansion, contraction, uplift, costToServe: ValueDistribution.Sampler
        /// The economics tables when nothing about them is drawn per path.
        let fixedEconomics: SegmentEconomics?
        /// Law of the expected new logos per month (fixed 0 without new business).
        let newLogos: ValueDistribution.Sampler
        /// The customers on the books today, when the segment lists them.
        let book: BookPlan?
        /// The law of the fitted model's parameters when they are drawn per path.
        let parameterLaw: CoefficientUncertainty?
    }

    /// One segment's laws on one path.
    struct SegmentPathLaws {
        /// Lifetimes (the path's churn rate and downturn years).
        let lifetime: LifetimeSampler
        /// Revenue and cost tables (the path's growth and cost draws).
        let economics: SegmentEconomics
        /// Expected new logos per month.
        let newLogosPerMonth: Double
        /// The regression parameters behind a book's per-customer hazards: the path's draw
        /// with parameter uncertainty, else the point estimates (empty without a regression).
        let coefficients: [Double]
        /// The factor on every customer's hazard (``SimulationPlan/hazardRatios``).
        let hazardRatio: Double
    }

    /// The scenario the plan was built from.
    public let scenario: Scenario
    /// Number of Monte Carlo paths to run.
    public let paths: Int
    /// Seed of the random streams.
    public let seed: UInt64
    /// Months simulated.
    public let horizonMonths: Int
    /// Monthly discounting from the scenario's annual rate.
    public let discount: MonthlyDiscount
    /// Per-segment inputs, in scenario order.
    public let segments: [SegmentPlan]
    /// `annuityFactors[n] == discount.annuity(months: n)` for n = 0 … horizon.
    let annuityFactors: [Double]
    /// `discountFactors[a] == v^a` for a = 0 … horizon.
    let discountFactors: [Double]
    /// Correlated downturns, if any.
    let downturn: DownturnPlan?
    /// Per segment, the factor applied to every customer's churn hazard (1 = the scenario's
    /// churn as written; a Customer Success effect is below 1).
    public let hazardRatios: SegmentHazardRatios

    /// Months at which survival is reported.
    public static let survivalCheckpoints = [12, 24, 36]

    /// Builds the plan; `paths` and `seed` override the scenario's when given.
    ///
    /// `hazardRatios` (one per segment, each > 0; all 1 when nil) multiplies every customer's
    /// churn hazard in that segment, new logos included (proportional hazards): a constant
    /// monthly churn p becomes 1 − (1 − p)^h, a model's cumulative hazard is multiplied by h,
    /// and downturn multipliers apply on top. A ratio of exactly 1 leaves every number
    /// bit-identical, and since each customer keeps its own random stream (and ratios drawn
    /// per path their own substream), plans that differ only in hazard ratios use common
    /// random numbers.
    /// - Throws: ``FittedModelError`` when a segment's model file cannot be used, or
    ///   ``LinearAlgebraError`` when the downturn correlation cannot be factored.
    public init(
        scenario: Scenario, paths: Int? = nil, seed: UInt64? = nil, hazardRatios: SegmentHazardRatios? = nil
    ) throws {
        precondition(
            hazardRatios.map { $0.central.count == scenario.segments.count && $0.central.allSatisfy { $0 > 0 && $0.isFinite } }
                ?? true,
            "one positive hazard ratio per segment")
        self.hazardRatios = hazardRatios ?? .none(segments: scenario.segments.count)
        self.scenario = scenario
        self.paths = paths ?? scenario.paths
        self.seed = seed ?? scenario.seed
        self.horizonMonths = scenario.horizonMonths
        let discount = MonthlyDiscount(annualRate: scenario.discountRateAnnual)
        self.discount = discount
        let annuity = discount.annuityTable(maximumMonths: max(scenario.horizonMonths, 0))
        self.annuityFactors = annuity
        self.discountFactors = (0...max(scenario.horizonMonths, 0)).map { Double.exp(Double($0) * discount.logFactor) }
        let horizon = scenario.horizonMonths
        self.segments = try scenario.segments.map { segment in
            let dynamics = segment.revenue
            let laws = [dynamics.expansionAnnual, dynamics.contractionAnnual, dynamics.priceUpliftAtRenewal,
                        dynamics.costToServeMonthly].map(ValueDistribution.Sampler.init)
            let fixed: SegmentEconomics? = laws.contains(where: \.drawsUniform) ? nil : SegmentEconomics(
                expansion: laws[0].value(fromUniform: 0.5), contraction: laws[1].value(fromUniform: 0.5),
                uplift: laws[2].value(fromUniform: 0.5), costToServe: laws[3].value(fromUniform: 0.5),
                termMonths: segment.contractTermMonths, horizon: horizon, discount: discount, annuity: annuity)
            let book = try segment.book.map {
                try BookPlan($0, churn: segment.churn, termMonths: segment.contractTermMonths, baseDirectory: scenario.baseDirectory)
            }
            let churn = book?.segmentChurn(segment.churn, hasNewLogos: segment.newBusiness != nil) ?? segment.churn
            var parameterLaw: CoefficientUncertainty?
            if case .fitted(let reference) = churn, reference.parameterUncertainty {
                let path = ScenarioPaths.resolve(reference.file, against: scenario.baseDirectory)
                parameterLaw = try CoefficientUncertainty(try FittedModelFile.load(path: path), file: path)
            }
            return SegmentPlan(
                segment: segment, revenue: ValueDistribution.Sampler(segment.monthlyRecurringRevenue),
                acquisitionCost: ValueDistribution.Sampler(segment.acquisitionCost),
                churn: try ChurnLaw(churn, termMonths: segment.contractTermMonths, baseDirectory: scenario.baseDirectory),
                expansion: laws[0], contraction: laws[1], uplift: laws[2], costToServe: laws[3], fixedEconomics: fixed,
                newLogos: ValueDistribution.Sampler(segment.newBusiness?.perMonth ?? .fixed(0)), book: book,
                parameterLaw: parameterLaw)
        }
        self.downturn = try scenario.downturn.map { try DownturnPlan($0, horizonMonths: horizon) }
    }
}

extension SimulationPlan {
    /// The laws of every segment on path `path`: lifetimes (with the path's churn rate and
    /// downturn years) and economics (with the path's growth and cost draws).
    ///
    /// Path-level numbers come from their own substreams, counted down from 2³² − 1 (the
    /// downturn), 2³² − 2 − s (segment s) and 2³² − 2 − S − s (segment s's fitted
    /// parameters, S segments), apart from the customers' substreams 0, 1, …; hazard ratios
    /// drawn per path use ``SegmentHazardRatios/substream``.
    func pathLaws(path: Int) -> [SegmentPathLaws] {
        let top = UInt64(UInt32.max)
        var downturnStream = RandomStream(seed: seed, stream: UInt64(path), substream: top)
        let multipliers = downturn?.yearMultipliers(using: &downturnStream)
        let ratios = hazardRatios.ratios(onPath: path, seed: seed)
        return segments.enumerated().map { index, segmentPlan in
            var stream = RandomStream(seed: seed, stream: UInt64(path), substream: top - 1 - UInt64(index))
            func draw(_ law: ValueDistribution.Sampler) -> Double {
                law.value(fromUniform: law.drawsUniform ? stream.nextUniform() : 0.5)
            }
            let parameters = segmentPlan.parameterLaw.map { law in
                var parameterStream = RandomStream(
                    seed: seed, stream: UInt64(path), substream: top - 1 - UInt64(segments.count + index))
                return law.draw(using: &parameterStream)
            }
            let hazard = segmentPlan.churn.pathHazard(
                fromUniform: segmentPlan.churn.drawsPerPath ? stream.nextUniform() : 0.5, parameters: parameters
            ).scaled(by: ratios[index])
            let lifetime = LifetimeSampler(
                termMonths: segmentPlan.segment.contractTermMonths, hazard: hazard,
                yearMultipliers: multipliers?[index] ?? [])
            let economics = segmentPlan.fixedEconomics ?? SegmentEconomics(
                expansion: draw(segmentPlan.expansion), contraction: draw(segmentPlan.contraction),
                uplift: draw(segmentPlan.uplift), costToServe: draw(segmentPlan.costToServe),
                termMonths: segmentPlan.segment.contractTermMonths, horizon: horizonMonths, discount: discount,
                annuity: annuityFactors)
            return SegmentPathLaws(
                lifetime: lifetime, economics: economics, newLogosPerMonth: draw(segmentPlan.newLogos),
                coefficients: parameters ?? segmentPlan.book?.regression?.model.estimates ?? [],
                hazardRatio: ratios[index])
        }
    }
}
