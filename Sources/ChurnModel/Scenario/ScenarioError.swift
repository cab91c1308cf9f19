/// One problem found in a scenario file, located by file, line and YAML key path.
public struct ScenarioProblem: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        /// The text is not valid YAML; `reason` is the parser's message.
        case invalidYAML(reason: String)
        /// A required key is absent.
        case missingKey
        /// A key the schema does not know; `suggestion` is the nearest valid key, if any is close.
        case unknownKey(suggestion: String?)
        /// A value of the wrong type or out of range.
        case invalidValue(expected: String, found: String)
        /// A legal but implausible value (a warning, not an error): `reason` says why.
        case implausibleValue(reason: String)
        /// A data file the scenario names (a customer book, an empirical column) is unusable;
        /// the error locates the problem in that file by row and column.
        case invalidData(DataError)
    }

    /// Path of the scenario file as the user gave it.
    public var file: String
    /// 1-based line of the offending node (for a missing key, of the mapping that lacks it).
    public var line: Int?
    /// 1-based column of the offending node.
    public var column: Int?
    /// Dotted key path with sequence indices, e.g. `segments[1].churn.monthly_rate`.
    public var keyPath: String
    /// The kind of problem.
    public var kind: Kind

    /// Creates a problem record.
    public init(file: String, line: Int?, column: Int?, keyPath: String, kind: Kind) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.kind = kind
    }

    /// `file:line:column: key path: message`, the format compilers use, so editors can jump to it.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let subject = keyPath.isEmpty ? "" : "\(keyPath): "
        switch kind {
        case .invalidYAML(let reason):
            return "\(location): invalid YAML: \(reason)"
        case .missingKey:
            return "\(location): \(subject)missing required key"
        case .unknownKey(let suggestion):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "\(location): \(subject)unknown key\(hint)"
        case .invalidValue(let expected, let found):
            return "\(location): \(subject)expected \(expected), found \(found)"
        case .implausibleValue(let reason):
            return "\(location): warning: \(subject)\(reason)"
        case .invalidData(let error):
            return "\(location): \(subject)\(error.description)"
        }
    }
}

/// Why a scenario could not be loaded.
public enum ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file was read but has one or more problems, all listed in file order.
    case invalid(problems: [ScenarioProblem])

    /// One line per problem.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read scenario: \(reason)"
        case .invalid(let problems):
            problems.map(\.description).joined(separator: "\n")
        }
    }
}
