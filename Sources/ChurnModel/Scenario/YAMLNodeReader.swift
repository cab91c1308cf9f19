import Foundation
import Yams

/// Collects every problem found while reading one scenario file, so all are reported at once.
final class ScenarioDiagnostics {
    let file: String
    private(set) var problems: [ScenarioProblem] = []
    private(set) var warnings: [ScenarioProblem] = []

    init(file: String) { self.file = file }

    func warn(_ reason: String, at mark: Mark?, keyPath: String) {
        warnings.append(
            ScenarioProblem(
                file: file, line: mark?.line, column: mark?.column, keyPath: keyPath,
                kind: .implausibleValue(reason: reason)))
    }

    func report(_ kind: ScenarioProblem.Kind, at mark: Mark?, keyPath: String) {
        problems.append(
            ScenarioProblem(
                file: file, line: mark?.line, column: mark?.column, keyPath: keyPath, kind: kind))
    }

    /// The result of `body`, which reads a data file the scenario names; nil after reporting
    /// its ``DataError`` (or any other failure to read) at `mark` and `keyPath`.
    func readingData<Value>(at mark: Mark?, keyPath: String, _ body: () throws -> Value) -> Value? {
        do {
            return try body()
        } catch let error as DataError {
            report(.invalidData(error), at: mark, keyPath: keyPath)
        } catch {
            report(.invalidData(.unreadable(file: keyPath, reason: "\(error)")), at: mark, keyPath: keyPath)
        }
        return nil
    }

    /// Folder of the scenario file, against which relative data and model paths resolve.
    var baseDirectory: String { (file as NSString).deletingLastPathComponent }

    /// `path` as written in the scenario, resolved against ``baseDirectory`` unless absolute.
    func resolve(_ path: String) -> String { ScenarioPaths.resolve(path, against: baseDirectory) }
}

/// Where files named in a scenario are: relative paths start at the scenario's folder.
enum ScenarioPaths {
    /// `path` itself when absolute, else `path` inside `baseDirectory`.
    static func resolve(_ path: String, against baseDirectory: String) -> String {
        path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
    }
}

/// Reads one YAML mapping of a scenario, checking its keys against the schema.
///
/// Every accessor reports what it finds wrong to the shared ``ScenarioDiagnostics`` and
/// returns `nil`, so reading continues and the user sees every problem in one pass.
struct YAMLMappingReader {
    let mapping: Node.Mapping
    let keyPath: String
    let diagnostics: ScenarioDiagnostics

    /// Wraps `node` if it is a mapping, reporting unknown keys; reports and returns nil otherwise.
    init?(_ node: Node, keyPath: String, allowedKeys: [String], diagnostics: ScenarioDiagnostics) {
        guard case .mapping(let mapping) = node else {
            diagnostics.report(
                .invalidValue(expected: "a mapping of keys to values", found: node.summary),
                at: node.mark, keyPath: keyPath)
            return nil
        }
        self.mapping = mapping
        self.keyPath = keyPath
        self.diagnostics = diagnostics
        for key in mapping.keys {
            let name = key.string ?? key.summary
            if !allowedKeys.contains(name) {
                diagnostics.report(
                    .unknownKey(suggestion: nearestKey(to: name, among: allowedKeys)),
                    at: key.mark, keyPath: path(name))
            }
        }
    }

    /// The key path of a child key.
    func path(_ key: String) -> String { keyPath.isEmpty ? key : "\(keyPath).\(key)" }

    /// The value under `key`, or nil when absent (reported if `required`).
    func node(_ key: String, required: Bool) -> Node? {
        if let value = mapping[key] { return value }
        if required { diagnostics.report(.missingKey, at: mapping.mark, keyPath: path(key)) }
        return nil
    }

    /// A string value.
    func string(_ key: String, required: Bool = true) -> String? {
        guard let value = node(key, required: required) else { return nil }
        guard case .scalar(let scalar) = value, !scalar.string.isEmpty else {
            diagnostics.report(
                .invalidValue(expected: "a non-empty text", found: value.summary),
                at: value.mark, keyPath: path(key))
            return nil
        }
        return scalar.string
    }

    /// A number in `range`.
    func number(
        _ key: String, in range: ClosedRange<Double>, required: Bool = true, expected: String
    ) -> Double? {
        guard let value = node(key, required: required) else { return nil }
        return YAMLScalar.number(value, in: range, keyPath: path(key), expected: expected, diagnostics: diagnostics)
    }

    /// An integer in `range`.
    func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let value = node(key, required: required) else { return nil }
        let text = value.scalar.map { $0.string.filter { $0 != "_" } }
        guard let text, let integer = Int(text), range.contains(integer) else {
            diagnostics.report(
                .invalidValue(expected: "an integer in \(describe(range))", found: value.summary),
                at: value.mark, keyPath: path(key))
            return nil
        }
        return integer
    }

    /// A child mapping with its own allowed keys.
    func mapping(_ key: String, allowedKeys: [String], required: Bool = true) -> YAMLMappingReader? {
        guard let value = node(key, required: required) else { return nil }
        return YAMLMappingReader(value, keyPath: path(key), allowedKeys: allowedKeys, diagnostics: diagnostics)
    }

    /// Records a plausibility warning about the value under `key`.
    func warn(_ key: String, _ reason: String) {
        diagnostics.warn(reason, at: mapping[key]?.mark ?? mapping.mark, keyPath: path(key))
    }

    /// The keys present, in file order.
    var presentKeys: [String] { mapping.keys.compactMap(\.string) }
}

/// Conversions of scalar nodes, shared by mappings and sequences.
enum YAMLScalar {
    /// A number in `range`, accepting `1_000` digit grouping; reports and returns nil otherwise.
    static func number(
        _ node: Node, in range: ClosedRange<Double>, keyPath: String, expected: String,
        diagnostics: ScenarioDiagnostics
    ) -> Double? {
        let text = node.scalar.map { $0.string.filter { $0 != "_" } }
        guard let text, let number = Double(text), number.isFinite, range.contains(number) else {
            diagnostics.report(
                .invalidValue(expected: expected, found: node.summary), at: node.mark, keyPath: keyPath)
            return nil
        }
        return number
    }
}

extension Node {
    /// A short rendering of the node for error messages.
    var summary: String {
        switch self {
        case .scalar(let scalar): scalar.string.isEmpty ? "an empty value" : "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

/// "[a, b]" with open ends spelt out, for messages.
private func describe(_ range: ClosedRange<Int>) -> String {
    if range.upperBound == Int.max { return "[\(range.lowerBound), ∞)" }
    return "[\(range.lowerBound), \(range.upperBound)]"
}

/// The allowed key closest to `key` by edit distance, if it is close enough to be a typo.
func nearestKey(to key: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(key.lowercased(), $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, key.count / 3) ? best.0 : nil
}

/// Levenshtein distance between two strings, by the two-row dynamic programme.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...max(a.count, 1) where !a.isEmpty {
        current[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return a.isEmpty ? b.count : previous[b.count]
}
