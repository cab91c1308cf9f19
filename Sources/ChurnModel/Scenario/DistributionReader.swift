import Yams

/// Reads a ``ValueDistribution``: a number, `{fixed: x}`, `{lognormal: {median, sigma}}`,
/// `{triangular: [min, mode, max]}` or `{empirical: {file, column}}`, with every possible
/// value inside a given range.
enum DistributionReader {
    static let kinds = ["fixed", "lognormal", "triangular", "empirical"]

    /// An amount of money: > 0 when `positive`, otherwise ≥ 0.
    static func read(_ parent: YAMLMappingReader, key: String, positive: Bool) -> ValueDistribution? {
        read(
            parent, key: key, in: (positive ? Double.leastNonzeroMagnitude : 0)...Double.greatestFiniteMagnitude,
            expected: positive ? "a positive amount" : "an amount ≥ 0")
    }

    /// A distribution whose values all lie in `range` (a log-normal only when the range is
    /// unbounded above); `expected` describes a single valid value.
    static func read(
        _ parent: YAMLMappingReader, key: String, in range: ClosedRange<Double>, expected: String
    ) -> ValueDistribution? {
        guard let node = parent.node(key, required: true) else { return nil }
        let keyPath = parent.path(key)
        let diagnostics = parent.diagnostics
        if case .scalar = node {
            return YAMLScalar.number(node, in: range, keyPath: keyPath, expected: expected, diagnostics: diagnostics)
                .map(ValueDistribution.fixed)
        }
        let unbounded = range.upperBound == Double.greatestFiniteMagnitude
        let allowed = unbounded ? kinds : kinds.filter { $0 != "lognormal" }
        guard let reader = YAMLMappingReader(node, keyPath: keyPath, allowedKeys: allowed, diagnostics: diagnostics)
        else { return nil }
        guard reader.presentKeys.count == 1, let kind = reader.presentKeys.first, allowed.contains(kind) else {
            diagnostics.report(
                .invalidValue(expected: "a number or exactly one of \(allowed.joined(separator: ", "))",
                              found: "\(reader.presentKeys)"),
                at: node.mark, keyPath: keyPath)
            return nil
        }
        switch kind {
        case "fixed":
            return reader.number("fixed", in: range, expected: expected).map(ValueDistribution.fixed)
        case "lognormal":
            guard let parameters = reader.mapping("lognormal", allowedKeys: ["median", "sigma"]) else { return nil }
            let median = parameters.number("median", in: range, expected: "a positive median")
            let sigma = parameters.number("sigma", in: 0...10, expected: "a log standard deviation in [0, 10]")
            guard let median, let sigma else { return nil }
            return .lognormal(median: median, sigma: sigma)
        case "empirical":
            return readEmpirical(reader, in: range, expected: expected)
        default:
            return readTriangular(reader, in: range, expected: expected)
        }
    }

    /// `empirical: { file, column }`: every cell of the column must be a number in `range`;
    /// a bad cell is reported with its file, row and column.
    private static func readEmpirical(
        _ reader: YAMLMappingReader, in range: ClosedRange<Double>, expected: String
    ) -> ValueDistribution? {
        guard let source = reader.mapping("empirical", allowedKeys: ["file", "column"]) else { return nil }
        let file = source.string("file")
        let column = source.string("column")
        guard let file, let column else { return nil }
        let diagnostics = reader.diagnostics
        return diagnostics.readingData(at: source.mapping.mark, keyPath: source.keyPath) {
            let csv = try CSVColumns.read(path: diagnostics.resolve(file), columns: [(column, .numbers)], delimiter: .auto)
            let values = try CellReader(csv: csv)
                .numbers(column, expected: expected, where: range.contains)
            return .empirical(EmpiricalDistribution(file: file, column: column, values: values))
        }
    }

    private static func readTriangular(
        _ reader: YAMLMappingReader, in range: ClosedRange<Double>, expected: String
    ) -> ValueDistribution? {
        guard let node = reader.node("triangular", required: true) else { return nil }
        let keyPath = reader.path("triangular")
        let shape = "a list [minimum, mode, maximum] with minimum ≤ mode ≤ maximum, each \(expected)"
        guard case .sequence(let items) = node, items.count == 3 else {
            reader.diagnostics.report(.invalidValue(expected: shape, found: node.summary), at: node.mark, keyPath: keyPath)
            return nil
        }
        let values = items.enumerated().compactMap { index, item in
            YAMLScalar.number(
                item, in: range, keyPath: "\(keyPath)[\(index)]", expected: expected, diagnostics: reader.diagnostics)
        }
        guard values.count == 3 else { return nil }
        guard values[0] <= values[1], values[1] <= values[2] else {
            reader.diagnostics.report(
                .invalidValue(expected: shape, found: "\(values)"), at: node.mark, keyPath: keyPath)
            return nil
        }
        return .triangular(minimum: values[0], mode: values[1], maximum: values[2])
    }
}
