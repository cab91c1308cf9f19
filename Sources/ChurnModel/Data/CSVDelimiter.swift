/// The field separator of a CSV file: detected from the header line, or forced.
public enum CSVDelimiter: String, Sendable, CaseIterable {
    /// The most frequent of comma, semicolon and tab in the header line (comma when none occurs).
    case auto
    /// `,`
    case comma
    /// `;`, common where the decimal separator is a comma.
    case semicolon
    /// A tab character (TSV).
    case tab

    /// Reads a name (`auto`, `comma`, `semicolon`, `tab`) or the character itself
    /// (`,`, `;`, a tab, or the escape `\t`); nil otherwise.
    public init?(name: String) {
        switch name.lowercased() {
        case ",": self = .comma
        case ";": self = .semicolon
        case "\t", "\\t": self = .tab
        default:
            guard let named = CSVDelimiter(rawValue: name.lowercased()) else { return nil }
            self = named
        }
    }

    /// The separator byte, or nil for ``auto``.
    var byte: UInt8? {
        switch self {
        case .auto: nil
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: 0x09
        }
    }
}
