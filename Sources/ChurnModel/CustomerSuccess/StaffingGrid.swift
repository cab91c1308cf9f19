import Foundation

/// The coverages a staffing sweep tries: accounts-per-CSM ratios (increasing, distinct, each
/// ≥ 1) and, optionally, tech-touch (no named CSM).
public struct StaffingGrid: Sendable, Equatable {
    /// Ratios tried, increasing and distinct.
    public var ratios: [Double]
    /// Whether tech-touch is tried too.
    public var includesTechTouch: Bool

    /// A grid of the given ratios (sorted, duplicates dropped; each ≥ 1).
    public init(ratios: [Double], includesTechTouch: Bool = true) {
        precondition(ratios.allSatisfy { $0 >= 1 && $0.isFinite } && (includesTechTouch || !ratios.isEmpty), "invalid staffing grid")
        self.ratios = Array(Set(ratios)).sorted()
        self.includesTechTouch = includesTechTouch
    }

    /// `steps` values evenly spaced from `from` to `to` (inclusive), rounded to whole accounts,
    /// duplicates dropped, and tech-touch.
    public init(from: Double, to: Double, steps: Int) {
        precondition(from >= 1 && to >= from && steps >= 1, "invalid staffing grid")
        guard steps > 1, to > from else {
            self.init(ratios: [from.rounded()])
            return
        }
        self.init(ratios: (0..<steps).map { (from + (to - from) * Double($0) / Double(steps - 1)).rounded() })
    }

    /// `from`, `from + step`, … up to `to` (inclusive when on the step), and tech-touch.
    public init(from: Double, to: Double, step: Double) {
        precondition(from >= 1 && to >= from && step > 0, "invalid staffing grid")
        let count = Int(((to - from) / step + 1e-9).rounded(.down))
        self.init(ratios: (0...count).map { from + Double($0) * step })
    }

    /// The grid of 10 to 200 accounts per CSM in 20 steps, used when a scenario has none.
    public static let standard = StaffingGrid(from: 10, to: 200, steps: 20)

    /// The coverages in sweep order: tech-touch first (when included), then the ratios.
    public var coverages: [Coverage] {
        (includesTechTouch ? [.techTouch] : []) + ratios.map(Coverage.accountsPerCSM)
    }
}

extension StaffingGrid {
    /// Parses `--ratios`: a comma-separated list of accounts per CSM (≥ 1) and optionally
    /// `tech-touch`, e.g. `50,100,150,tech-touch`. Tech-touch is tried only when listed.
    /// - Throws: ``StaffingGridError`` naming the item that is not a ratio.
    public init(list: String) throws(StaffingGridError) {
        var ratios: [Double] = []
        var techTouch = false
        for item in list.split(separator: ",", omittingEmptySubsequences: false) {
            let text = item.trimmingCharacters(in: .whitespaces)
            if text == "tech-touch" || text == "tech_touch" {
                techTouch = true
            } else if let value = Double(text), value >= 1, value <= 1_000_000 {
                ratios.append(value)
            } else {
                throw .invalidItem(text, in: list)
            }
        }
        self.init(ratios: ratios, includesTechTouch: techTouch)
    }

    /// Parses `--ratio-range FROM:TO:STEP`, e.g. `50:300:25` (tech-touch is tried too).
    /// - Throws: ``StaffingGridError/invalidRange(_:)``.
    public init(range: String) throws(StaffingGridError) {
        let parts = range.split(separator: ":", omittingEmptySubsequences: false).map {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 3, let from = parts[0], let to = parts[1], let step = parts[2], from >= 1, to >= from,
            to <= 1_000_000, step > 0, (to - from) / step <= 1000
        else { throw .invalidRange(range) }
        self.init(from: from, to: to, step: step)
    }
}

/// Why a `--ratios` or `--ratio-range` argument is not a staffing grid.
public enum StaffingGridError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An item of `--ratios` is neither a number ≥ 1 nor `tech-touch`.
    case invalidItem(String, in: String)
    /// `--ratio-range` is not FROM:TO:STEP with 1 ≤ FROM ≤ TO, STEP > 0 and at most 1,001 points.
    case invalidRange(String)

    /// What was expected, quoting the argument.
    public var description: String {
        switch self {
        case .invalidItem(let item, let list):
            "--ratios '\(list)': '\(item)' is not accounts per CSM ≥ 1 or tech-touch (e.g. 50,100,150,tech-touch)"
        case .invalidRange(let range):
            "--ratio-range '\(range)': expected FROM:TO:STEP with 1 ≤ FROM ≤ TO and STEP > 0, at most 1,001 ratios "
                + "(e.g. 50:300:25)"
        }
    }
}
