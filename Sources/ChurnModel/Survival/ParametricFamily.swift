import RealModule

/// The error distribution of an accelerated-failure-time model log T = xᵀβ + σ·W, as in
/// R's `survreg` (Kalbfleisch &
/// Prentice, *The Statistical Analysis of Failure Time Data*, 2nd ed., §2.2–2.3).
public enum ParametricFamily: String, CaseIterable, Sendable, Codable {
    /// Exponential: W standard (minimum) extreme value, σ fixed at 1; constant hazard.
    case exponential
    /// Weibull: W standard extreme value, S_W(w) = exp(−eʷ); shape 1/σ, scale exp(xᵀβ).
    case weibull
    /// Log-normal: W standard normal.
    case logNormal
    /// Log-logistic: W standard logistic, S_W(w) = 1/(1 + eʷ).
    case logLogistic

    /// Whether σ is estimated (false only for the exponential family, where σ = 1).
    public var estimatesScale: Bool { self != .exponential }

    /// A function value with its first and second derivatives in w.
    struct Derivatives {
        let value: Double
        let first: Double
        let second: Double
    }

    /// log f_W(w) and its derivatives in w.
    ///
    /// Extreme value: w − eʷ. Logistic: w − 2·log(1 + eʷ), written −|w| − 2·log1p(e^{−|w|})
    /// so that neither tail overflows. Normal: −w²/2 − log √(2π).
    func logDensity(_ w: Double) -> Derivatives {
        switch self {
        case .exponential, .weibull:
            let ew = Double.exp(w)
            return Derivatives(value: w - ew, first: 1 - ew, second: -ew)
        case .logLogistic:
            let f = Self.logisticCDF(w)
            let g = Self.logisticCDF(-w)
            let value = -Swift.abs(w) - 2 * Double.log(onePlus: Double.exp(-Swift.abs(w)))
            return Derivatives(value: value, first: g - f, second: -2 * f * g)
        case .logNormal:
            return Derivatives(value: -w * w / 2 - Self.logSqrtTwoPi, first: -w, second: -1)
        }
    }

    /// log S_W(w) = log P(W > w) and its derivatives in w.
    ///
    /// Extreme value: −eʷ. Logistic: −log(1 + eʷ), with d/dw = −F(w). Normal: log Φ(−w)
    /// from `erfc`, or Mills' asymptotic series beyond w = 35 where erfc underflows; with
    /// λ = φ(w)/Φ(−w) the derivatives are −λ and −λ(λ − w).
    func logSurvival(_ w: Double) -> Derivatives {
        switch self {
        case .exponential, .weibull:
            let ew = Double.exp(w)
            return Derivatives(value: -ew, first: -ew, second: -ew)
        case .logLogistic:
            let f = Self.logisticCDF(w)
            let value = -(max(w, 0) + Double.log(onePlus: Double.exp(-Swift.abs(w))))
            return Derivatives(value: value, first: -f, second: -f * Self.logisticCDF(-w))
        case .logNormal:
            let logS = Self.logNormalSurvival(w)
            let lambda = Double.exp(-w * w / 2 - Self.logSqrtTwoPi - logS)
            return Derivatives(value: logS, first: -lambda, second: -lambda * (lambda - w))
        }
    }

    /// The w with S_W(w) = exp(−h), for h ≥ 0 (−∞ at h = 0, +∞ at h = +∞).
    func standardQuantile(cumulativeHazard h: Double) -> Double {
        switch self {
        case .exponential, .weibull:
            return Double.log(h)
        case .logLogistic:
            return Double.log(Double.expMinusOne(h))
        case .logNormal:
            // Φ(w) = 1 − e^{−h}; use whichever tail keeps relative precision.
            if h < Double.log(2) { return NormalQuantile.quantile(-Double.expMinusOne(-h)) }
            return -NormalQuantile.quantile(Double.exp(-h))
        }
    }

    /// R `survreg`'s label for the family (`dist =` argument).
    public var survregName: String {
        switch self {
        case .exponential: return "exponential"
        case .weibull: return "weibull"
        case .logNormal: return "lognormal"
        case .logLogistic: return "loglogistic"
        }
    }

    /// Standard deviation of W, used for the starting value of σ.
    var errorStandardDeviation: Double {
        switch self {
        case .exponential, .weibull: return Double.pi / 6.0.squareRoot()
        case .logNormal: return 1
        case .logLogistic: return Double.pi / 3.0.squareRoot()
        }
    }

    /// Mean of W (−Euler–Mascheroni for the extreme value), for the starting intercept.
    var errorMean: Double {
        switch self {
        case .exponential, .weibull: return -0.577_215_664_901_532_9
        case .logNormal, .logLogistic: return 0
        }
    }

    static let logSqrtTwoPi = 0.918_938_533_204_672_7

    /// Logistic CDF 1/(1 + e^{−w}) without overflow.
    static func logisticCDF(_ w: Double) -> Double {
        if w >= 0 { return 1 / (1 + Double.exp(-w)) }
        let e = Double.exp(w)
        return e / (1 + e)
    }

    /// log Φ(−w), accurate in both tails.
    static func logNormalSurvival(_ w: Double) -> Double {
        if w < 35 { return Double.log(NormalDistribution.survival(w)) }
        // Mills ratio: Φ(−w) = φ(w)/w · (1 − 1/w² + 3/w⁴ − 15/w⁶ …).
        let w2 = w * w
        let series = 1 - 1 / w2 + 3 / (w2 * w2) - 15 / (w2 * w2 * w2)
        return -w2 / 2 - logSqrtTwoPi - Double.log(w) + Double.log(series)
    }
}
