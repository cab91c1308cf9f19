import Testing
@testable import ChurnModel

extension LinearAlgebraTests {
    @Suite struct LUSolveTests {
        /// Hand calculation (Gaussian elimination, also Wikipedia's worked example):
        ///      2x +  y -  z =   8
        ///     -3x -  y + 2z = -11
        ///     -2x +  y + 2z =  -3
        /// has the unique solution x = 2, y = 3, z = -1.
        @Test func solvesHandComputedSystem() throws {
            let a = Matrix(rowMajor: [[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])
            let x = try a.solve([8, -11, -3])
            #expect(maxAbsDifference(x, [2, 3, -1]) <= 1e-14)
        }

        /// Row 2 is exactly twice row 1. With partial pivoting: pivot 1 is 2 (row 2),
        /// row 1 becomes exactly 0, pivot 2 is -2 (row 3), and pivot 3 is exactly 0.
        @Test func singularMatrixThrowsWithPivot() throws {
            let a = Matrix(rowMajor: [[1, 2, 3], [2, 4, 6], [1, 0, 1]])
            #expect(throws: LinearAlgebraError.singular(pivot: 3)) { try a.solve([1, 2, 3]) }
            #expect(throws: LinearAlgebraError.singular(pivot: 3)) { try a.inverse() }
        }

        /// The general inverse of the 200×200 SPD test matrix: A·A⁻¹ = I within 1e-10.
        @Test func generalInverseTimesMatrixIsIdentity() throws {
            let n = 200
            var generator = SplitMix64(seed: 99)
            // Make it non-symmetric so LU, not symmetry, is what is tested.
            var a = randomSPD(n, seed: 43)
            a[0, n - 1] += generator.nextSigned() * 10
            let inverse = try a.inverse()
            let product = naiveProduct(a, transposeA: false, inverse, transposeB: false)
            #expect(maxAbsDifference(product, .identity(n)) <= 1e-10)
        }

        /// 2×2 inverse by the adjugate formula: [[4, 7], [2, 6]]⁻¹ = [[0.6, -0.7], [-0.2, 0.4]].
        @Test func inverseMatchesAdjugateFormula() throws {
            let inverse = try Matrix(rowMajor: [[4, 7], [2, 6]]).inverse()
            let expected = Matrix(rowMajor: [[0.6, -0.7], [-0.2, 0.4]])
            #expect(maxAbsDifference(inverse, expected) <= 1e-15)
        }

        @Test func dimensionMismatchThrows() throws {
            let square = Matrix.identity(3)
            #expect(throws: LinearAlgebraError.self) { try square.solve([1, 2]) }
            #expect(throws: LinearAlgebraError.self) {
                try Matrix(rows: 3, columns: 2).solve([1, 2, 3])
            }
            #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 3).inverse() }
        }
    }
}
