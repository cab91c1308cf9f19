import Yams

/// Reads the optional top-level `customer_success` and `staffing` mappings.
enum CustomerSuccessReader {
    /// Keys of `customer_success`.
    static let keys = ["csm_cost_annual", "coverage", "effect"]
    /// Keys of `customer_success.effect`.
    static let effectKeys = ["hazard_ratio", "reference_accounts_per_csm"]
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

    /// `staffing: { accounts_per_csm: { from, to, steps } }` (nil when absent).
    static func readStaffing(_ top: YAMLMappingReader) -> (StaffingGrid?, ok: Bool) {
        guard top.node("staffing", required: false) != nil else { return (nil, true) }
        guard let section = top.mapping("staffing", allowedKeys: ["accounts_per_csm"]),
            let grid = section.mapping("accounts_per_csm", allowedKeys: ["from", "to", "steps"])
        else { return (nil, false) }
        let from = grid.number("from", in: 1...maximumLoad, expected: "accounts per CSM ≥ 1")
        let to = grid.number("to", in: 1...maximumLoad, expected: "accounts per CSM ≥ 1")
        let steps = grid.integer("steps", in: 1...1000)
        guard let from, let to, let steps else { return (nil, false) }
        guard to >= from else {
            grid.diagnostics.report(
                .invalidValue(expected: "a value ≥ from (\(from))", found: "\(to)"),
                at: grid.mapping["to"]?.mark, keyPath: grid.path("to"))
            return (nil, false)
        }
        return (StaffingGrid(from: from, to: to, steps: steps), true)
    }

    private static func readEffect(_ section: YAMLMappingReader) -> CoverageEffect? {
        guard let effect = section.mapping("effect", allowedKeys: effectKeys) else { return nil }
        let ratio = effect.number(
            "hazard_ratio", in: Double.leastNonzeroMagnitude...1,
            expected: "a hazard ratio in (0, 1] (0.75 = 25% lower churn hazard with a CSM)")
        let reference = effect.number(
            "reference_accounts_per_csm", in: 1...maximumLoad, expected: "accounts per CSM ≥ 1")
        guard let ratio, let reference else { return nil }
        return CoverageEffect(hazardRatio: ratio, referenceAccountsPerCSM: reference)
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
