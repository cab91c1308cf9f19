import Foundation
import Yams

/// Reads a `fit.yaml` or `fit.json` written by `churnsim fit` and turns it into the
/// ``SurvivalModel`` the simulator samples lifetimes from.
public enum FittedModelFile {
    /// Decodes the fit at `path` (YAML or JSON by content; YAML is a superset of JSON).
    ///
    /// The YAML is read into an exact JSON value tree and decoded with snake_case keys, so
    /// numbers keep every digit written.
    /// - Throws: ``FittedModelError/cannotOpen(file:reason:)`` or ``FittedModelError/unreadable(file:reason:)``.
    public static func load(path: String) throws -> FitSummary {
        let text: String
        do {
            text = try InputFile.text(at: path)
        } catch {
            throw FittedModelError.cannotOpen(file: path, reason: error.reason)
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { throw FittedModelError.invalidCurve(reason: "empty file") }
            let json = try JSONEncoder().encode(try JSONValue(node: node))
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(FitSummary.self, from: json)
        } catch {
            throw FittedModelError.unreadable(file: path, reason: "\(error)")
        }
    }
}

extension FitSummary {
    /// The lifetime model for one customer profile.
    /// - Parameters:
    ///   - covariates: values by model column name (`age`, `plan=Pro`); every coefficient's
    ///     column must be given for Cox and parametric models.
    ///   - stratum: the Cox/KM/NA stratum, required when the fit has several.
    ///   - file: the fit's path, for messages.
    /// - Throws: ``FittedModelError`` naming missing or unknown covariates or strata.
    public func survivalModel(covariates: [String: Double], stratum: String?, file: String) throws -> any SurvivalModel {
        switch model {
        case "sbg":
            let alpha = coefficients.first { $0.name == "alpha" }?.estimate ?? .nan
            let beta = coefficients.first { $0.name == "beta" }?.estimate ?? .nan
            return try ShiftedBetaGeometric(alpha: alpha, beta: beta)
        case "cox":
            let (linear, _) = try linearPredictor(covariates, names: coefficients.map(\.name), file: file)
            return try coxBaseline(stratum: stratum, file: file, relativeRisk: Double.exp(linear))
        case "kaplan_meier", "nelson_aalen":
            try linearPredictor(covariates, names: [], file: file)
            let rows = try rows(of: table ?? [], stratum: stratum, file: file, stratumOf: \.stratum)
            let eventRows = rows.filter { $0.events > 0 }
            let hazards = eventRows.map { $0.cumulativeHazard ?? -Double.log($0.survival ?? 1) }
            return try StepCumulativeHazard(times: eventRows.map(\.time), cumulativeHazards: hazards)
        default:
            guard let family = ParametricFamily.allCases.first(where: { $0.identifier == model }) else {
                throw FittedModelError.unreadable(file: file, reason: "unknown model '\(model)'")
            }
            let slopes = coefficients.filter { $0.name != "(Intercept)" && $0.name != "Log(scale)" }
            let (linear, _) = try linearPredictor(covariates, names: slopes.map(\.name), file: file)
            let intercept = coefficients.first { $0.name == "(Intercept)" }?.estimate ?? 0
            return ParametricSurvivalModel(family: family, linearPredictor: intercept + linear, scale: scale ?? 1)
        }
    }

    /// The Cox baseline cumulative hazard of `stratum` (covariates all 0), multiplied by
    /// `relativeRisk`.
    /// - Throws: ``FittedModelError`` for an unknown stratum or an unusable curve.
    func coxBaseline(stratum: String?, file: String, relativeRisk: Double = 1) throws -> StepCumulativeHazard {
        let rows = try rows(of: baseline ?? [], stratum: stratum, file: file, stratumOf: \.stratum)
        return try StepCumulativeHazard(
            times: rows.map(\.time), cumulativeHazards: rows.map(\.cumulativeHazard), relativeRisk: relativeRisk)
    }

    /// xᵀβ over `names`, checking that the given covariates are exactly those.
    @discardableResult
    private func linearPredictor(_ covariates: [String: Double], names: [String], file: String) throws -> (Double, Int) {
        let missing = names.filter { covariates[$0] == nil }
        guard missing.isEmpty else { throw FittedModelError.missingCovariates(file: file, names: missing) }
        let unknown = covariates.keys.filter { !names.contains($0) }.sorted()
        guard unknown.isEmpty else { throw FittedModelError.unknownCovariates(file: file, names: unknown, known: names) }
        let estimates = Dictionary(uniqueKeysWithValues: coefficients.map { ($0.name, $0.estimate) })
        return (names.reduce(0) { $0 + (estimates[$1] ?? 0) * (covariates[$1] ?? 0) }, names.count)
    }

    private func rows<Row>(of rows: [Row], stratum: String?, file: String, stratumOf: KeyPath<Row, String?>) throws -> [Row] {
        let strata = Array(Set(rows.compactMap { $0[keyPath: stratumOf] })).sorted()
        guard !strata.isEmpty else { return rows }
        guard let stratum, strata.contains(stratum) else {
            throw FittedModelError.unknownStratum(file: file, stratum: stratum ?? "(none given)", known: strata)
        }
        return rows.filter { $0[keyPath: stratumOf] == stratum }
    }
}
