import Foundation
import RealModule
import Yams

/// Reads the optional top-level `customer_success` and `staffing` mappings.
enum CustomerSuccessReader {
    /// Keys of `customer_success`.
    static let keys = ["csm_cost_annual", "coverage", "effect"]
    /// Keys of `customer_success.effect`.
    static let effectKeys = ["hazard_ratio", "reference_accounts_per_csm", "from_fit", "covariate", "from_effect"]
    /// Most accounts one CSM may be given.
    static let maximumLoad = 1_000_000.0

    /// The CS section for `segments` (nil when absent); `ok` is false after a problem.
    /// Coverage must name every segment exactly once.
    static func read(_ top: YAMLMappingReader, segments: [Segment]?) -> (CustomerSuccess?, ok: Bool) {
        guard top.node("customer_success", required: false) != nil else { return (nil, true) }
        guard let section = top.mapping("customer_success", allowedKeys: keys) else { return (nil, false) }
        let cost = section.number(
            "csm_cost_annual", in: 0...Double.greatestFiniteMagnitude,
            expected: "a loaded annual cost of one CSM ≥ 0 (e.g. 140000)")
        let effect = readEffect(section)
        let coverage = readCoverage(section, segments: segments)
        guard let cost, let effect, let coverage else { return (nil, false) }
        if cost > 0, cost < 20_000 { section.warn("csm_cost_annual", "a loaded CSM cost below 20,000 a year is unusually low") }
        return (CustomerSuccess(csmCostAnnual: cost, coverage: coverage, effect: effect), true)
    }

    /// `staffing: { accounts_per_csm: { from, to, steps }, budget_annual, max_headcount }`
    /// (nil when absent; every key optional).
    static func readStaffing(_ top: YAMLMappingReader) -> (StaffingSettings?, ok: Bool) {
        guard top.node("staffing", required: false) != nil else { return (nil, true) }
        guard let section = top.mapping("staffing", allowedKeys: ["accounts_per_csm", "budget_annual", "max_headcount"])
        else { return (nil, false) }
        let budget = section.number(
            "budget_annual", in: 0...Double.greatestFiniteMagnitude, required: false,
            expected: "the most the whole CS team may cost a year (currency ≥ 0)")
        let headcount = section.integer("max_headcount", in: 0...10_000_000, required: false)
        let budgetOK = section.node("budget_annual", required: false) == nil || budget != nil
        let headcountOK = section.node("max_headcount", required: false) == nil || headcount != nil
        let cap = StaffingCap(budgetAnnual: budget, maxHeadcount: headcount)
        guard section.node("accounts_per_csm", required: false) != nil else {
            return (StaffingSettings(cap: cap), budgetOK && headcountOK)
        }
        guard let grid = section.mapping("accounts_per_csm", allowedKeys: ["from", "to", "steps"]) else { return (nil, false) }
        let from = grid.number("from", in: 1...maximumLoad, expected: "accounts per CSM ≥ 1")
        let to = grid.number("to", in: 1...maximumLoad, expected: "accounts per CSM ≥ 1")
        let steps = grid.integer("steps", in: 1...1000)
        guard let from, let to, let steps, budgetOK, headcountOK else { return (nil, false) }
        guard to >= from else {
            grid.diagnostics.report(
                .invalidValue(expected: "a value ≥ from (\(from))", found: "\(to)"),
                at: grid.mapping["to"]?.mark, keyPath: grid.path("to"))
            return (nil, false)
        }
        return (StaffingSettings(grid: StaffingGrid(from: from, to: to, steps: steps), cap: cap), true)
    }

    /// `effect: { hazard_ratio, reference_accounts_per_csm }`, or with `from_fit` and
    /// `covariate` an effect estimated by a Cox fit (see ``CoverageEffect``): a CSM-assigned
    /// covariate replaces `hazard_ratio`; an accounts-per-CSM covariate needs it as the level
    /// at the reference load.
    private static func readEffect(_ section: YAMLMappingReader) -> CoverageEffect? {
        guard let effect = section.mapping("effect", allowedKeys: effectKeys) else { return nil }
        let reference = effect.number(
            "reference_accounts_per_csm", in: 1...maximumLoad, expected: "accounts per CSM ≥ 1")
        if effect.node("from_effect", required: false) != nil {
            guard let estimate = readEffectEstimate(effect), let reference else { return nil }
            return CoverageEffect(
                hazardRatio: Double.exp(estimate.coefficient), referenceAccountsPerCSM: reference, estimate: estimate)
        }
        let estimate = readEstimate(effect)
        if estimate?.kind == .assigned {
            effect.warn(
                "from_fit",
                "the CSM hazard ratio of a Cox fit is unadjusted: CSMs are not assigned at random, so it mixes the CSM's effect "
                    + "with who gets one; churnsim effect estimates it by propensity weighting (use from_effect)")
        }
        let fromFit = effect.node("from_fit", required: false) != nil
        if fromFit, estimate == nil { return nil }
        if estimate?.kind == .assigned {
            if let node = effect.node("hazard_ratio", required: false) {
                effect.diagnostics.report(
                    .invalidValue(
                        expected: "no hazard_ratio: the CSM-assigned covariate of from_fit gives it",
                        found: node.summary),
                    at: node.mark, keyPath: effect.path("hazard_ratio"))
                return nil
            }
            guard let estimate, let reference else { return nil }
            return CoverageEffect(
                hazardRatio: Double.exp(estimate.coefficient), referenceAccountsPerCSM: reference, estimate: estimate)
        }
        let ratio = effect.number(
            "hazard_ratio", in: Double.leastNonzeroMagnitude...1,
            expected: "a hazard ratio in (0, 1] (0.75 = 25% lower churn hazard with a CSM)")
        guard let ratio, let reference else { return nil }
        return CoverageEffect(hazardRatio: ratio, referenceAccountsPerCSM: reference, estimate: estimate)
    }

