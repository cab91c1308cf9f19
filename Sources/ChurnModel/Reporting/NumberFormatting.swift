/// Formatting of numbers for people: thousands separators, fixed decimals, percentages.
enum NumberFormatting {
    /// `value` rounded to `decimals` places with comma thousands separators ("-1,234,567.8").
    static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = (scaled / scale).rounded(.down)
        var text = groupingThousands(wholeDigits(whole))
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

    /// An input value exactly as the shortest decimal that reads back as the same Double,
    /// with comma thousands separators ("12,000", "15.5", "0.0001"), for echoing inputs.
    static func exact(_ value: Double) -> String {
        guard value.isFinite else { return grouped(value) }
        let (digits, exponent) = decimalDigits(abs(value))
        return (value < 0 ? "-" : "") + placed(digits, exponent: exponent)
    }

    /// An input share as a percentage with every digit it was written with ("15%", "2.8%",
    /// "6.25%"): the shortest decimal of the share with its point moved two places, so no
    /// rounding or binary noise (0.07 × 100 = 7.000000000000001) enters.
    static func exactPercent(_ share: Double) -> String {
        guard share.isFinite else { return grouped(share) }
        let (digits, exponent) = decimalDigits(abs(share))
        return (share < 0 ? "-" : "") + placed(digits, exponent: exponent + 2) + "%"
    }

    /// The significant digits of the shortest round-trip decimal of `value` ≥ 0 and the power
    /// of ten of its first digit: 0.028 → ("28", -2), 12000 → ("12", 4).
    private static func decimalDigits(_ value: Double) -> (String, Int) {
        guard value != 0 else { return ("0", 0) }
        let text = "\(value)"  // shortest round-trip form, "0.028", "12000.0" or "1e-05"
        let parts = text.lowercased().split(separator: "e")
        let mantissa = String(parts[0]), power = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(pieces[0]), fraction = pieces.count > 1 ? String(pieces[1]) : ""
        let all = whole + fraction
        let leading = all.prefix { $0 == "0" }.count
        let significant = String(all.dropFirst(leading).reversed().drop { $0 == "0" }.reversed())
        return (significant.isEmpty ? "0" : significant, whole.count - 1 - leading + power)
    }

    /// `digits` (d₁d₂…) read as d₁.d₂… × 10^`exponent`, in plain notation with grouped thousands.
    private static func placed(_ digits: String, exponent: Int) -> String {
        let whole: String, fraction: String
        if exponent < 0 {
            (whole, fraction) = ("0", String(repeating: "0", count: -exponent - 1) + digits)
        } else if exponent + 1 >= digits.count {
            (whole, fraction) = (digits + String(repeating: "0", count: exponent + 1 - digits.count), "")
        } else {
            (whole, fraction) = (String(digits.prefix(exponent + 1)), String(digits.dropFirst(exponent + 1)))
        }
        return groupingThousands(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// The digits of a whole number with a comma between groups of three ("1234567" → "1,234,567").
    private static func groupingThousands(_ digits: String) -> String {
        var groups: [Substring] = []
        var rest = Substring(digits)
        while rest.count > 3 {
            groups.insert(rest.suffix(3), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(rest, at: 0)
        return groups.joined(separator: ",")
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
