import Testing
@testable import ChurnModel

extension LinearAlgebraTests {
    @Suite struct SymmetricEigenTests {
        /// [[2, 1], [1, 2]]: characteristic polynomial (2 - λ)² - 1, so λ = 1 and 3, with
        /// eigenvectors (1, -1)/√2 and (1, 1)/√2.
        @Test func twoByTwoHandComputed() throws {
            let eigen = try Matrix(rowMajor: [[2, 1], [1, 2]]).symmetricEigen()
            #expect(maxAbsDifference(eigen.eigenvalues, [1, 3]) <= 1e-14)
            let r = 1 / 2.0.squareRoot()
            // Eigenvector signs are arbitrary: compare |⟨v, expected⟩| with 1.
            let v0 = eigen.eigenvectors.column(0)
            let v1 = eigen.eigenvectors.column(1)
            #expect(abs(abs(v0[0] * r - v0[1] * r) - 1) <= 1e-14)
            #expect(abs(abs(v1[0] * r + v1[1] * r) - 1) <= 1e-14)
        }

        /// The 3×3 second-difference matrix tridiag(-1, 2, -1) has eigenvalues
        /// 2 - 2cos(kπ/4), k = 1, 2, 3, that is 2 - √2, 2, 2 + √2.
        @Test func threeByThreeSecondDifference() throws {
            let a = Matrix(rowMajor: [[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
            let eigen = try SymmetricEigenDecomposition(a)
            let s = 2.0.squareRoot()
            #expect(maxAbsDifference(eigen.eigenvalues, [2 - s, 2, 2 + s]) <= 1e-14)
        }

        /// A·V = V·Λ and VᵀV = I for a random symmetric 50×50 matrix (entries uniform on
        /// [-1, 1), SplitMix64 seed 2024). Its eigenvalues are O(√50 ≈ 7); the tolerance is
        /// a few hundred ulps of that.
        @Test func randomSymmetricSatisfiesDefiningIdentity() throws {
            let n = 50
            var generator = SplitMix64(seed: 2024)
            var a = Matrix(rows: n, columns: n)
            for j in 0..<n {
                for i in j..<n {
                    let value = generator.nextSigned()
                    a[i, j] = value
                    a[j, i] = value
                }
            }
            let eigen = try a.symmetricEigen()
            #expect(eigen.eigenvalues == eigen.eigenvalues.sorted())

            let v = eigen.eigenvectors
            var vLambda = v
            for j in 0..<n {
                for i in 0..<n { vLambda[i, j] *= eigen.eigenvalues[j] }
            }
            let av = naiveProduct(a, transposeA: false, v, transposeB: false)
            #expect(maxAbsDifference(av, vLambda) <= 1e-12)
            let vtv = naiveProduct(v, transposeA: true, v, transposeB: false)
            #expect(maxAbsDifference(vtv, .identity(n)) <= 1e-12)
        }

        @Test func nonSquareThrows() throws {
            #expect(throws: LinearAlgebraError.self) {
                try Matrix(rows: 2, columns: 3).symmetricEigen()
            }
        }
    }
}