    /// The Cox coefficient named by `covariate` in the fit file `from_fit` (relative to the
    /// scenario file); nil, without a report, when `from_fit` is absent.
    private static func readEstimate(_ effect: YAMLMappingReader) -> EstimatedCoverageEffect? {
        guard effect.node("from_fit", required: false) != nil else {
            if let node = effect.node("covariate", required: false) {
                effect.diagnostics.report(
                    .invalidValue(expected: "covariate only together with from_fit", found: node.summary),
                    at: node.mark, keyPath: effect.path("covariate"))
            }
            return nil
        }
        guard let file = effect.string("from_fit"), let covariate = effect.string("covariate") else { return nil }
        let path = resolved(file, relativeTo: effect.diagnostics.file)
        do {
            return try EstimatedCoverageEffect(fit: try FittedModelFile.load(path: path), file: file, covariate: covariate)
        } catch let error as CoverageEstimateError {
            effect.diagnostics.report(
                .invalidValue(expected: "a Cox fit with a coverage covariate", found: "\(file) \(error)"),
                at: effect.mapping["covariate"]?.mark, keyPath: effect.path("covariate"))
        } catch {
            effect.diagnostics.report(
                .invalidValue(expected: "a fit.yaml written by churnsim fit --model cox", found: "\(error)"),
                at: effect.mapping["from_fit"]?.mark, keyPath: effect.path("from_fit"))
        }
        return nil
    }

    /// The weighted hazard ratio of the `churnsim effect` output `from_effect` (relative to the
    /// scenario file); `from_fit`, `covariate` and `hazard_ratio` cannot come with it.
    private static func readEffectEstimate(_ effect: YAMLMappingReader) -> EstimatedCoverageEffect? {
        for key in ["from_fit", "covariate", "hazard_ratio"] {
            if let node = effect.node(key, required: false) {
                effect.diagnostics.report(
                    .invalidValue(expected: "no \(key): from_effect gives the CSM effect", found: node.summary),
                    at: node.mark, keyPath: effect.path(key))
                return nil
            }
        }
        guard let file = effect.string("from_effect") else { return nil }
        let path = resolved(file, relativeTo: effect.diagnostics.file)
        let mark = effect.mapping["from_effect"]?.mark
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let summary = try decoder.decode(EffectSummary.self, from: try InputFile.data(at: path))
            return try EstimatedCoverageEffect(effect: summary, file: file)
        } catch let error as CoverageEstimateError {
            effect.diagnostics.report(
                .invalidValue(expected: "a balanced effect with a hazard ratio below 1", found: "\(file) \(error)"),
                at: mark, keyPath: effect.path("from_effect"))
        } catch let error as InputFileError {
            effect.diagnostics.report(
                .invalidValue(expected: "an effect.json written by churnsim effect", found: "\(file): \(error.reason)"),
                at: mark, keyPath: effect.path("from_effect"))
        } catch {
            effect.diagnostics.report(
                .invalidValue(expected: "an effect.json written by churnsim effect", found: "\(file) is not one (\(error))"),
                at: mark, keyPath: effect.path("from_effect"))
        }
        return nil
    }

    /// `file` as given in the scenario `scenarioFile`: absolute, or relative to the scenario's folder.
    private static func resolved(_ file: String, relativeTo scenarioFile: String) -> String {
        let base = (scenarioFile as NSString).deletingLastPathComponent
        return file.hasPrefix("/") || base.isEmpty ? file : (base as NSString).appendingPathComponent(file)
    }

    /// `coverage: { <segment>: tech_touch | accounts per CSM }`, in segment order.
    private static func readCoverage(_ section: YAMLMappingReader, segments: [Segment]?) -> [Coverage]? {
        // Without valid segments there is nothing to check the coverage keys against.
        guard let segments else { return nil }
        let names = segments.map(\.name)
        guard let coverage = section.mapping("coverage", allowedKeys: names) else { return nil }
        var result: [Coverage] = []
        for segment in segments {
            guard let node = coverage.node(segment.name, required: true) else { continue }
            if node.scalar?.string == "tech_touch" {
                result.append(.techTouch)
            } else if let load = YAMLScalar.number(
                node, in: 1...maximumLoad, keyPath: coverage.path(segment.name),
                expected: "tech_touch or accounts per CSM ≥ 1", diagnostics: coverage.diagnostics)
            {
                result.append(.accountsPerCSM(load))
            }
        }
        let unknown = coverage.presentKeys.contains { !names.contains($0) }
        return result.count == segments.count && !unknown ? result : nil
    }
}
