/// The three numbers of a written date, before the day-month order is known.
///
/// Accepts `A<sep>B<sep>C` with one separator among `-`, `/` and `.`, where either `A` or `C`
/// has four digits (the year), optionally followed by `T` or a space and a time of day
/// (digits, `:`, `.`, and a `Z` or `±hh:mm` zone), which is ignored.
struct DateFields {
    let first: Int
    let second: Int
    let third: Int
    /// Whether the year comes first (`YYYY-MM-DD`); otherwise it comes last.
    let yearFirst: Bool

    /// The fields of `text`; nil when it is not a date as described above.
    init?(_ text: String) {
        var text = text
        guard let fields = text.withUTF8({ DateFields($0) }) else { return nil }
        self = fields
    }

    /// The fields of the UTF-8 `bytes`; nil when they are not a date as described above.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        let timeStart = bytes.firstIndex { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: " ") }
        if let timeStart, !Self.isTimeOfDay(bytes[(timeStart + 1)...]) { return nil }
        // One pass over the date part, without allocating: up to three runs of digits split
        // by one separator, the first non-digit byte.
        var numbers = SIMD3<Int>(), lengths = SIMD3<Int>()
        var part = 0
        var separator: UInt8?
        for byte in bytes[..<(timeStart ?? bytes.endIndex)] {
            let digit = byte &- 0x30
            if digit < 10 {
                guard lengths[part] < 4 else { return nil }
                numbers[part] = numbers[part] * 10 + Int(digit)
                lengths[part] += 1
            } else {
                if separator == nil, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") {
                    separator = byte
                }
                guard byte == separator, part < 2 else { return nil }
                part += 1
            }
        }
        guard part == 2, lengths.min() > 0 else { return nil }
        switch (lengths[0], lengths[2]) {
        case (4, 1...2) where lengths[1] <= 2: yearFirst = true
        case (1...2, 4) where lengths[1] <= 2: yearFirst = false
        default: return nil
        }
        (first, second, third) = (numbers[0], numbers[1], numbers[2])
    }

    /// The fields from ``packed``.
    init(packed: Int64) {
        (first, second, third) = (Int(packed & 0x3FFF), Int(packed >> 14 & 0x3FFF), Int(packed >> 28 & 0x3FFF))
        yearFirst = packed >> 42 != 0
    }

    /// The fields in 43 bits (each part has at most 4 digits, so fits 14 bits), never negative.
    var packed: Int64 {
        Int64(first) | Int64(second) << 14 | Int64(third) << 28 | (yearFirst ? 1 << 42 : 0)
    }

    /// The date in `order` (``DateFormat/dmy`` or ``DateFormat/mdy`` for year-last fields;
    /// any order for year-first ones); nil when impossible or when the order is unknown.
    func date(_ order: DateFormat) -> CalendarDate? {
        if yearFirst { return CalendarDate(year: first, month: second, day: third) }
        switch order {
        case .dmy: return CalendarDate(year: third, month: second, day: first)
        case .mdy: return CalendarDate(year: third, month: first, day: second)
        case .auto, .iso: return nil
        }
    }

    /// `hh:mm[:ss[.fff]]` with an optional `Z` or `±hh[:]mm` zone.
    private static func isTimeOfDay(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = text.first, (0x30...0x39).contains(first), text.contains(UInt8(ascii: ":")) else { return false }
        return text.allSatisfy { (0x30...0x3A).contains($0) || ".+-Z".utf8.contains($0) }
    }
}
