/// The history as a fit report reads it: every row's times, events, strata and weights (for
/// the Kaplan–Meier estimate), without the covariate matrix, and the covariates of the
/// customers the fitted curves are averaged over (``AveragedSurvival/memberLimit`` per stratum
/// at most). Taken before the fit, so the table's covariate matrix need not outlive the
/// fit's design.
struct SampledHistory: Sendable {
    /// The customers of one stratum whose predicted curves are averaged.
    struct Sample: Sendable {
        /// Each sampled customer's covariates, by column name.
        var covariates: [[String: Double]]
        /// Each sampled customer's case weight.
        var weights: [Double]
        /// The number of customers in the stratum; more than `weights.count` when sampled.
        var groupSize: Int
    }

    /// The rows, without covariates.
    let table: EventTable
    /// The sample of each stratum (key nil without strata).
    let samples: [String?: Sample]

    /// Samples `table`: a stratum of more than ``AveragedSurvival/memberLimit`` rows is
    /// represented by an evenly spaced systematic sample of its rows, in table order.
    init(_ table: EventTable) {
        var rowsByStratum: [String?: [Int]] = [:]
        if let strata = table.strata {
            for row in 0..<table.count { rowsByStratum[strata[row], default: []].append(row) }
        } else {
            rowsByStratum[nil] = Array(0..<table.count)
        }
        samples = rowsByStratum.mapValues { rows in
            let count = Swift.min(rows.count, AveragedSurvival.memberLimit)
            let sampled = (0..<count).map { rows[$0 * rows.count / count] }
            return Sample(
                covariates: sampled.map { row in
                    var covariates: [String: Double] = [:]
                    for (column, name) in table.covariateNames.enumerated() {
                        covariates[name] = table.covariates?[row, column]
                    }
                    return covariates
                },
                weights: sampled.map(table.weight(at:)), groupSize: rows.count)
        }
        self.table = table.withoutCovariates
    }
}
