/// Tornado sensitivity: each uncertain input moved to its P10 and its P90 with every other
/// uncertain input at its median, on common random numbers (same seed and paths), for the
/// portfolio NPV and the median CAC payback month.
///
/// The uncertain inputs are the quantities drawn once per path: a churn rate given as a
/// distribution, expansion, contraction, renewal uplift, cost to serve, new logos per month
/// and the downturn hazard multiplier. Customer-to-customer spread (MRR, CAC) is
/// heterogeneity, not uncertainty about the business, and stays as in the scenario.
public struct SensitivityAnalysis: Sendable, Equatable {
    /// One input's swing.
    public struct Input: Sendable, Equatable {
        /// What the input is, e.g. "SMB churn rate (per month)".
        public var name: String
        /// The input's P10 and P90.
        public var low: Double, high: Double
        /// Mean portfolio NPV with the input at its P10 and at its P90.
        public var netPresentValueAtLow: Double, netPresentValueAtHigh: Double
        /// Median CAC payback month at P10 and P90 (nil beyond the horizon).
        public var paybackAtLow: Int?, paybackAtHigh: Int?

        /// |NPV at P90 − NPV at P10|, the bar length of the tornado.
        public var swing: Double { abs(netPresentValueAtHigh - netPresentValueAtLow) }
    }

    /// Mean portfolio NPV with every uncertain input at its median.
    public var baseNetPresentValue: Double
    /// Median payback month at the base.
    public var basePayback: Int?
    /// Inputs, largest swing first.
    public var inputs: [Input]

    /// Runs 1 + 2 × (uncertain inputs) simulations of `scenario` with `paths` paths each.
    /// - Throws: what ``SimulationPlan/init(scenario:paths:seed:hazardRatios:)`` throws.
    public init(scenario: Scenario, paths: Int?, threads: Int) throws {
        let knobs = Self.uncertainInputs(of: scenario)
        var base = scenario
        for knob in knobs { knob.set(&base, .fixed(knob.quantile(0.5))) }
        func run(_ variant: Scenario) throws -> (Double, Int?) {
            let plan = try SimulationPlan(
                scenario: variant, paths: paths, hazardRatios: variant.customerSuccess?.hazardRatios())
            let summary = RunSummary(outcome: PortfolioSimulator(plan: plan).run(threads: threads))
            return (summary.portfolio.netPresentValue.mean, summary.portfolio.cacPaybackMonth.p50)
        }
        (baseNetPresentValue, basePayback) = try run(base)
        inputs = try knobs.map { knob in
            let (low, high) = (knob.quantile(0.1), knob.quantile(0.9))
            var atLow = base, atHigh = base
            knob.set(&atLow, .fixed(low))
            knob.set(&atHigh, .fixed(high))
            let (npvLow, paybackLow) = try run(atLow)
            let (npvHigh, paybackHigh) = try run(atHigh)
            return Input(
                name: knob.name, low: low, high: high, netPresentValueAtLow: npvLow, netPresentValueAtHigh: npvHigh,
                paybackAtLow: paybackLow, paybackAtHigh: paybackHigh)
        }.sorted { $0.swing > $1.swing }
    }

    /// An uncertain input: its name, law and how to set it in a scenario.
    struct Knob {
        let name: String
        let distribution: ValueDistribution
        let set: (inout Scenario, ValueDistribution) -> Void

        func quantile(_ level: Double) -> Double { ValueDistribution.Sampler(distribution).value(fromUniform: level) }
    }

    /// Every per-path input of `scenario` that is a distribution rather than a number.
    static func uncertainInputs(of scenario: Scenario) -> [Knob] {
        var knobs: [Knob] = []
        func add(_ name: String, _ distribution: ValueDistribution, _ set: @escaping (inout Scenario, ValueDistribution) -> Void) {
            if case .fixed = distribution { return }
            knobs.append(Knob(name: name, distribution: distribution, set: set))
        }
        for (i, segment) in scenario.segments.enumerated() {
            if case .rate(let distribution, let period) = segment.churn {
                add("\(segment.name) churn rate (per \(period.rawValue))", distribution) { $0.segments[i].churn = .rate($1, per: period) }
            }
            let revenue = segment.revenue
            add("\(segment.name) expansion (per year)", revenue.expansionAnnual) { $0.segments[i].revenue.expansionAnnual = $1 }
            add("\(segment.name) contraction (per year)", revenue.contractionAnnual) { $0.segments[i].revenue.contractionAnnual = $1 }
            add("\(segment.name) price uplift at renewal", revenue.priceUpliftAtRenewal) {
                $0.segments[i].revenue.priceUpliftAtRenewal = $1
            }
            add("\(segment.name) cost to serve (per month)", revenue.costToServeMonthly) {
                $0.segments[i].revenue.costToServeMonthly = $1
            }
            if let newBusiness = segment.newBusiness {
                add("\(segment.name) new logos (per month)", newBusiness.perMonth) { $0.segments[i].newBusiness?.perMonth = $1 }
            }
        }
        if let downturn = scenario.downturn {
            add("Downturn hazard multiplier", downturn.hazardMultiplier) { $0.downturn?.hazardMultiplier = $1 }
        }
        return knobs
    }
}
