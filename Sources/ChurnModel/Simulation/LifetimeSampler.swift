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
        /// A general hazard with per-year multipliers (downturns), solved per customer from
        /// the years tabulated for customers who start now.
        case general(HazardYears)
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
            self.init(termMonths: termMonths, kind: .general(HazardYears(hazard: hazard, yearMultipliers: yearMultipliers)))
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
        case .general(let years):
            return months(leavingAtTenure: years.tenure(reaching: -Double.log(u)))
        }
        return months(ofTerms: terms)
    }

    /// The lifetime of a customer whose hazard reaches its draw at `tenure`: the whole terms
    /// that cover it (at least one), nil for an infinite tenure, capped at `Int.max / 2`.
    @inline(__always)
    private func months(leavingAtTenure tenure: Double) -> Int? {
        guard tenure.isFinite else { return nil }
        let wholeTerms = (tenure / Double(termMonths)).rounded(.up)
        guard wholeTerms < Double(Int.max / 2) else { return Int.max / 2 }
        return months(ofTerms: max(1, Int(wholeTerms)))
    }

    /// `lifetimes[k] = months(fromUniform: uniforms[k])` for k < `count`, with the law's
    /// kind examined once rather than per customer. The geometric law takes every
    /// customer's ln u / ln(1 − q) first, in a loop without branches that vectorizes (the
    /// uniforms are in [2⁻⁵³, 1), where ``Logarithm/kernel(_:)`` equals ``Logarithm/of(_:)``),
    /// then turns them into months. A general hazard's table is taken out of the law once,
    /// not copied (with its reference counts) for every customer.
    func fill(_ lifetimes: inout [Int?], fromUniforms uniforms: [Double], count: Int) {
        switch kind {
        case .general(let years):
            for k in 0..<count { lifetimes[k] = months(leavingAtTenure: years.tenure(reaching: -Double.log(uniforms[k]))) }
        case .geometric(let logRenewal):
            withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { failures in
                uniforms.withUnsafeBufferPointer { uniforms in
                    for k in 0..<count { failures[k] = Logarithm.kernel(uniforms[k]) / logRenewal }
                }
                for k in 0..<count { lifetimes[k] = months(ofTerms: RandomStream.geometric(failures: failures[k])) }
            }
        case .never, .firstRenewal:
            for k in 0..<count { lifetimes[k] = months(fromUniform: uniforms[k]) }
        }
    }

    /// `terms` contract terms in months, capped at `Int.max / 2`.
    @inline(__always)
    private func months(ofTerms terms: Int) -> Int {
        let (months, overflow) = terms.multipliedReportingOverflow(by: termMonths)
        return overflow ? Int.max / 2 : min(months, Int.max / 2)
    }

    /// The law of a customer whose hazard is `hazard` instead of the segment's, with the same
    /// downturn years (a book customer's covariates).
    func replacingHazard(_ hazard: PathHazard) -> LifetimeSampler {
        guard case .general(let years) = kind else {
            return LifetimeSampler(termMonths: termMonths, kind: .general(HazardYears(hazard: hazard, yearMultipliers: [])))
        }
        return LifetimeSampler(termMonths: termMonths, kind: .general(HazardYears(hazard: hazard, yearMultipliers: years.yearMultipliers)))
    }

    /// The months from now until a customer who has already survived `tenure` months leaves
    /// (nil: never), for uniform `u`: the lifetime conditional on T > tenure.
    ///
    /// The customer's next renewal is at tenure R = T·(⌊tenure/T⌋ + 1). A geometric law is
    /// memoryless across renewals: it leaves at renewal R + T·(K − 1) with K drawn as for a
    /// new customer. A general hazard is solved from H(tenure) on (``HazardYears`` from the tenure,
    /// calendar years counted from now), so a piecewise rate starts in the right piece and an
    /// sBG law continues from the renewals already made; the lifetime is rounded up to a
    /// renewal (at least R). The months from now are rounded up to whole months, so that a
    /// customer active now pays at least this month. With tenure 0 this is
    /// ``months(fromUniform:)``.
    func residualMonths(fromUniform u: Double, tenure: Double) -> Int? {
        let term = Double(termMonths)
        let nextRenewal = term * ((tenure / term).rounded(.down) + 1)
        let end: Double
        switch kind {
        case .never: return nil
        case .firstRenewal: end = nextRenewal
        case .geometric(let logRenewal):
            let terms = RandomStream.geometric(fromUniform: u, logRenewalProbability: logRenewal)
            end = nextRenewal + term * Double(terms - 1)
        case .general(let years):
            let fromTenure = tenure == 0 ? years : HazardYears(hazard: years.hazard, yearMultipliers: years.yearMultipliers, from: tenure)
            let churnTenure = fromTenure.tenure(reaching: -Double.log(u))
            guard churnTenure.isFinite else { return nil }
            end = max(term * (churnTenure / term).rounded(.up), nextRenewal)
        }
        let months = (end - tenure).rounded(.up)
        return months < Double(Int.max / 2) ? max(1, Int(months)) : Int.max / 2
    }
}
