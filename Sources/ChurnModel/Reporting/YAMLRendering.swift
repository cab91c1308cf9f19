import Foundation
import Yams

/// YAML text of JSON-encodable values, with the same snake_case keys as the JSON and
/// numbers at full (round-trip) precision.
///
/// Yams' own number representation keeps 15 significant digits for `Double` and 7 for
/// `NSNumber`, which would lose digits a model file must keep; here every number is
/// written with Swift's shortest round-trip form.
enum YAMLRendering {
    /// Renders the JSON text `json` as block-style YAML with sorted keys.
    static func yaml(fromJSON json: Data) throws -> String {
        try Yams.serialize(node: node(try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])))
    }

    private static func node(_ value: Any) -> Node {
        switch value {
        case let dictionary as [String: Any]:
            return .mapping(Node.Mapping(dictionary.keys.sorted().map { (Node($0), node(dictionary[$0] ?? NSNull())) }))
        case let array as [Any]:
            return .sequence(Node.Sequence(array.map(node)))
        case let string as String:
            let plainIsString = Resolver.default.resolveTag(of: Node(string)) == .str
            return Node(string, Tag(.str), plainIsString ? .any : .singleQuoted)
        case let number as NSNumber:
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 9.0e15 { return Node(String(Int64(double)), Tag(.int)) }
            return Node("\(double)", Tag(.float))
        default:
            return Node("null", Tag(.null))
        }
    }
}
