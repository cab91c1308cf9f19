internal import CLapack

/// BLAS kernels on plain row-major blocks (`values[i * columns + j]`), the layout of a data
/// table's rows, for the hot loops of model fitting where wrapping rows in a ``Matrix`` would
/// cost a copy.
///
/// Sizes must fit in `Int32`; callers pass blocks of a table already held in memory.
enum RowMajorKernels {
    /// Writes A·v into the `rows` doubles at `result`, for the `rows × columns` row-major block
    /// A at `block` (BLAS `dgemv`).
    static func multiply(
        _ block: UnsafePointer<Double>, rows: Int, columns: Int, _ vector: [Double],
        into result: UnsafeMutablePointer<Double>
    ) {
        precondition(vector.count == columns)
        guard rows > 0, columns > 0 else { return }
        vector.withUnsafeBufferPointer { v in
            cblas_dgemv(
                CblasRowMajor, CblasNoTrans, Int32(rows), Int32(columns), 1, block, Int32(columns),
                v.baseAddress, 1, 0, result, 1)
        }
    }

    /// C ← β·C + AᵀA on the lower triangle (`C[j * columns + k]`, k ≤ j) of the
    /// `columns × columns` row-major C, for the `rows × columns` row-major block A (BLAS
    /// `dsyrk`). The strict upper triangle of C is left untouched.
    static func addGram(
        of block: UnsafePointer<Double>, rows: Int, columns: Int,
        into lower: UnsafeMutablePointer<Double>, beta: Double
    ) {
        guard columns > 0 else { return }
        cblas_dsyrk(
            CblasRowMajor, CblasLower, CblasTrans, Int32(columns), Int32(rows), 1, block,
            Int32(columns), beta, lower, Int32(columns))
    }
}
