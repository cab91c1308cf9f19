/// Parses the numbers of a CSV cell. Plain decimals (`-12.5`, `0.1234`, `44`), nearly every
/// cell of a customer history, are parsed straight from their UTF-8 bytes: with at most 15
/// significant digits and at most 22 decimals, m / 10ᵏ is one correctly rounded division of
/// two exactly representable numbers (Clinger's fast path), so the result is the same
/// double as `Double(String)`'s, several times faster. Anything else (exponents, more digits,
/// `inf`) goes to `Double(String)`.
enum DecimalParsing {
    /// The number written in `cell`, or nil when it is not a number.
    static func number(_ cell: String) -> Double? {
        var text = cell
        if let value = text.withUTF8({ plainDecimal($0) }) { return value }
        return Double(cell)
    }

    /// The value of `bytes` when they spell a plain decimal (see the type's summary), else nil.
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        // The digits without the point, as an integer; leading zeros add nothing, so it has
        // at most 15 significant digits exactly when it stays below 10¹⁵ (it never shrinks,
        // so checking after each digit also rules out overflow).
        var mantissa: UInt64 = 0
        let integerStart = index
        while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            mantissa = mantissa &* 10 &+ UInt64(digit)
            guard mantissa < 1_000_000_000_000_000 else { return nil }
            index += 1
        }
        var digitCount = index - integerStart
        var decimals = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                guard mantissa < 1_000_000_000_000_000 else { return nil }
                index += 1
            }
            decimals = index - fractionStart
            digitCount += decimals
        }
        guard index == bytes.count, digitCount > 0, decimals <= 22 else { return nil }
        // 10^decimals by repeated multiplication: every power up to 10²² is a double exactly
        // (5²² < 2⁵³), so each product is exact.
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let magnitude = Double(mantissa) / scale
        return negative ? -magnitude : magnitude
    }
}
