/// What a fitted regression model (Cox or parametric) predicts for a group of customers as a
/// whole: the average of each customer's predicted survival curve,
///
///     S̄(t) = Σᵢ wᵢ S(t | xᵢ) / Σᵢ wᵢ,
///
/// the direct-adjusted (marginal) survival curve (Makuch 1982; R's `survfit(fit, newdata =
/// data)` averaged over rows). This, not the curve at the mean covariates, is what the
/// Kaplan–Meier estimate of the same customers estimates, so the two can be compared. Its
/// hazard is that of the averaged curve, h̄(t) = Σᵢ wᵢ S(t | xᵢ) h(t | xᵢ) / Σᵢ wᵢ S(t | xᵢ);
/// without covariates S̄ and h̄ are the model's own S and h.
struct AveragedSurvival: Sendable {
    /// One customer's predicted lifetime distribution and case weight.
    struct Member: Sendable {
        /// The model at the customer's covariates (and stratum, for Cox).
        var model: any SurvivalModel
        /// The customer's case weight.
        var weight: Double
    }

    /// The customers averaged over.
    var members: [Member]
    /// Who `members` are: their covariates, weights and the size of their group.
    var sample: SampledHistory.Sample
    /// The number of customers in the group; more than `members.count` when the group was
    /// sampled (see ``memberLimit``).
    var groupSize: Int { sample.groupSize }

    /// The most customers of one stratum averaged over. A larger stratum is represented by an
    /// evenly spaced systematic sample of its rows: the mean of 2,000 survival probabilities
    /// has a sampling error below 0.5/√2000 ≈ 0.011 and in practice far less, well inside the
    /// Kaplan–Meier band the curve is drawn against, and the report stays fast for millions
    /// of customers.
    static let memberLimit = 2_000

    /// S̄(t), the weighted mean of the members' survival at `t`.
    func survival(at t: Double) -> Double {
        let total = members.reduce(0) { $0 + $1.weight }
        return members.reduce(0) { $0 + $1.weight * $1.model.survivalProbability(at: t) } / total
    }

    /// h̄(t), the hazard of S̄ at `t`: the members' hazards weighted by weight × survival.
    func hazard(at t: Double) -> Double {
        var density = 0.0, survival = 0.0
        for member in members {
            let s = member.model.survivalProbability(at: t)
            density += member.weight * s * member.model.hazard(at: t)
            survival += member.weight * s
        }
        return density / survival
    }

    /// The averaged model of each stratum of `history` (key nil without strata), from a Cox
    /// or parametric fit summary whose covariates are the history's columns.
    /// - Throws: ``FittedModelError`` when the history's covariates or strata do not match the fit.
    static func byStratum(summary: FitSummary, history: SampledHistory, file: String) throws -> [String?: AveragedSurvival] {
        var groups: [String?: AveragedSurvival] = [:]
        for (stratum, sample) in history.samples {
            groups[stratum] = try AveragedSurvival(summary: summary, sample: sample, stratum: stratum, file: file)
        }
        return groups
    }

    /// The average over `sample` (customers of `stratum`) under the fit `summary`.
    /// - Throws: ``FittedModelError`` when the sample's covariates or strata do not match the fit.
    init(summary: FitSummary, sample: SampledHistory.Sample, stratum: String?, file: String) throws {
        members = try zip(sample.covariates, sample.weights).map { covariates, weight in
            Member(model: try summary.survivalModel(covariates: covariates, stratum: stratum, file: file), weight: weight)
        }
        self.sample = sample
    }
}
