import Yams

/// Reads a segment's optional revenue-dynamics and new-business keys.
enum RevenueReader {
    /// `expansion`, `contraction`, `price_uplift_at_renewal`, `cost_to_serve_monthly`.
    static func readDynamics(_ segment: YAMLMappingReader) -> RevenueDynamics? {
        var failed = false
        func annual(_ key: String) -> ValueDistribution {
            guard segment.node(key, required: false) != nil else { return .fixed(0) }
            guard let mapping = segment.mapping(key, allowedKeys: ["annual_rate"]),
                let rate = DistributionReader.read(mapping, key: "annual_rate", in: 0...1, expected: "an annual rate in [0, 1]")
            else { failed = true; return .fixed(0) }
            return rate
        }
        func optional(_ key: String, in range: ClosedRange<Double>, expected: String) -> ValueDistribution {
            guard segment.node(key, required: false) != nil else { return .fixed(0) }
            guard let value = DistributionReader.read(segment, key: key, in: range, expected: expected) else {
                failed = true
                return .fixed(0)
            }
            return value
        }
        let dynamics = RevenueDynamics(
            expansionAnnual: annual("expansion"), contractionAnnual: annual("contraction"),
            priceUpliftAtRenewal: optional("price_uplift_at_renewal", in: 0...1, expected: "a price increase in [0, 1]"),
            costToServeMonthly: optional(
                "cost_to_serve_monthly", in: 0...Double.greatestFiniteMagnitude, expected: "an amount ≥ 0 per month"))
        return failed ? nil : dynamics
    }

    /// `new_logos: { per_month: n }`, or nil (and no problem) when absent.
    static func readNewBusiness(_ segment: YAMLMappingReader) -> (NewBusiness?, ok: Bool) {
        guard segment.node("new_logos", required: false) != nil else { return (nil, true) }
        guard let mapping = segment.mapping("new_logos", allowedKeys: ["per_month"]),
            let rate = DistributionReader.read(
                mapping, key: "per_month", in: 0...Double.greatestFiniteMagnitude, expected: "a number of customers ≥ 0")
        else { return (nil, false) }
        return (NewBusiness(perMonth: rate), true)
    }
}

/// Reads the optional top-level `downturn` mapping.
enum DownturnReader {
    /// The downturn for `segmentCount` segments, nil when absent; `ok` is false after a problem.
    static func read(_ top: YAMLMappingReader, segmentCount: Int) -> (Downturn?, ok: Bool) {
        guard top.node("downturn", required: false) != nil else { return (nil, true) }
        guard let downturn = top.mapping(
            "downturn", allowedKeys: ["annual_probability", "hazard_multiplier", "correlation"])
        else { return (nil, false) }
        let probability = downturn.number("annual_probability", in: 0...1, expected: "a probability in [0, 1]")
        let multiplier = DistributionReader.read(
            downturn, key: "hazard_multiplier", in: 0...Double.greatestFiniteMagnitude, expected: "a hazard factor ≥ 0")
        let correlation = readCorrelation(downturn, count: segmentCount)
        guard let probability, let multiplier, let correlation else { return (nil, false) }
        return (Downturn(annualProbability: probability, hazardMultiplier: multiplier, correlation: correlation), true)
    }

    /// One number (every pair) or a full symmetric matrix with unit diagonal that is
    /// positive semi-definite (checked by its eigenvalues); identity when absent.
    private static func readCorrelation(_ downturn: YAMLMappingReader, count: Int) -> [[Double]]? {
        let identity = (0..<count).map { i in (0..<count).map { j in i == j ? 1.0 : 0.0 } }
        guard let node = downturn.node("correlation", required: false) else { return identity }
        let keyPath = downturn.path("correlation")
        let expected = "a correlation in [-1, 1] or a \(count)×\(count) symmetric matrix with 1 on the diagonal"
        var matrix: [[Double]]
        switch node {
        case .scalar:
            guard let rho = YAMLScalar.number(node, in: -1...1, keyPath: keyPath, expected: expected, diagnostics: downturn.diagnostics)
            else { return nil }
            matrix = (0..<count).map { i in (0..<count).map { j in i == j ? 1.0 : rho } }
        case .sequence(let rows) where rows.count == count:
            matrix = rows.enumerated().map { i, row in
                (row.sequence.map(Array.init) ?? []).enumerated().compactMap { j, cell in
                    YAMLScalar.number(cell, in: -1...1, keyPath: "\(keyPath)[\(i)][\(j)]", expected: "a correlation in [-1, 1]",
                                      diagnostics: downturn.diagnostics)
                }
            }
        default:
            downturn.diagnostics.report(.invalidValue(expected: expected, found: node.summary), at: node.mark, keyPath: keyPath)
            return nil
        }
        let square = matrix.allSatisfy { $0.count == count }
        let symmetric = square && (0..<count).allSatisfy { i in
            matrix[i][i] == 1 && (0..<count).allSatisfy { j in matrix[i][j] == matrix[j][i] }
        }
        let smallest = symmetric && count > 0
            ? (try? Matrix(rowMajor: matrix).symmetricEigen().eigenvalues.first) ?? -1 : 0
        guard symmetric, smallest >= -1e-10 else {
            downturn.diagnostics.report(
                .invalidValue(expected: expected + ", positive semi-definite",
                              found: symmetric ? "a matrix with smallest eigenvalue \(smallest)" : "\(matrix)"),
                at: node.mark, keyPath: keyPath)
            return nil
        }
        return matrix
    }
}
