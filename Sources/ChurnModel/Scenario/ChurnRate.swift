import RealModule

/// Conversions between churn rates quoted over different periods.
///
/// A constant monthly hazard `m` compounds to `1 − (1 − m)^k` over `k` months. The
/// conversions go through `log(onePlus:)` and `expMinusOne` so that small rates keep
/// their digits (1 − (1 − 1e-9)^12 computed naively loses about 7 of them).
public enum ChurnRate {
    /// The probability of leaving within `months` months at constant monthly rate `monthly`.
    /// - Parameters:
    ///   - monthly: monthly churn probability in [0, 1].
    ///   - months: length of the period in months (> 0).
    /// - Returns: `1 − (1 − monthly)^months`.
    public static func compounded(monthly: Double, overMonths months: Int) -> Double {
        if monthly >= 1 { return 1 }
        return -Double.expMinusOne(Double(months) * Double.log(onePlus: -monthly))
    }

    /// The constant monthly churn probability equivalent to an annual one.
    /// - Parameter annual: probability of leaving within a year, in [0, 1].
    /// - Returns: `1 − (1 − annual)^(1/12)`.
    public static func monthly(fromAnnual annual: Double) -> Double {
        if annual >= 1 { return 1 }
        return -Double.expMinusOne(Double.log(onePlus: -annual) / 12)
    }
}
