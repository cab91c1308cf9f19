import RealModule
import Testing
@testable import ChurnModel

/// `HazardYears` against an independent solution: bisection on the tenure τ of the multiplied
/// cumulative hazard Σ_y m_y·(H(min(τ, end_y)) − H(start_y))⁺ (plain hazard after the last
/// year), which shares no code with the table's year scan.
@Suite("Hazard tabulated by downturn year")
struct HazardYearsTests {
    /// A tenure-piecewise monthly churn (5%, then 3%, then 1.5%) as the simulator holds it.
    private static let hazard = PathHazard.model(
        PiecewiseConstantHazard(pieces: [(until: 3, probability: 0.05), (until: 15, probability: 0.03), (until: nil, probability: 0.015)]),
        monthsPerUnit: 1, hazardRatio: 0.8)

    /// Multiplied cumulative hazard from `start` to `start + τ`.
    private static func multiplied(_ tau: Double, multipliers: [Double], start: Double) -> Double {
        var total = 0.0
        for (year, multiplier) in multipliers.enumerated() {
            let from = start + Double(12 * year), to = min(start + tau, start + Double(12 * (year + 1)))
            if to > from { total += multiplier * (hazard.cumulativeHazard(atMonths: to) - hazard.cumulativeHazard(atMonths: from)) }
        }
        let tail = start + Double(12 * multipliers.count)
        if start + tau > tail { total += hazard.cumulativeHazard(atMonths: start + tau) - hazard.cumulativeHazard(atMonths: tail) }
        return total
    }

    private static func bisected(_ target: Double, multipliers: [Double], start: Double) -> Double {
        var low = 0.0, high = 1_000.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if multiplied(middle, multipliers: multipliers, start: start) >= target { high = middle } else { low = middle }
        }
        return start + high
    }

    /// Targets crossed in a boom year, a quiet year (multiplier 0), a downturn year and after
    /// the last year, for a new customer and for one already 7 months in.
    @Test(arguments: [0.0, 7.0])
    func tenureMatchesBisection(start: Double) {
        let multipliers = [1.0, 0.0, 2.5, 1.4]
        let years = HazardYears(hazard: Self.hazard, yearMultipliers: multipliers, from: start)
        for target in [0.01, 0.2, 0.35, 0.9, 1.6, 3.0] {
            let expected = Self.bisected(target, multipliers: multipliers, start: start)
            let tenure = years.tenure(reaching: target)
            #expect(abs(tenure - expected) <= 1e-9 * expected, "target \(target): \(tenure) vs \(expected)")
        }
    }

    /// Without multipliers the table is the hazard's own inverse.
    @Test func noYearsIsThePlainInverse() {
        let years = HazardYears(hazard: Self.hazard, yearMultipliers: [])
        for target in [0.05, 0.5, 2.0] {
            #expect(years.tenure(reaching: target) == Self.hazard.months(reaching: target, from: 0))
        }
    }
}
