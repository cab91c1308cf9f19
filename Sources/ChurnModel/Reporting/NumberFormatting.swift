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
