import Testing

@testable import ChurnModel

/// The byte-level decimal parser must give exactly `Double(String)`'s result, including on
/// the inputs it hands over to it.
struct DecimalParsingTests {
    @Test func agreesBitForBitWithDoubleOfString() {
        var stream = RandomStream(seed: 2024, stream: 3)
        var cells = [
            "0", "-0", "+7", "1.", ".5", "-.25", "0.1", "0.3", "123456789012345", "1234567890123456",
            "0.0000000000000000000001", "9007199254740993", "1e5", "-2.5E-3", "inf", "nan", "0x1p3",
            "", "-", ".", "1.2.3", "12a", " 1", "1,5", "00000000000000000000042.5",
        ]
        for _ in 0..<20_000 {
            let digits = 1 + Int(stream.nextUniform() * 17)
            let point = Int(stream.nextUniform() * Double(digits + 1))
            var text = stream.nextUniform() < 0.3 ? "-" : ""
            for k in 0..<digits {
                if k == point, k > 0 { text += "." }
                text += String(Int(stream.nextUniform() * 10))
            }
            cells.append(text)
        }
        for cell in cells {
            let fast = DecimalParsing.number(cell)
            let reference = Double(cell)
            #expect(fast?.bitPattern == reference?.bitPattern, "cell '\(cell)'")
        }
    }
}
