/// The test of the proportional-hazards assumption of a fitted Cox model, as R's
/// `cox.zph(fit, transform, terms = TRUE)` in survival ≥ 3.0: one score test per
/// covariate and a global test of H₀: θ = 0 in β(t) = β + θ·g(t).
///
/// For covariate j the statistic is U_θⱼ² · [(I_S)⁻¹]_θⱼθⱼ, where I_S is the information
/// of (β, θⱼ) at (β̂, 0) — rows and columns of β and θⱼ cut from the full 2p × 2p matrix;
/// the global statistic uses all p θ's with p degrees of freedom. g is one of
/// ``TimeTransform``, centred at its mean over the event rows. Unlike the original
/// Grambsch–Therneau statistic (survival < 3.0), which replaced the information by
/// d·V(β̂)-based approximations, this uses the exact information matrix, so it is a true
/// score test (see `CoxProportionalityTest+Score.swift`). A stratum without events
/// contributes nothing, as in R. Each covariate is its own term (R's `terms = TRUE` with
/// one column per term).
///
/// References: Grambsch & Therneau, "Proportional hazards tests and diagnostics based on
/// weighted residuals", *Biometrika* 81 (1994); Therneau & Grambsch, *Modeling Survival
/// Data* (2000), ch. 6; R survival 3.5 `cox.zph`.
public struct CoxProportionalityTest: Sendable, Equatable {
    /// One row of the test table.
    public struct Row: Sendable, Equatable {
        /// Covariate name, or `"GLOBAL"` for the global test.
        public let term: String
        /// The score chi-square statistic.
        public let chiSquare: Double
        /// Degrees of freedom: 1 per covariate, p for the global test.
        public let degreesOfFreedom: Int
        /// P(χ²(df) > chiSquare).
        public let pValue: Double

        init(term: String, chiSquare: Double, degreesOfFreedom: Int) {
            self.term = term
            self.chiSquare = chiSquare
            self.degreesOfFreedom = degreesOfFreedom
            pValue = ChiSquaredDistribution.survival(
                chiSquare, degreesOfFreedom: Double(degreesOfFreedom))
        }
    }

    /// The time transform g.
    public let transform: TimeTransform
    /// One test per covariate, in coefficient order.
    public let terms: [Row]
    /// The joint test of all covariates.
    public let global: Row
    /// g(t) (uncentred, R's `cox.zph(...)$x`) for each event, in the order of
    /// ``CoxResiduals/eventRows``.
    public let transformedTimes: [Double]

    /// Tests the proportional-hazards assumption of `fit`.
    ///
    /// - Parameters:
    ///   - fit: A fit from ``CoxProportionalHazards/fit(_:)``.
    ///   - table: The table it was fitted to.
    ///   - transform: The time function g; default ``TimeTransform/km``, as R.
    ///   - tieTolerance: The ``CoxOptions/tieTolerance`` of the fit; default R's √ε.
    /// - Throws: ``CoxResidualsError/tableDoesNotMatchFit(what:)``,
    ///   ``CoxResidualsError/model(_:)``, ``CoxResidualsError/nonFiniteValue(what:)``,
    ///   ``CoxResidualsError/nonPositiveEventTime(row:time:)`` (`log` only),
    ///   ``CoxResidualsError/constantTimeTransform``,
    ///   ``CoxResidualsError/singularInformation(_:)``.
    /// - Complexity: O(n·p² + n log n + p⁴) (p + 1 Cholesky solves of size ≤ 2p).
    public init(
        fit: CoxFit, table: EventTable, transform: TimeTransform = .km,
        tieTolerance: Double = Double.ulpOfOne.squareRoot()
    ) throws(CoxResidualsError) {
        let design = try CoxDesign(matching: fit, table: table, tieTolerance: tieTolerance)
        try self.init(
            design: design, risk: design.checkedRelativeRisks(fit.coefficients.map(\.estimate)), ties: fit.ties,
            transform: transform)
    }

    /// The test of a fit with relative risks `risk` (one per design row, checked) and tie
    /// method `ties` on its design.
    init(
        design: CoxDesign, risk: [Double], ties: TieMethod, transform: TimeTransform
    ) throws(CoxResidualsError) {
        let g = try design.timeTransform(transform)
        let (score, information) = design.timeTrendScore(risk: risk, g: g, ties: ties)
        let p = design.covariateCount
        var rows: [Row] = []
        for j in 0..<p {
            let statistic = try Self.quadraticForm(
                information, indices: Array(0..<p) + [p + j], score: [score[j]])
            rows.append(Row(term: design.names[j], chiSquare: statistic, degreesOfFreedom: 1))
        }
        let statistic = try Self.quadraticForm(information, indices: Array(0..<(2 * p)), score: score)
        self.transform = transform
        terms = rows
        global = Row(term: "GLOBAL", chiSquare: statistic, degreesOfFreedom: p)
        transformedTimes = design.eventTimeValues(g)
    }

    /// uᵀ A⁻¹ u for A = `information` restricted to `indices` and u = (0, …, 0, `score`):
    /// the score vector of β is 0 at β̂ (R sets it to 0 exactly).
    private static func quadraticForm(
        _ information: Matrix, indices: [Int], score: [Double]
    ) throws(CoxResidualsError) -> Double {
        let m = indices.count
        var sub = Matrix(rows: m, columns: m)
        for (a, i) in indices.enumerated() {
            for (b, k) in indices.enumerated() { sub[a, b] = information[i, k] }
        }
        let u = [Double](repeating: 0, count: m - score.count) + score
        let solved: [Double]
        do {
            solved = try CholeskyFactor(sub).solve(u)
        } catch let error as LinearAlgebraError {
            throw .singularInformation(error)
        } catch {
            throw .singularInformation(.lapack(routine: "dpotrf", info: 0))
        }
        let value = zip(u, solved).reduce(0) { $0 + $1.0 * $1.1 }
        guard value.isFinite else { throw .nonFiniteValue(what: "the proportional-hazards statistic") }
        return Swift.max(0, value)
    }
}
