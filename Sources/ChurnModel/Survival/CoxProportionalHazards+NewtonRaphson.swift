/// Newton–Raphson for the Cox partial likelihood, following R's `coxfit6`.
extension CoxProportionalHazards {
    /// Where the iteration stopped.
    struct Solution {
        var beta: [Double]
        var value: CoxPartialLikelihood.Value
        var factor: CholeskyFactor
        var iterations: Int
        var converged: Bool
    }

    /// Iterates from β = 0. Each iteration evaluates ℓ at the proposed β; it stops when
    /// |1 − ℓ_old/ℓ_new| ≤ tolerance after a full (not halved) step; when ℓ decreased it
    /// halves the step towards the last accepted β; otherwise it accepts and takes the
    /// Newton step I⁻¹U. If the information stops being positive definite the last
    /// accepted β is returned as not converged.
    func newtonRaphson(
        _ model: CoxPartialLikelihood, start: CoxPartialLikelihood.Value,
        startFactor: CholeskyFactor, firstStep: [Double]
    ) throws(CoxModelError) -> Solution {
        var accepted = Solution(
            beta: [Double](repeating: 0, count: firstStep.count), value: start,
            factor: startFactor, iterations: 0, converged: false)
        var proposal = firstStep
        var halving = false
        for iteration in 1...options.maxIterations {
            accepted.iterations = iteration
            let value = model.evaluate(proposal)
            let improved = value.logLikelihood >= accepted.value.logLikelihood
            let change = Swift.abs(1 - accepted.value.logLikelihood / value.logLikelihood)
            if value.logLikelihood.isFinite, change <= options.tolerance, !halving {
                if let factor = try? CholeskyFactor(value.information) {
                    return Solution(
                        beta: proposal, value: value, factor: factor, iterations: iteration,
                        converged: true)
                }
                accepted.converged = true
                return accepted
            }
            if !improved || !value.logLikelihood.isFinite {
                halving = true
                proposal = zip(proposal, accepted.beta).map { ($0 + $1) / 2 }
                continue
            }
            guard let factor = try? CholeskyFactor(value.information),
                let step = try? factor.solve(value.gradient)
            else { return accepted }
            halving = false
            accepted.beta = proposal
            accepted.value = value
            accepted.factor = factor
            if iteration == options.maxIterations { break }
            proposal = zip(proposal, step).map { $0 + $1 }
        }
        return accepted
    }

    /// Factors I(0), naming the covariate whose column makes it singular: a pivot that is
    /// not positive, or whose square is below ε^¾ of its diagonal entry (R's
    /// `toler.chol`), marks a column that is (numerically) a combination of earlier ones.
    static func factorAtZero(_ information: Matrix, names: [String]) throws(CoxModelError) -> CholeskyFactor {
        let root = Double.ulpOfOne.squareRoot()
        let tolerance = root * root.squareRoot()  // ε^¾ ≈ 1.8e-12
        do {
            let factor = try CholeskyFactor(information)
            for (k, pivot) in factor.lower.diagonal.enumerated()
            where !(pivot * pivot > tolerance * information[k, k]) {
                throw CoxModelError.collinearCovariate(name: names[k])
            }
            return factor
        } catch let error as CoxModelError {
            throw error
        } catch LinearAlgebraError.notPositiveDefinite(let minor) {
            throw .collinearCovariate(name: names[Swift.max(0, Swift.min(minor, names.count) - 1)])
        } catch let error as LinearAlgebraError {
            throw .linearAlgebra(error)
        } catch {
            throw .linearAlgebra(.lapack(routine: "dpotrf", info: 0))
        }
    }

    static func solve(_ factor: CholeskyFactor, _ b: [Double]) throws(CoxModelError) -> [Double] {
        do { return try factor.solve(b) } catch { throw wrap(error) }
    }

    static func inverse(_ factor: CholeskyFactor) throws(CoxModelError) -> Matrix {
        do { return try factor.inverse() } catch { throw wrap(error) }
    }

    private static func wrap(_ error: any Error) -> CoxModelError {
        (error as? LinearAlgebraError).map { .linearAlgebra($0) }
            ?? .linearAlgebra(.lapack(routine: "dpotrs", info: 0))
    }
}
