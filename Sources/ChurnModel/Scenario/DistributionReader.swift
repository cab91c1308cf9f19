import Yams

/// Reads a ``ValueDistribution``: a number, `{fixed: x}`, `{lognormal: {median, sigma}}`
/// or `{triangular: [min, mode, max]}`.
enum DistributionReader {
    static let kinds = ["fixed", "lognormal", "triangular"]

    /// The distribution under `key`; `positive` requires values > 0, otherwise ≥ 0.
    static func read(_ parent: YAMLMappingReader, key: String, positive: Bool) -> ValueDistribution? {
        guard let node = parent.node(key, required: true) else { return nil }
        let keyPath = parent.path(key)
        let diagnostics = parent.diagnostics
        let bound = positive ? Double.leastNonzeroMagnitude : 0
        let valueRange = bound...Double.greatestFiniteMagnitude
        let expectedValue = positive ? "a positive amount" : "an amount ≥ 0"
        if case .scalar = node {
            return YAMLScalar.number(
                node, in: valueRange, keyPath: keyPath, expected: expectedValue, diagnostics: diagnostics
            ).map(ValueDistribution.fixed)
        }
        guard let reader = YAMLMappingReader(node, keyPath: keyPath, allowedKeys: kinds, diagnostics: diagnostics)
        else { return nil }
        guard reader.presentKeys.count == 1, let kind = reader.presentKeys.first, kinds.contains(kind) else {
            diagnostics.report(
                .invalidValue(expected: "a number or exactly one of \(kinds.joined(separator: ", "))",
                              found: "\(reader.presentKeys)"),
                at: node.mark, keyPath: keyPath)
            return nil
        }
        switch kind {
        case "fixed":
            return reader.number("fixed", in: valueRange, expected: expectedValue).map(ValueDistribution.fixed)
        case "lognormal":
            guard let parameters = reader.mapping("lognormal", allowedKeys: ["median", "sigma"]) else { return nil }
            let median = parameters.number("median", in: valueRange, expected: "a positive median")
            let sigma = parameters.number("sigma", in: 0...10, expected: "a log standard deviation in [0, 10]")
            guard let median, let sigma else { return nil }
            return .lognormal(median: median, sigma: sigma)
        default:
            return readTriangular(reader, bound: bound)
        }
    }

    private static func readTriangular(_ reader: YAMLMappingReader, bound: Double) -> ValueDistribution? {
        guard let node = reader.node("triangular", required: true) else { return nil }
        let keyPath = reader.path("triangular")
        let expected = "a list [minimum, mode, maximum] with minimum ≤ mode ≤ maximum, minimum ≥ \(bound == 0 ? "0" : "a positive value")"
        guard case .sequence(let items) = node, items.count == 3 else {
            reader.diagnostics.report(.invalidValue(expected: expected, found: node.summary), at: node.mark, keyPath: keyPath)
            return nil
        }
        let values = items.enumerated().compactMap { index, item in
            YAMLScalar.number(
                item, in: 0...Double.greatestFiniteMagnitude, keyPath: "\(keyPath)[\(index)]",
                expected: "a number ≥ 0", diagnostics: reader.diagnostics)
        }
        guard values.count == 3 else { return nil }
        guard values[0] <= values[1], values[1] <= values[2], values[0] >= bound, values[2] > 0 else {
            reader.diagnostics.report(
                .invalidValue(expected: expected, found: "\(values)"), at: node.mark, keyPath: keyPath)
            return nil
        }
        return .triangular(minimum: values[0], mode: values[1], maximum: values[2])
    }
}
