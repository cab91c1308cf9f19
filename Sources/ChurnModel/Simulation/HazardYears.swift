/// A path's hazard with the downturn multiplier of each calendar year, tabulated for customers
/// at a given tenure now: where each year starts, the cumulative hazard there, and the
/// multiplied hazard accumulated before and by the end of it.
///
/// Solving Σ over years of multiplier × (hazard accumulated in that year) = E for a customer
/// then costs a scan of a few years and one inversion of the hazard, instead of two hazard
/// evaluations per year: the table is built once per segment and path for the customers who
/// start now (tenure 0) and once per customer for the book (each at its own tenure). The
/// numbers are those of walking the years customer by customer, bit for bit: the same
/// expressions in the same order. A class, so that handing a path's law to every customer
/// copies one reference, not the hazard and its arrays.
final class HazardYears: Sendable {
    /// One calendar year with a positive multiplier.
    private struct Year: Sendable {
        /// Tenure in months at the start of the year.
        let start: Double
        /// Cumulative hazard at `start`.
        let startHazard: Double
        let multiplier: Double
        /// Multiplied hazard accumulated before the year and by its end.
        let before: Double
        let after: Double
    }

    /// The hazard solved for.
    let hazard: PathHazard
    /// Multiplier of each calendar year from now (empty for none).
    let yearMultipliers: [Double]
    private let years: [Year]
    /// Tenure where the multipliers end, its cumulative hazard, and the multiplied hazard by then.
    private let tailStart: Double
    private let tailHazard: Double
    private let accumulated: Double

    /// The table for a customer at tenure `start` now: calendar year y covers tenures
    /// start + 12y … start + 12(y + 1). Years with multiplier 0 add no hazard and are skipped.
    init(hazard: PathHazard, yearMultipliers: [Double], from start: Double = 0) {
        var accumulated = 0.0
        var years: [Year] = []
        for (year, multiplier) in yearMultipliers.enumerated() where multiplier > 0 {
            let yearStart = start + Double(12 * year), yearEnd = start + Double(12 * (year + 1))
            let startHazard = hazard.cumulativeHazard(atMonths: yearStart)
            let increase = hazard.cumulativeHazard(atMonths: yearEnd) - startHazard
            let after = accumulated + multiplier * increase
            years.append(Year(start: yearStart, startHazard: startHazard, multiplier: multiplier, before: accumulated, after: after))
            accumulated = after
        }
        self.hazard = hazard
        self.yearMultipliers = yearMultipliers
        self.years = years
        self.accumulated = accumulated
        tailStart = start + Double(12 * yearMultipliers.count)
        tailHazard = hazard.cumulativeHazard(atMonths: tailStart)
    }

    /// The tenure τ where the multiplied cumulative hazard from the table's start reaches
    /// `target`: inside the first year whose accumulated hazard reaches it, else after the
    /// multiplied years at the plain hazard.
    func tenure(reaching target: Double) -> Double {
        for year in years where year.after >= target {
            return hazard.months(reaching: year.startHazard + (target - year.before) / year.multiplier, from: year.start)
        }
        return hazard.months(reaching: tailHazard + (target - accumulated), from: tailStart)
    }
}
