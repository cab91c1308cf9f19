import RealModule

/// A pointwise confidence band for a parametric fit's averaged survival curve S̄(t; θ), by
/// the delta method over every estimated parameter θ = (β, log σ):
///
///     Var S̄(t) ≈ g(t)ᵀ V g(t),   gⱼ(t) = ∂S̄(t)/∂θⱼ,
///
/// with V the fit's covariance and each gⱼ a central difference with step 10⁻³·SE(θⱼ); the
/// band is S̄ ± z·√Var, clipped to [0, 1]. Cox fits get no band: their covariance leaves out
/// the baseline hazard's own uncertainty, so a band from it alone would be too narrow.
struct AveragedSurvivalBand {
    /// Lower and upper ends at each time of the grid.
    let lower: [Double]
    let upper: [Double]

    /// The band of `averaged` (the fitted curve of `stratum`) on `grid`, recomputed over the
    /// same customers under shifted parameters; nil for a Cox or unparametrised fit, a fit
    /// without covariance, or a curve that cannot be evaluated.
    init?(
        summary: FitSummary, averaged: AveragedSurvival, stratum: String?, grid: [Double],
        level: Double, file: String
    ) {
        guard summary.model != "cox", ParametricFamily.allCases.contains(where: { $0.identifier == summary.model }),
            let covariance = summary.covariance, covariance.count == summary.coefficients.count
        else { return nil }
        let z = NormalQuantile.quantile(1 - (1 - level) / 2)
        // The same customers' average under shifted parameters.
        let curve = { (shifted: FitSummary) in
            (try? AveragedSurvival(summary: shifted, sample: averaged.sample, stratum: stratum, file: file)).map { model in grid.map { model.survival(at: $0) } }
        }
        var gradients: [[Double]] = []
        for (j, coefficient) in summary.coefficients.enumerated() {
            let step = 1e-3 * Swift.max(coefficient.standardError, 1e-8)
            guard let up = curve(summary.shifted(j, by: step)), let down = curve(summary.shifted(j, by: -step)) else {
                return nil
            }
            gradients.append(zip(up, down).map { ($0 - $1) / (2 * step) })
        }
        let centre = grid.map { averaged.survival(at: $0) }
        var lower: [Double] = [], upper: [Double] = []
        for (t, value) in centre.enumerated() {
            var variance = 0.0
            for j in gradients.indices {
                for k in gradients.indices { variance += gradients[j][t] * covariance[j][k] * gradients[k][t] }
            }
            let half = z * Swift.max(variance, 0).squareRoot()
            lower.append(Swift.max(0, value - half))
            upper.append(Swift.min(1, value + half))
        }
        guard lower.allSatisfy(\.isFinite), upper.allSatisfy(\.isFinite) else { return nil }
        self.lower = lower
        self.upper = upper
    }
}

extension FitSummary {
    /// The same fit with parameter `index` moved by `step` (for `Log(scale)`, the scale too).
    func shifted(_ index: Int, by step: Double) -> FitSummary {
        var copy = self
        copy.coefficients[index].estimate += step
        if copy.coefficients[index].name == "Log(scale)", let scale { copy.scale = scale * Double.exp(step) }
        return copy
    }
}
