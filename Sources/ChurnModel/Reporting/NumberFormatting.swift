/// Formatting of numbers for people: thousands separators, fixed decimals, percentages.
enum NumberFormatting {
    /// `value` rounded to `decimals` places with comma thousands separators ("-1,234,567.8").
    static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = (scaled / scale).rounded(.down)
        var digits = wholeDigits(whole)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(Substring(digits), at: 0)
        var text = groups.joined(separator: ",")
        if decimals > 0 {
            let fraction = Int(scaled - whole * scale)
            let padded = String(fraction)
            text += "." + String(repeating: "0", count: decimals - padded.count) + padded
        }
        return (value < 0 && scaled > 0 ? "-" : "") + text
    }

    /// `value` with `digits` significant digits, in plain notation between 1e-4 and 1e9
    /// and scientific outside ("0.01077", "-0.5526", "1.2e-07").
    static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite, value != 0 else { return value == 0 ? "0" : grouped(value) }
        let magnitude = Int((abs(value)).log10Floor)
        if magnitude < -4 || magnitude >= 9 {
            var mantissa = value
            for _ in 0..<abs(magnitude) { mantissa = magnitude > 0 ? mantissa / 10 : mantissa * 10 }
            return significant(mantissa, digits: digits) + "e" + (magnitude < 0 ? "-" : "+") + (abs(magnitude) < 10 ? "0" : "") + String(abs(magnitude))
        }
        let decimals = max(0, digits - 1 - magnitude)
        return grouped(value, decimals: decimals)
    }

    /// A share as a percentage with one decimal ("12.3%").
    static func percent(_ share: Double) -> String { grouped(share * 100, decimals: 1) + "%" }

    /// A currency amount in compact form for sentences ("12.3M", "845K", "950").
    static func compactCurrency(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e9 { return grouped(value / 1e9, decimals: 2) + "B" }
        if magnitude >= 1e6 { return grouped(value / 1e6, decimals: 2) + "M" }
        if magnitude >= 1e4 { return grouped(value / 1e3, decimals: 1) + "K" }
        return grouped(value)
    }

    /// The digits of a non-negative whole number held in a Double.
    private static func wholeDigits(_ whole: Double) -> String {
        whole < 1e18 ? String(Int64(whole)) : String(whole)
    }
}

extension Double {
    /// ⌊log₁₀ x⌋ for x > 0, exact at powers of ten.
    fileprivate var log10Floor: Double {
        var exponent = 0.0
        var x = self
        while x >= 10 { x /= 10; exponent += 1 }
        while x < 1 { x *= 10; exponent -= 1 }
        return exponent
    }
}
