/// The accounts-per-CSM ratios a staffing sweep tries: `steps` values evenly spaced from
/// `from` to `to` (inclusive), rounded to whole accounts, duplicates dropped.
public struct StaffingGrid: Sendable, Equatable {
    /// Lightest load tried (accounts per CSM, ≥ 1).
    public var from: Double
    /// Heaviest load tried (≥ `from`).
    public var to: Double
    /// Number of grid points (≥ 2, or 1 when `from == to`).
    public var steps: Int

    /// Creates a grid.
    public init(from: Double, to: Double, steps: Int) {
        precondition(from >= 1 && to >= from && steps >= 1, "invalid staffing grid")
        self.from = from
        self.to = to
        self.steps = steps
    }

    /// The grid of 10 to 200 accounts per CSM in 20 steps, used when a scenario has none.
    public static let standard = StaffingGrid(from: 10, to: 200, steps: 20)

    /// The ratios, increasing.
    public var ratios: [Double] {
        guard steps > 1, to > from else { return [from.rounded()] }
        var result: [Double] = []
        for index in 0..<steps {
            let value = (from + (to - from) * Double(index) / Double(steps - 1)).rounded()
            if result.last != value { result.append(value) }
        }
        return result
    }
}
