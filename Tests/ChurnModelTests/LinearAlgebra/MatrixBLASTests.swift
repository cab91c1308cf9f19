import Testing
@testable import ChurnModel

extension LinearAlgebraTests {
    /// dgemm, dgemv and dsyrk against textbook loops (`naiveProduct`).
    @Suite struct MatrixBLASTests {
        @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
        func gemmMatchesNaiveTripleLoop(transposeA: Bool, transposeB: Bool) throws {
            var generator = SplitMix64(seed: 0xB1A5)
            // op(A) is 7×5, op(B) is 5×4, C is 7×4.
            let a = generator.matrix(rows: transposeA ? 5 : 7, columns: transposeA ? 7 : 5)
            let b = generator.matrix(rows: transposeB ? 4 : 5, columns: transposeB ? 5 : 4)
            let c = generator.matrix(rows: 7, columns: 4)
            let (alpha, beta) = (1.75, -0.5)

            let result = try Matrix.product(
                a, b, transA: transposeA ? .transposed : .asStored,
                transB: transposeB ? .transposed : .asStored,
                alpha: alpha, adding: c, beta: beta)

            let ab = naiveProduct(a, transposeA: transposeA, b, transposeB: transposeB)
            let expected = Matrix(
                rows: 7, columns: 4,
                columnMajor: zip(ab.storage, c.storage).map { alpha * $0 + beta * $1 })
            #expect(result.rows == 7 && result.columns == 4)
            #expect(maxAbsDifference(result, expected) <= 1e-12 * maxAbs(expected.storage))
        }

        @Test func multiplicationOperatorIsPlainProduct() throws {
            var generator = SplitMix64(seed: 7)
            let a = generator.matrix(rows: 3, columns: 6)
            let b = generator.matrix(rows: 6, columns: 2)
            let expected = naiveProduct(a, transposeA: false, b, transposeB: false)
            #expect(maxAbsDifference(try a * b, expected) <= 1e-12 * maxAbs(expected.storage))
            #expect(try a.multiplied(by: b) == (try a * b))
        }

        @Test(arguments: [false, true])
        func gemvMatchesNaiveLoop(transpose: Bool) throws {
            var generator = SplitMix64(seed: 0x6E37)
            let a = generator.matrix(rows: 6, columns: 9)
            let x = generator.vector(transpose ? 6 : 9)
            let y = generator.vector(transpose ? 9 : 6)
            let (alpha, beta) = (-2.0, 0.25)

            let result = try Matrix.product(
                a, x, transA: transpose ? .transposed : .asStored, alpha: alpha,
                adding: y, beta: beta)

            let opA = transpose ? a.transposed() : a
            let expected = (0..<opA.rows).map { i in
                alpha * (0..<opA.columns).reduce(0) { $0 + opA[i, $1] * x[$1] } + beta * y[i]
            }
            #expect(maxAbsDifference(result, expected) <= 1e-12 * maxAbs(expected))
            if !transpose {
                let plain = try a * x
                let naive = (0..<6).map { i in (0..<9).reduce(0) { $0 + a[i, $1] * x[$1] } }
                #expect(maxAbsDifference(plain, naive) <= 1e-12 * maxAbs(naive))
            }
        }

        @Test func syrkMatchesGemm() throws {
            var generator = SplitMix64(seed: 0x5A7C)
            let a = generator.matrix(rows: 11, columns: 4)

            let ata = try a.gram(.transposeTimesSelf)
            let ataByGemm = try Matrix.product(a, a, transA: .transposed)
            #expect(ata.rows == 4 && ata.columns == 4)
            #expect(maxAbsDifference(ata, ataByGemm) <= 1e-12 * maxAbs(ataByGemm.storage))
            #expect(ata == ata.transposed())

            let aat = try a.gram(.selfTimesTranspose, alpha: 3)
            let aatByGemm = try Matrix.product(a, a, transB: .transposed, alpha: 3)
            #expect(aat.rows == 11 && aat.columns == 11)
            #expect(maxAbsDifference(aat, aatByGemm) <= 1e-12 * maxAbs(aatByGemm.storage))
            #expect(aat == aat.transposed())
        }

        @Test func betaZeroIgnoresNaNInC() throws {
            let a = Matrix.identity(2)
            let c = Matrix(rows: 2, columns: 2, repeating: .nan)
            #expect(try Matrix.product(a, a, adding: c, beta: 0) == a)
        }

        @Test func dimensionMismatchThrows() throws {
            let a = Matrix(rows: 3, columns: 4)
            let b = Matrix(rows: 3, columns: 2)
            #expect(throws: LinearAlgebraError.self) { try a * b }
            #expect {
                try a * b
            } throws: { error in
                guard case LinearAlgebraError.dimensionMismatch = error else { return false }
                return true
            }
            #expect(throws: LinearAlgebraError.self) {
                try Matrix.product(a, b, transA: .transposed, adding: Matrix(rows: 3, columns: 3))
            }
            #expect(throws: LinearAlgebraError.self) { try a * [1, 2, 3] }
            #expect(throws: LinearAlgebraError.self) {
                try Matrix.product(a, [1, 2, 3, 4], adding: [1, 2])
            }
        }
    }
}
