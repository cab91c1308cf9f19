/// Correlated downturn years across segments (Gaussian copula), drawn once per path.
///
/// Segment s is in a downturn in year y when z_{s,y} < Φ⁻¹(p), where z_{·,y} = A·w_y with
/// w_y independent standard normals and A·Aᵀ = the correlation matrix. A is the symmetric
/// square root V·Λ^(1/2) from LAPACK's eigen decomposition (dsyevd), which also serves
/// positive semi-definite matrices (perfect correlation), where a Cholesky factor fails.
struct DownturnPlan: Sendable {
    /// Copula factor A (segments × segments), column-major.
    let factor: Matrix
    /// Φ⁻¹(annual probability).
    let threshold: Double
    /// Per-segment hazard-multiplier law.
    let multiplier: ValueDistribution.Sampler
    /// Calendar years covered by the horizon.
    let years: Int

    /// Prepares the draws for `downturn` over `horizonMonths`.
    /// - Throws: ``LinearAlgebraError`` if the eigen decomposition fails.
    init(_ downturn: Downturn, horizonMonths: Int) throws {
        let correlation = Matrix(rowMajor: downturn.correlation)
        let eigen = try correlation.symmetricEigen()
        var factor = eigen.eigenvectors
        for column in 0..<factor.columns {
            let scale = max(eigen.eigenvalues[column], 0).squareRoot()
            for row in 0..<factor.rows { factor[row, column] *= scale }
        }
        self.factor = factor
        let p = downturn.annualProbability
        threshold = p <= 0 ? -.infinity : (p >= 1 ? .infinity : NormalQuantile.quantile(p))
        multiplier = ValueDistribution.Sampler(downturn.hazardMultiplier)
        years = (horizonMonths + 11) / 12
    }

    /// Per segment, the hazard multiplier of each year on this path (1 outside downturns).
    /// Consumes `years × segments` normals and then one uniform per segment from `stream`.
    func yearMultipliers(using stream: inout RandomStream) -> [[Double]] {
        let segments = factor.rows
        var inDownturn = Array(repeating: Array(repeating: false, count: years), count: segments)
        for year in 0..<years {
            let w = (0..<segments).map { _ in stream.standardNormalByInversion() }
            for s in 0..<segments {
                let z = (0..<segments).reduce(0.0) { $0 + factor[s, $1] * w[$1] }
                inDownturn[s][year] = z < threshold
            }
        }
        return inDownturn.map { years in
            let factor = multiplier.value(fromUniform: multiplier.drawsUniform ? stream.nextUniform() : 0.5)
            return years.map { $0 ? factor : 1 }
        }
    }
}
