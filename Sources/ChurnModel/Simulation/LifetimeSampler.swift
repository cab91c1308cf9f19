/// Direct (event-driven) sampling of customer lifetimes: one draw per customer instead of
/// one per customer-month.
enum LifetimeSampler {
    /// Lifetime in months of a customer on `termMonths`-month contracts who leaves at each
    /// renewal with probability `termChurnProbability`: `term × K` with K geometric on
    /// {1, 2, …}. Returns nil when the customer never leaves (probability 0).
    ///
    /// Lifetimes beyond `Int.max / 2` months are capped there; no horizon comes near it.
    static func contractualLifetime(
        termMonths: Int, termChurnProbability: Double, using stream: inout RandomStream
    ) -> Int? {
        guard termChurnProbability > 0 else { return nil }
        let terms = stream.geometric(probability: termChurnProbability)
        let (months, overflow) = terms.multipliedReportingOverflow(by: termMonths)
        return overflow ? Int.max / 2 : min(months, Int.max / 2)
    }
}
