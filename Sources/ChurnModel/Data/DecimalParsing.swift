/// Parses the numbers of a CSV cell. Plain decimals (`-12.5`, `0.1234`, `44`), nearly every
/// cell of a customer history, are parsed straight from their UTF-8 bytes: with at most 15
/// significant digits and at most 22 decimals, m / 10ᵏ is one correctly rounded division of
/// two exactly representable numbers (Clinger's fast path), so the result is the same
/// double as `Double(String)`'s, several times faster. Anything else (exponents, more digits,
/// `inf`) goes to `Double(String)`.
enum DecimalParsing {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

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
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var decimals = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if digits > 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if seenPoint { decimals += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            index += 1
        }
        let hasDigit = bytes.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard hasDigit, decimals < powersOfTen.count else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[decimals]
        return negative ? -magnitude : magnitude
    }
}
