import Foundation
import Yams

/// YAML text of JSON-encodable values, with the same snake_case keys as the JSON and
/// numbers at full (round-trip) precision.
///
/// Yams' own number representation keeps 15 significant digits for `Double`, and
/// Foundation's `JSONSerialization` on Linux parses numbers through `Decimal`, losing the
/// last digits; a model file must keep them all. So the JSON is decoded into ``JSONValue``
/// with `JSONDecoder` (exact `Double` parsing) and every number is written in Swift's
/// shortest round-trip form.
enum YAMLRendering {
    /// Renders the JSON text `json` as block-style YAML with sorted keys.
    static func yaml(fromJSON json: Data) throws -> String {
        try Yams.serialize(node: node(try JSONDecoder().decode(JSONValue.self, from: json)))
    }

    private static func node(_ value: JSONValue) -> Node {
        switch value {
        case .object(let dictionary):
            return .mapping(Node.Mapping(dictionary.keys.sorted().map { (Node($0), node(dictionary[$0] ?? .null)) }))
        case .array(let array):
            return .sequence(Node.Sequence(array.map(node)))
        case .string(let string):
            let plainIsString = Resolver.default.resolveTag(of: Node(string)) == .str
            return Node(string, Tag(.str), plainIsString ? .any : .singleQuoted)
        case .number(let double):
            if double == double.rounded(), abs(double) < 9.0e15 { return Node(String(Int64(double)), Tag(.int)) }
            return Node("\(double)", Tag(.float))
        case .bool(let flag):
            return Node(flag ? "true" : "false", Tag(.bool))
        case .null:
            return Node("null", Tag(.null))
        }
    }
}

/// Any JSON value, decoded exactly; also built from a YAML node to read YAML through
/// `JSONDecoder` with its key strategies.
enum JSONValue: Codable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

extension JSONValue {
    /// Encodes the value as the JSON it stands for.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .object(let dictionary): try container.encode(dictionary)
        case .array(let array): try container.encode(array)
        case .string(let string): try container.encode(string)
        case .number(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .null: try container.encodeNil()
        }
    }

    /// The JSON value of a YAML node: scalars by their resolved tag (null, bool, int,
    /// float — parsed exactly by `Double(_:)` — or string).
    init(node: Node) throws {
        switch node {
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping { object[key.string ?? ""] = try JSONValue(node: value) }
            self = .object(object)
        case .sequence(let sequence):
            self = .array(try sequence.map { try JSONValue(node: $0) })
        case .scalar(let scalar):
            switch Resolver.default.resolveTag(of: node) {
            case .null: self = .null
            case .bool: self = .bool(node.bool ?? false)
            case .int, .float:
                let text = scalar.string.lowercased()
                let special: [String: Double] = [".inf": .infinity, "-.inf": -.infinity, "+.inf": .infinity]
                self = .number(special[text] ?? Double(scalar.string) ?? Double(node.int ?? 0))
            default: self = .string(scalar.string)
            }
        case .alias:
            throw FittedModelError.invalidCurve(reason: "YAML aliases are not supported in fit files")
        }
    }
}
