import RealModule

/// A fitted or specified distribution of customer lifetimes, as the simulator uses it.
///
/// A conforming type supplies the cumulative hazard H(t) = −log S(t) and the hazard h(t);
/// survival, distribution function, conditional survival, the median and lifetime sampling
/// come from this protocol's extension. Time is in the unit the model was fitted in (days,
/// months, renewal periods); H(t) is 0 for t ≤ 0 and non-decreasing.
///
/// Optional abilities are separate protocols: a model with a closed-form inverse of H
/// also conforms to ``InvertibleCumulativeHazard``, which the default sampler then uses
/// instead of numerical inversion.
///
/// Reference: Klein & Moeschberger, *Survival Analysis*, 2nd ed., §2.2–2.4.
public protocol SurvivalModel: Sendable {
    /// The cumulative hazard H(t) = −log S(t) at time `t`; 0 for t ≤ 0, +∞ allowed.
    ///
    /// - Parameter t: Time since the start of the lifetime (tenure), in the model's unit.
    func cumulativeHazard(at t: Double) -> Double

    /// The hazard rate h(t) = dH/dt at time `t` (per unit time); for a discrete-time model,
    /// see the conforming type for its meaning.
    ///
    /// - Parameter t: Time since the start of the lifetime, in the model's unit.
    func hazard(at t: Double) -> Double

    /// The smallest time t ≥ `lower` with H(t) ≥ `target`.
    ///
    /// Provided: by bracketing and bisection for any model, and by the closed form for an
    /// ``InvertibleCumulativeHazard`` (chosen when the type conforms, not by a cast per call).
    func inverseCumulativeHazard(solving target: Double, from lower: Double) -> Double
}

/// A survival model whose cumulative hazard can be inverted in closed form.
///
/// The default ``SurvivalModel/sampleLifetime(using:given:)`` and
/// ``SurvivalModel/median`` use this inverse when present instead of bisection.
public protocol InvertibleCumulativeHazard: SurvivalModel {
    /// The smallest time t with H(t) ≥ `cumulativeHazard` (the generalized inverse).
    ///
    /// - Parameter cumulativeHazard: A value in [0, +∞).
    /// - Returns: The time, in the model's unit; +∞ when H never reaches the value.
    func inverseCumulativeHazard(_ cumulativeHazard: Double) -> Double
}

extension InvertibleCumulativeHazard {
    /// Smallest t with H(t) ≥ `target`, by the closed form (`lower` is not needed).
    public func inverseCumulativeHazard(solving target: Double, from lower: Double) -> Double {
        inverseCumulativeHazard(target)
    }
}

extension SurvivalModel {
    /// The survival function S(t) = P(T > t) = exp(−H(t)).
    ///
    /// - Parameter t: Time in the model's unit.
    /// - Returns: A probability in [0, 1], non-increasing in t.
    public func survivalProbability(at t: Double) -> Double {
        Double.exp(-cumulativeHazard(at: t))
    }

    /// The distribution function F(t) = P(T ≤ t) = 1 − exp(−H(t)).
    ///
    /// Computed as −expm1(−H), which keeps full relative precision when H is small (early
    /// tenure), where 1 − exp(−H) would cancel.
    ///
    /// - Parameter t: Time in the model's unit.
    /// - Returns: A probability in [0, 1].
    public func cumulativeDistribution(at t: Double) -> Double {
        -Double.expMinusOne(-cumulativeHazard(at: t))
    }

    /// The conditional survival P(T > tenure + t | T > tenure)
    /// = exp(−(H(tenure + t) − H(tenure))): the probability that a customer who has already
    /// stayed `tenure` stays at least `t` longer.
    ///
    /// - Parameters:
    ///   - t: Additional time beyond `tenure`, ≥ 0.
    ///   - tenure: Time already survived, ≥ 0.
    /// - Returns: A probability in [0, 1]; 0 when S(tenure) = 0.
    public func conditionalSurvival(at t: Double, given tenure: Double) -> Double {
        let start = cumulativeHazard(at: tenure)
        guard start.isFinite else { return 0 }
        return Double.exp(-(cumulativeHazard(at: tenure + t) - start))
    }

    /// The median lifetime: the smallest t with S(t) ≤ ½, i.e. H(t) ≥ log 2.
    ///
    /// Uses ``InvertibleCumulativeHazard/inverseCumulativeHazard(_:)`` when the model has
    /// it, else bisection (see ``sampleLifetime(using:given:)``). +∞ if S never reaches ½.
    public var median: Double {
        inverseCumulativeHazard(solving: Double.log(2), from: 0)
    }

    /// Draws a lifetime T from the model, conditional on T > `tenure`.
    ///
    /// Inversion of the cumulative hazard: with E ~ Exp(1) (E = −log U, U uniform on (0, 1)),
    /// T solves H(T) = H(tenure) + E, because H(T) − H(tenure) given T > tenure is Exp(1)
    /// (Devroye 1986, *Non-Uniform Random Variate Generation*, §I.2). With a closed-form
    /// inverse (``InvertibleCumulativeHazard``) that is one evaluation; otherwise the root is
    /// bracketed by doubling the interval beyond `tenure` and refined by bisection to a
    /// relative width of 1e-13 (H need not be smooth or strictly increasing; the smallest
    /// t with H(t) ≥ target is returned).
    ///
    /// - Parameters:
    ///   - stream: The random stream; exactly one uniform is consumed.
    ///   - tenure: Time already survived, ≥ 0 (0 for a new customer).
    /// - Returns: The total lifetime T ≥ `tenure` (so the residual lifetime is T − tenure);
    ///   +∞ when the model's survival never reaches the drawn level (a cured fraction).
    public func sampleLifetime(using stream: inout RandomStream, given tenure: Double = 0)
        -> Double
    {
        let exponential = -Double.log(stream.nextUniform())
        let start = max(tenure, 0)
        let startHazard = cumulativeHazard(at: start)
        guard startHazard.isFinite else { return start }
        return max(inverseCumulativeHazard(solving: startHazard + exponential, from: start), start)
    }

    /// Smallest t ≥ `lower` with H(t) ≥ `target`, by bisection (see ``bisectCumulativeHazard(target:from:)``).
    public func inverseCumulativeHazard(solving target: Double, from lower: Double) -> Double {
        bisectCumulativeHazard(target: target, from: lower)
    }

    /// Bracketing by doubling, then bisection, for H(t) = target on t ≥ lower.
    func bisectCumulativeHazard(target: Double, from lower: Double) -> Double {
        var low = max(lower, 0)
        if cumulativeHazard(at: low) >= target { return low }
        var width = max(low, 1)
        var high = low + width
        var doublings = 0
        while cumulativeHazard(at: high) < target {
            low = high
            width *= 2
            high = low + width
            doublings += 1
            if doublings > 1_000 || !high.isFinite { return .infinity }
        }
        for _ in 0..<200 {
            let middle = low + (high - low) / 2
            if middle <= low || middle >= high || high - low <= 1e-13 * high { break }
            if cumulativeHazard(at: middle) >= target { high = middle } else { low = middle }
        }
        return high
    }
}
