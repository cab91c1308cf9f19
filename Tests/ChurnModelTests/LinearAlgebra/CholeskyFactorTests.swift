import Foundation
import Testing
@testable import ChurnModel

extension LinearAlgebraTests {
    @Suite struct CholeskyFactorTests {
        /// Hand calculation (also the worked example on Wikipedia's "Cholesky decomposition"):
        ///     [  4  12 -16 ]   [  2 0 0 ] [ 2 6 -8 ]
        ///     [ 12  37 -43 ] = [  6 1 0 ] [ 0 1  5 ]
        ///     [-16 -43  98 ]   [ -8 5 3 ] [ 0 0  3 ]
        /// det A = (2·1·3)² = 36; A·[1, 2, 3] = [-20, -43, 192].
        static let a = Matrix(rowMajor: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]])

        @Test func factorMatchesHandCalculation() throws {
            let factor = try CholeskyFactor(Self.a)
            let expected = Matrix(rowMajor: [[2, 0, 0], [6, 1, 0], [-8, 5, 3]])
            #expect(maxAbsDifference(factor.lower, expected) <= 1e-14)
            #expect(abs(factor.logDeterminant - 2 * log(6.0)) <= 1e-14)
        }

        @Test func solveRecoversKnownSolution() throws {
            let factor = try Self.a.cholesky()
            let x = try factor.solve([-20, -43, 192])
            #expect(maxAbsDifference(x, [1, 2, 3]) <= 1e-12)

            let rhs = Matrix(rowMajor: [[-20, 4], [-43, 12], [192, -16]])
            let solution = try factor.solve(rhs)
            let expected = Matrix(rowMajor: [[1, 1], [2, 0], [3, 0]])
            #expect(maxAbsDifference(solution, expected) <= 1e-12)
        }

        /// A·A⁻¹ = I for A = BᵀB + n·I, B 200×200 uniform on [-1, 1) (SplitMix64 seed 42).
        /// A's eigenvalues lie in about [200, 470], so it is well conditioned and 1e-10
        /// leaves ample room for rounding.
        @Test func inverseTimesMatrixIsIdentityFor200x200() throws {
            let n = 200
            let a = randomSPD(n, seed: 42)
            let inverse = try a.cholesky().inverse()
            #expect(inverse == inverse.transposed())
            let product = naiveProduct(a, transposeA: false, inverse, transposeB: false)
            #expect(maxAbsDifference(product, .identity(n)) <= 1e-10)
        }

        /// diag(1, 2, -1, 4): leading minors 1, 2, -2, -8, so the first non-positive one
        /// is of order 3.
        @Test func nonPositiveDefiniteNamesFailingMinor() throws {
            var a = Matrix(rows: 4, columns: 4)
            for (i, value) in [1.0, 2, -1, 4].enumerated() { a[i, i] = value }
            #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 3)) {
                try CholeskyFactor(a)
            }
        }

        /// [[1, 2], [2, 1]] has leading minors 1 and -3: symmetric, indefinite, fails at 2.
        @Test func indefiniteMatrixFailsAtSecondMinor() throws {
            let a = Matrix(rowMajor: [[1, 2], [2, 1]])
            #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 2)) {
                try a.cholesky()
            }
        }

        @Test func rejectsBadShapesAndValues() throws {
            #expect(throws: LinearAlgebraError.self) {
                try CholeskyFactor(Matrix(rows: 2, columns: 3))
            }
            #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "dpotrf")) {
                try CholeskyFactor(Matrix(rowMajor: [[1, 0], [.nan, 1]]))
            }
            let factor = try Self.a.cholesky()
            #expect(throws: LinearAlgebraError.self) { try factor.solve([1, 2]) }
        }
    }
}
