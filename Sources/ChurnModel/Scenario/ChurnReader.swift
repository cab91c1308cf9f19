import Yams

/// Reads a segment's `churn` mapping into a ``ChurnSpecification``.
enum ChurnReader {
    static let forms = ["monthly_rate", "annual_rate", "piecewise", "model", "sbg"]
    static let modelKeys = ["model", "covariates", "stratum", "time_unit", "parameter_uncertainty"]

    /// The churn specification under `churn`, or nil after reporting its problems.
    static func read(_ segment: YAMLMappingReader) -> ChurnSpecification? {
        guard let node = segment.node("churn", required: true) else { return nil }
        let keyPath = segment.path("churn")
        let allowed = node.mapping?["model"] != nil ? modelKeys : forms
        guard let churn = YAMLMappingReader(node, keyPath: keyPath, allowedKeys: allowed, diagnostics: segment.diagnostics)
        else { return nil }
        let present = churn.presentKeys.filter(forms.contains)
        guard present.count == 1, let form = present.first else {
            segment.diagnostics.report(
                .invalidValue(expected: "exactly one of \(forms.joined(separator: ", "))", found: "\(churn.presentKeys)"),
                at: node.mark, keyPath: keyPath)
            return nil
        }
        switch form {
        case "monthly_rate":
            return DistributionReader.read(churn, key: "monthly_rate", in: 0...1, expected: "a probability in [0, 1]")
                .map { .rate($0, per: .month) }
        case "annual_rate":
            return DistributionReader.read(churn, key: "annual_rate", in: 0...1, expected: "a probability in [0, 1]")
                .map { .rate($0, per: .year) }
        case "piecewise":
            return readPieces(churn).map(ChurnSpecification.piecewise)
        case "sbg":
            guard let sbg = churn.mapping("sbg", allowedKeys: ["alpha", "beta"]) else { return nil }
            let positive = Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude
            let alpha = sbg.number("alpha", in: positive, expected: "a positive shape α")
            let beta = sbg.number("beta", in: positive, expected: "a positive shape β")
            guard let alpha, let beta else { return nil }
            return .shiftedBetaGeometric(alpha: alpha, beta: beta)
        default:
            return readModel(churn)
        }
    }

    private static func readPieces(_ churn: YAMLMappingReader) -> [TenurePiece]? {
        guard let node = churn.node("piecewise", required: true) else { return nil }
        let keyPath = churn.path("piecewise")
        guard case .sequence(let items) = node, !items.isEmpty else {
            churn.diagnostics.report(
                .invalidValue(expected: "a list of { until_month, monthly_rate } pieces", found: node.summary),
                at: node.mark, keyPath: keyPath)
            return nil
        }
        var pieces: [TenurePiece] = []
        for (index, item) in items.enumerated() {
            let isLast = index == items.count - 1
            guard let piece = YAMLMappingReader(
                item, keyPath: "\(keyPath)[\(index)]", allowedKeys: ["until_month", "monthly_rate"], diagnostics: churn.diagnostics)
            else { continue }
            let until = isLast ? nil : piece.integer("until_month", in: (pieces.last?.untilMonth ?? 0) + 1...1200)
            if isLast, piece.node("until_month", required: false) != nil {
                piece.diagnostics.report(
                    .invalidValue(expected: "no until_month on the last piece (it applies forever)", found: "until_month"),
                    at: item.mapping?["until_month"]?.mark, keyPath: piece.path("until_month"))
            }
            guard let rate = piece.number("monthly_rate", in: 0...1, expected: "a probability in [0, 1]"),
                isLast || until != nil
            else { continue }
            pieces.append(TenurePiece(untilMonth: until, monthlyRate: rate))
        }
        return pieces.count == items.count ? pieces : nil
    }

    private static func readModel(_ churn: YAMLMappingReader) -> ChurnSpecification? {
        let file = churn.string("model")
        let stratum = churn.string("stratum", required: false)
        let unit = churn.string("time_unit", required: false) ?? "months"
        guard let monthsPerUnit = TimeUnit(rawValue: unit)?.months else {
            churn.diagnostics.report(
                .invalidValue(
                    expected: "one of \(TimeUnit.allCases.map(\.rawValue).joined(separator: ", "))", found: "'\(unit)'"),
                at: churn.mapping["time_unit"]?.mark, keyPath: churn.path("time_unit"))
            return nil
        }
        var covariates: [String: Double] = [:]
        if let node = churn.node("covariates", required: false) {
            guard case .mapping(let mapping) = node else {
                churn.diagnostics.report(
                    .invalidValue(expected: "a mapping of covariate name to value", found: node.summary),
                    at: node.mark, keyPath: churn.path("covariates"))
                return nil
            }
            for (key, value) in mapping {
                let name = key.string ?? ""
                if let number = YAMLScalar.number(
                    value, in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
                    keyPath: churn.path("covariates.\(name)"), expected: "a number", diagnostics: churn.diagnostics)
                {
                    covariates[name] = number
                }
            }
        }
        guard let file, let uncertain = readParameterUncertainty(churn, file: file) else { return nil }
        return .fitted(
            FittedChurnModel(
                file: file, covariates: covariates, stratum: stratum, monthsPerUnit: monthsPerUnit,
                parameterUncertainty: uncertain))
    }

    /// The `parameter_uncertainty` flag (false when absent), or nil after reporting a value
    /// that is not true/false or, when true, a fit file whose coefficients cannot be drawn
    /// (no covariance, not Cox or parametric, not positive definite).
    private static func readParameterUncertainty(_ churn: YAMLMappingReader, file: String) -> Bool? {
        let key = "parameter_uncertainty"
        guard let node = churn.node(key, required: false) else { return false }
        guard let flag = node.scalar.flatMap({ ["true": true, "false": false][$0.string.lowercased()] }) else {
            churn.diagnostics.report(
                .invalidValue(expected: "true or false", found: node.summary), at: node.mark, keyPath: churn.path(key))
            return nil
        }
        guard flag else { return false }
        do {
            let path = churn.diagnostics.resolve(file)
            _ = try CoefficientUncertainty(try FittedModelFile.load(path: path), file: path)
        } catch {
            churn.diagnostics.report(
                .invalidValue(expected: "a Cox or parametric fit file with a positive-definite covariance", found: "\(error)"),
                at: node.mark, keyPath: churn.path(key))
            return nil
        }
        return true
    }
}
