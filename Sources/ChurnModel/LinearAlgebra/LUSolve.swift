internal import CLapack

// General square systems through the LU factorization with partial pivoting,
// P·A = L·U (LAPACK dgesv, dgetrf, dgetri).
//
// Only exact singularity (a zero pivot) is detected; a nearly singular matrix gives a
// large, inaccurate answer rather than an error. Symmetric positive-definite systems
// should use `CholeskyFactor` instead.

extension Matrix {
    /// Solves A·x = b for a square A by LU factorization with partial pivoting
    /// (LAPACK `dgesv`).
    ///
    /// - Parameter b: The right-hand side, of length n.
    /// - Returns: x = A⁻¹b.
    /// - Throws: ``LinearAlgebraError/singular(pivot:)`` if a pivot of U is exactly zero;
    ///   ``LinearAlgebraError/dimensionMismatch(_:)`` if A is not square or
    ///   `b.count != n`; ``LinearAlgebraError/nonFiniteInput(routine:)`` if A or b
    ///   contains NaN or ±∞.
    /// - Complexity: O(2n³/3).
    public func solve(_ b: [Double]) throws -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).storage
    }

    /// Solves A·X = B for a square A and several right-hand sides (LAPACK `dgesv`).
    ///
    /// - Parameter b: The `n × k` right-hand sides, one per column.
    /// - Returns: X = A⁻¹B, an `n × k` matrix.
    /// - Throws: ``LinearAlgebraError/singular(pivot:)`` if a pivot of U is exactly zero;
    ///   ``LinearAlgebraError/dimensionMismatch(_:)`` if A is not square or `b` does not
    ///   have n rows; ``LinearAlgebraError/nonFiniteInput(routine:)`` for NaN or ±∞;
    ///   ``LinearAlgebraError/sizeOverflow`` if a dimension exceeds `Int32`.
    /// - Complexity: O(2n³/3 + 2n²·k).
    public func solve(_ b: Matrix) throws -> Matrix {
        try requireSquare(self, for: "LU solve")
        let n = rows
        guard b.rows == n else {
            throw LinearAlgebraError.dimensionMismatch(
                "solving a \(n)×\(n) system with a \(b.rows)×\(b.columns) right-hand side")
        }
        try requireFinite(storage, routine: "dgesv")
        try requireFinite(b.storage, routine: "dgesv")
        if n == 0 || b.columns == 0 { return b }
        var factors = self
        var solution = b
        var pivots = [Int32](repeating: 0, count: n)
        let (nn, nrhs) = (try lapackInt(n), try lapackInt(b.columns))
        let lda = try leadingDimension(n)
        let info = factors.storage.withUnsafeMutableBufferPointer { pa in
            pivots.withUnsafeMutableBufferPointer { pp in
                solution.storage.withUnsafeMutableBufferPointer { pb in
                    LAPACKE_dgesv(
                        LAPACK_COL_MAJOR, nn, nrhs, pa.baseAddress, lda, pp.baseAddress,
                        pb.baseAddress, lda)
                }
            }
        }
        try checkArgumentInfo(info, routine: "dgesv")
        if info > 0 {
            throw LinearAlgebraError.singular(pivot: Int(info))
        }
        return solution
    }

    /// The inverse A⁻¹ of a square matrix, by LU factorization (LAPACK `dgetrf`) and
    /// inversion of the factors (LAPACK `dgetri`).
    ///
    /// Prefer ``solve(_:)-([Double])`` when only A⁻¹b is needed, and
    /// ``CholeskyFactor/inverse()`` for symmetric positive-definite matrices.
    ///
    /// - Returns: The `n × n` inverse.
    /// - Throws: ``LinearAlgebraError/singular(pivot:)`` if a pivot of U is exactly zero;
    ///   ``LinearAlgebraError/dimensionMismatch(_:)`` if A is not square;
    ///   ``LinearAlgebraError/nonFiniteInput(routine:)`` for NaN or ±∞.
    /// - Complexity: O(2n³).
    public func inverse() throws -> Matrix {
        try requireSquare(self, for: "Matrix inverse")
        try requireFinite(storage, routine: "dgetrf")
        let n = rows
        if n == 0 { return self }
        var inverse = self
        var pivots = [Int32](repeating: 0, count: n)
        let nn = try lapackInt(n)
        let lda = try leadingDimension(n)
        let factorInfo = inverse.storage.withUnsafeMutableBufferPointer { pa in
            pivots.withUnsafeMutableBufferPointer { pp in
                LAPACKE_dgetrf(LAPACK_COL_MAJOR, nn, nn, pa.baseAddress, lda, pp.baseAddress)
            }
        }
        try checkArgumentInfo(factorInfo, routine: "dgetrf")
        if factorInfo > 0 {
            throw LinearAlgebraError.singular(pivot: Int(factorInfo))
        }
        let inverseInfo = inverse.storage.withUnsafeMutableBufferPointer { pa in
            pivots.withUnsafeBufferPointer { pp in
                LAPACKE_dgetri(LAPACK_COL_MAJOR, nn, pa.baseAddress, lda, pp.baseAddress)
            }
        }
        try checkArgumentInfo(inverseInfo, routine: "dgetri")
        if inverseInfo > 0 {
            throw LinearAlgebraError.singular(pivot: Int(inverseInfo))
        }
        return inverse
    }
}
