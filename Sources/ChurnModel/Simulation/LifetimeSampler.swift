import RealModule

/// Direct (event-driven) sampling of customer lifetimes: one draw per customer instead of
/// one per customer-month, with every per-segment constant computed once per path.
///
/// A customer draws E ~ Exp(1) (E = −log u) and leaves at the tenure τ where its cumulative
/// hazard — multiplied by the downturn factor of each calendar year — reaches E (inversion
/// of the cumulative hazard). A customer on T-month contracts can only leave at a renewal,
/// so the lifetime is T·⌈τ/T⌉ months (at least one term). For a constant rate without
/// downturns this is the geometric number of terms, drawn with the precomputed log(1 − q).
struct LifetimeSampler: Sendable {
    /// How a segment's customers leave on this path.
    enum Kind: Sendable {
        /// Churn probability 0 and no other hazard: customers never leave.
        case never
        /// Renewal churn probability 1: every customer leaves after one term.
        case firstRenewal
        /// Geometric number of terms, by inversion with the precomputed `log(1 − q)`.
        case geometric(logRenewalProbability: Double)
        /// A general hazard with per-year multipliers (downturns), solved per customer.
        case general(PathHazard, yearMultipliers: [Double])
    }

    /// Contract term in months.
    let termMonths: Int
    /// The segment's lifetime law on this path.
    let kind: Kind

    /// The law of a constant monthly churn probability without downturns: renewal churn
    /// q = 1 − (1 − p)^T, `log(1 − q)` formed as `log(onePlus: −q)`.
    init(termMonths: Int, termChurnProbability q: Double) {
        let kind: Kind
        if q <= 0 {
            kind = .never
        } else if q >= 1 {
            kind = .firstRenewal
        } else {
            kind = .geometric(logRenewalProbability: Double.log(onePlus: -q))
        }
        self.init(termMonths: termMonths, kind: kind)
    }

    private init(termMonths: Int, kind: Kind) {
        self.termMonths = termMonths
        self.kind = kind
    }

    /// The law of `hazard` with downturn factors per calendar year (empty or all 1 for none).
    init(termMonths: Int, hazard: PathHazard, yearMultipliers: [Double]) {
        if case .constant(let p) = hazard, yearMultipliers.allSatisfy({ $0 == 1 }) {
            self.init(termMonths: termMonths, termChurnProbability: ChurnRate.compounded(monthly: p, overMonths: termMonths))
        } else {
            self.init(termMonths: termMonths, kind: .general(hazard, yearMultipliers: yearMultipliers))
        }
    }

    /// Whether a draw consumes a uniform.
    var drawsUniform: Bool {
        switch kind {
        case .geometric, .general: true
        case .never, .firstRenewal: false
        }
    }

    /// Lifetime in months, or nil when the customer never leaves.
    func sample(using stream: inout RandomStream) -> Int? {
        months(fromUniform: drawsUniform ? stream.nextUniform() : 0.5)
    }

    /// The lifetime for uniform `u` ∈ (0, 1) (ignored by laws that need none).
    ///
    /// Lifetimes beyond `Int.max / 2` months are capped there; no horizon comes near it.
    @inline(__always)
    func months(fromUniform u: Double) -> Int? {
        let terms: Int
        switch kind {
        case .never: return nil
        case .firstRenewal: terms = 1
        case .geometric(let logRenewal):
            terms = RandomStream.geometric(fromUniform: u, logRenewalProbability: logRenewal)
        case .general(let hazard, let multipliers):
            let tenure = Self.tenure(reaching: -Double.log(u), hazard: hazard, yearMultipliers: multipliers)
            guard tenure.isFinite else { return nil }
            let wholeTerms = (tenure / Double(termMonths)).rounded(.up)
            guard wholeTerms < Double(Int.max / 2) else { return Int.max / 2 }
            terms = max(1, Int(wholeTerms))
        }
        let (months, overflow) = terms.multipliedReportingOverflow(by: termMonths)
        return overflow ? Int.max / 2 : min(months, Int.max / 2)
    }

    /// The tenure τ where Σ over years of multiplier × (hazard accumulated in that year)
    /// reaches `target`: walk the years, then solve inside the year where it is crossed.
    static func tenure(reaching target: Double, hazard: PathHazard, yearMultipliers: [Double]) -> Double {
        var accumulated = 0.0
        for (year, multiplier) in yearMultipliers.enumerated() where multiplier > 0 {
            let start = Double(12 * year), end = Double(12 * (year + 1))
            let startHazard = hazard.cumulativeHazard(atMonths: start)
            let increase = hazard.cumulativeHazard(atMonths: end) - startHazard
            if accumulated + multiplier * increase >= target {
                return hazard.months(reaching: startHazard + (target - accumulated) / multiplier, from: start)
            }
            accumulated += multiplier * increase
        }
        let start = Double(12 * yearMultipliers.count)
        return hazard.months(reaching: hazard.cumulativeHazard(atMonths: start) + (target - accumulated), from: start)
    }
}
