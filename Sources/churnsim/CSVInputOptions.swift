import ArgumentParser
import ChurnModel

extension CSVDelimiter: ExpressibleByArgument {
    /// Accepts a name or the character itself, as ``CSVDelimiter/init(name:)``.
    public init?(argument: String) { self.init(name: argument) }
    /// The names listed in help.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension DateFormat: ExpressibleByArgument {
    /// Accepts a name or a strftime pattern, as ``DateFormat/init(name:)``.
    public init?(argument: String) { self.init(name: argument) }
    /// The names listed in help.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// How a command reads its CSV input: the `--delimiter` option shared by every command that
/// reads one (`fit`, `score`).
struct CSVInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Field separator: auto (detected from the header line), comma, semicolon or tab, or the character itself.",
        valueName: "auto|comma|semicolon|tab"))
    var delimiter: CSVDelimiter = .auto
}
