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

/// Any JSON value, decoded exactly.
enum JSONValue: Decodable {
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
