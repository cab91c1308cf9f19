import Foundation
import Yams

/// Reads and validates scenario files (YAML).
///
/// Every field is checked; all problems are collected and thrown together as
/// ``ScenarioError/invalid(problems:)``, each with file, line, column and key path.
public enum ScenarioLoader {
    /// Keys allowed at the top level of a scenario file.
    static let topLevelKeys = ["name", "horizon_months", "paths", "seed", "discount_rate_annual", "segments", "downturn",
                                 "customer_success", "staffing"]
    /// Below this many paths a run is warned about: percentiles across paths are rough.
    static let fewestPlausiblePaths = 100
    /// The warning given for fewer than ``fewestPlausiblePaths`` paths.
    static let fewPathsReason = "fewer than 100 paths make percentiles across paths rough"

    /// Loads the scenario at `path`.
    /// - Parameter path: file path, used as given in error messages.
    /// - Throws: ``ScenarioError``.
    public static func load(contentsOf path: String) throws -> Scenario {
        let result = try check(contentsOf: path)
        guard let scenario = result.scenario else { throw ScenarioError.invalid(problems: result.problems) }
        return scenario
    }

    /// Parses scenario text.
    /// - Parameters:
    ///   - yaml: the scenario as YAML text.
    ///   - file: the name used in error messages.
    /// - Throws: ``ScenarioError/invalid(problems:)`` listing every problem found.
    public static func parse(yaml: String, file: String) throws -> Scenario {
        let result = check(yaml: yaml, file: file)
        guard let scenario = result.scenario else { throw ScenarioError.invalid(problems: result.problems) }
        return scenario
    }

    /// Checks scenario text completely: every problem and every plausibility warning.
    /// - Returns: the scenario when there is no problem, the problems, and the warnings
    ///   (legal but implausible values), each located by line and key path.
    public static func check(yaml: String, file: String) -> ScenarioCheck {
        let diagnostics = ScenarioDiagnostics(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (mark, reason) = error.locatedReason
            let hint = mark.flatMap { YAMLIndentationHint.hint(text: yaml, line: $0.line) }
            diagnostics.report(.invalidYAML(reason: reason + (hint.map { "; hint: \($0)" } ?? "")), at: mark, keyPath: "")
            return ScenarioCheck(scenario: nil, problems: diagnostics.problems, warnings: [])
        } catch {
            diagnostics.report(.invalidYAML(reason: "\(error)"), at: nil, keyPath: "")
            return ScenarioCheck(scenario: nil, problems: diagnostics.problems, warnings: [])
        }
        guard let root else {
            diagnostics.report(
                .invalidValue(expected: "a scenario mapping", found: "an empty file"), at: nil, keyPath: "")
            return ScenarioCheck(scenario: nil, problems: diagnostics.problems, warnings: [])
        }
        let scenario = readScenario(root, diagnostics: diagnostics)
        return ScenarioCheck(
            scenario: diagnostics.problems.isEmpty ? scenario : nil, problems: diagnostics.problems,
            warnings: diagnostics.warnings.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
    }

    /// Reads and checks the file at `path` (see ``check(yaml:file:)``).
    /// - Throws: ``ScenarioError/unreadable(file:reason:)`` when the file cannot be read.
    public static func check(contentsOf path: String) throws -> ScenarioCheck {
        do {
            return check(yaml: try InputFile.text(at: path), file: path)
        } catch {
            throw ScenarioError.unreadable(file: path, reason: error.reason)
        }
    }

    private static func readScenario(_ root: Node, diagnostics: ScenarioDiagnostics) -> Scenario? {
        guard let top = YAMLMappingReader(root, keyPath: "", allowedKeys: topLevelKeys, diagnostics: diagnostics)
        else { return nil }
        let name = top.string("name")
        let horizon = top.integer("horizon_months", in: 1...1200)
        let paths = top.integer("paths", in: 1...100_000_000, required: false) ?? 10_000
        if paths < fewestPlausiblePaths { top.warn("paths", fewPathsReason) }
        let seed = top.integer("seed", in: 0...Int.max, required: false) ?? 1
        let discount =
            top.number(
                "discount_rate_annual", in: 0...1, required: false,
                expected: "an annual rate in [0, 1] (0.10 = 10%)") ?? 0
        let segments = readSegments(top)
        let (downturn, downturnOK) = DownturnReader.read(top, segmentCount: segments?.count ?? 0)
        let (customerSuccess, customerSuccessOK) = CustomerSuccessReader.read(top, segments: segments)
        let (staffing, staffingOK) = CustomerSuccessReader.readStaffing(top)
        guard let name, let horizon, let segments, downturnOK, customerSuccessOK, staffingOK else { return nil }
        return Scenario(
            name: name, horizonMonths: horizon, paths: paths, seed: UInt64(seed),
            discountRateAnnual: discount, segments: segments, downturn: downturn,
            baseDirectory: diagnostics.baseDirectory,
            customerSuccess: customerSuccess, staffing: staffing)
    }

    private static func readSegments(_ top: YAMLMappingReader) -> [Segment]? {
        guard let node = top.node("segments", required: true) else { return nil }
        guard case .sequence(let items) = node, !items.isEmpty else {
            top.diagnostics.report(
                .invalidValue(expected: "a non-empty list of segments", found: node.summary),
                at: node.mark, keyPath: "segments")
            return nil
        }
        var segments: [Segment] = []
        for (index, item) in items.enumerated() {
            let keyPath = "segments[\(index)]"
            guard let segment = SegmentReader.read(item, keyPath: keyPath, diagnostics: top.diagnostics)
            else { continue }
            if segments.contains(where: { $0.name == segment.name }) {
                top.diagnostics.report(
                    .invalidValue(expected: "a segment name not used before", found: "'\(segment.name)'"),
                    at: item.mapping?["name"]?.mark, keyPath: "\(keyPath).name")
            }
            segments.append(segment)
        }
        return segments.count == items.count ? segments : nil
    }
}

extension YamlError {
    /// The parser's mark (converted to 1-based line and column) and its message without the snippet.
    var locatedReason: (Mark?, String) {
        switch self {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return (mark, prefix + problem)
        default:
            return (nil, String(describing: self))
        }
    }
}

/// The outcome of checking a scenario: the scenario if valid, its problems and warnings.
public struct ScenarioCheck: Sendable, Equatable {
    /// The validated scenario, nil when there is any problem.
    public let scenario: Scenario?
    /// Errors, in file order.
    public let problems: [ScenarioProblem]
    /// Plausibility warnings (legal but unusual values), in line order.
    public let warnings: [ScenarioProblem]
}
