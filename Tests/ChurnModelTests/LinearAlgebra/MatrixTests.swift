import Testing
@testable import ChurnModel

extension LinearAlgebraTests {
    @Suite struct MatrixTests {
        @Test func rowMajorInitializerStoresColumnMajor() {
            let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
            #expect(a.rows == 2)
            #expect(a.columns == 3)
            #expect(a.storage == [1, 4, 2, 5, 3, 6])
            #expect(a[1, 2] == 6)
            #expect(a.column(1) == [2, 5])
        }

        @Test func transposeSwapsIndices() {
            let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
            #expect(a.transposed() == Matrix(rowMajor: [[1, 4], [2, 5], [3, 6]]))
            #expect(a.transposed().transposed() == a)
        }

        @Test func identityHasUnitDiagonal() {
            let i = Matrix.identity(3)
            #expect(i == Matrix(rowMajor: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]))
            #expect(i.diagonal == [1, 1, 1])
        }

        @Test func subscriptSetterWritesOneEntry() {
            var a = Matrix(rows: 2, columns: 2, repeating: 7)
            a[0, 1] = -1
            #expect(a == Matrix(rows: 2, columns: 2, columnMajor: [7, 7, -1, 7]))
        }

        @Test func errorDescriptionsNameTheProblem() {
            #expect(
                LinearAlgebraError.notPositiveDefinite(leadingMinor: 3).description
                    .contains("order 3"))
            #expect(LinearAlgebraError.singular(pivot: 2).description.contains("pivot 2"))
            #expect(
                LinearAlgebraError.lapack(routine: "dgesv", info: -4).description
                    .contains("argument 4"))
        }
    }
}
