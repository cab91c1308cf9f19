import RealModule

/// Direct (event-driven) sampling of customer lifetimes: one draw per customer instead of
/// one per customer-month, with every per-segment constant computed once.
struct LifetimeSampler: Sendable {
    /// How a segment's customers leave.
    enum Kind: Sendable {
        /// Renewal churn probability 0: customers never leave.
        case never
        /// Renewal churn probability 1: every customer leaves after one term.
        case firstRenewal
        /// Geometric number of terms, by inversion with the precomputed `log(1 − q)`.
        case geometric(logRenewalProbability: Double)
    }

    /// Contract term in months.
    let termMonths: Int
    /// The segment's lifetime law.
    let kind: Kind

    /// Precomputes the lifetime law of customers on `termMonths`-month contracts who leave
    /// at each renewal with probability `termChurnProbability` (0 ≤ q ≤ 1).
    ///
    /// `log(1 − q)` is formed as `log(onePlus: −q)`, exactly as
    /// ``RandomStream/geometric(probability:)`` does, so draws are bit-identical to it.
    init(termMonths: Int, termChurnProbability q: Double) {
        self.termMonths = termMonths
        if q <= 0 {
            kind = .never
        } else if q >= 1 {
            kind = .firstRenewal
        } else {
            kind = .geometric(logRenewalProbability: Double.log(onePlus: -q))
        }
    }

    /// Whether a draw consumes a uniform (one for a geometric law, none otherwise).
    var drawsUniform: Bool {
        if case .geometric = kind { return true }
        return false
    }

    /// Lifetime in months: `term × K` with K geometric on {1, 2, …}, or nil when the customer
    /// never leaves. Consumes one uniform for a geometric law, none otherwise.
    func sample(using stream: inout RandomStream) -> Int? {
        months(fromUniform: drawsUniform ? stream.nextUniform() : 0.5)
    }

    /// The lifetime for uniform `u` ∈ (0, 1) (ignored unless the law is geometric).
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
        }
        let (months, overflow) = terms.multipliedReportingOverflow(by: termMonths)
        return overflow ? Int.max / 2 : min(months, Int.max / 2)
    }
}
