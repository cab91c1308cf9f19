internal import CLapack
import RealModule

/// The Cholesky factorization A = L·Lᵀ of a symmetric positive-definite matrix
/// (LAPACK `dpotrf`), and the solves, inverse and determinant it makes cheap.
///
/// Use it for covariance and information matrices (Cox or parametric model Hessians):
/// one O(n³/3) factorization, then O(n²) per solve. Factoring fails exactly when the
/// matrix is not positive definite, which makes it the natural test for collinear or
/// constant covariates.
///
/// Only the lower triangle of the input is read; the upper triangle is assumed to mirror
/// it and is not checked.
///
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., §4.2.
public struct CholeskyFactor: Sendable, Equatable {
    /// The lower-triangular factor L, with positive diagonal and zeros above it.
    public let lower: Matrix

    /// The dimension n of the factored `n × n` matrix.
    public var dimension: Int { lower.rows }

    /// Factors a symmetric positive-definite matrix as A = L·Lᵀ (LAPACK `dpotrf`).
    ///
    /// - Parameter matrix: A square symmetric matrix; only its lower triangle is read.
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(leadingMinor:)`` naming the
    ///   first (1-based) leading minor that is not positive;
    ///   ``LinearAlgebraError/dimensionMismatch(_:)`` if `matrix` is not square;
    ///   ``LinearAlgebraError/nonFiniteInput(routine:)`` if it contains NaN or ±∞;
    ///   ``LinearAlgebraError/sizeOverflow`` if n exceeds `Int32`.
    /// - Complexity: O(n³/3).
    public init(_ matrix: Matrix) throws {
        try requireSquare(matrix, for: "Cholesky factorization")
        try requireFinite(matrix.storage, routine: "dpotrf")
        var factor = matrix
        let n = matrix.rows
        if n > 0 {
            let nn = try lapackInt(n)
            let lda = try leadingDimension(n)
            let info = factor.storage.withUnsafeMutableBufferPointer { pa in
                LAPACKE_dpotrf(LAPACK_COL_MAJOR, lowerTriangle, nn, pa.baseAddress, lda)
            }
            try checkArgumentInfo(info, routine: "dpotrf")
            if info > 0 {
                throw LinearAlgebraError.notPositiveDefinite(leadingMinor: Int(info))
            }
        }
        factor.zeroStrictUpperTriangle()
        self.lower = factor
    }

    /// The natural logarithm of det A = (∏ Lᵢᵢ)², computed as 2·Σ log Lᵢᵢ.
    ///
    /// Summing logarithms avoids the overflow and underflow the product itself would hit
    /// for large n. It is 0 for a 0 × 0 matrix.
    ///
    /// - Complexity: O(n).
    public var logDeterminant: Double {
        2 * lower.diagonal.reduce(0) { $0 + Double.log($1) }
    }

    /// Solves A·x = b using the factor (LAPACK `dpotrs`).
    ///
    /// - Parameter b: The right-hand side, of length n.
    /// - Returns: x = A⁻¹b.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if `b.count != n`;
    ///   ``LinearAlgebraError/nonFiniteInput(routine:)`` if `b` contains NaN or ±∞.
    /// - Complexity: O(n²).
    public func solve(_ b: [Double]) throws -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).storage
    }

    /// Solves A·X = B for several right-hand sides at once (LAPACK `dpotrs`).
    ///
    /// - Parameter b: The `n × k` right-hand sides, one per column.
    /// - Returns: X = A⁻¹B, an `n × k` matrix.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if `b` does not have n rows;
    ///   ``LinearAlgebraError/nonFiniteInput(routine:)`` if `b` contains NaN or ±∞;
    ///   ``LinearAlgebraError/sizeOverflow`` if a dimension exceeds `Int32`.
    /// - Complexity: O(n²·k).
    public func solve(_ b: Matrix) throws -> Matrix {
        let n = dimension
        guard b.rows == n else {
            throw LinearAlgebraError.dimensionMismatch(
                "solving a \(n)×\(n) system with a \(b.rows)×\(b.columns) right-hand side")
        }
        try requireFinite(b.storage, routine: "dpotrs")
        if n == 0 || b.columns == 0 { return b }
        var solution = b
        let (nn, nrhs) = (try lapackInt(n), try lapackInt(b.columns))
        let lda = try leadingDimension(n)
        let info = lower.storage.withUnsafeBufferPointer { pa in
            solution.storage.withUnsafeMutableBufferPointer { pb in
                LAPACKE_dpotrs(
                    LAPACK_COL_MAJOR, lowerTriangle, nn, nrhs, pa.baseAddress, lda,
                    pb.baseAddress, lda)
            }
        }
        try checkArgumentInfo(info, routine: "dpotrs")
        return solution
    }

    /// The inverse A⁻¹ with both triangles filled (LAPACK `dpotri`), e.g. the covariance
    /// matrix of estimates from an information matrix.
    ///
    /// Prefer ``solve(_:)-([Double])`` when only A⁻¹b is needed: it is cheaper and more
    /// accurate.
    ///
    /// - Returns: The symmetric `n × n` inverse.
    /// - Throws: ``LinearAlgebraError/singular(pivot:)`` if a diagonal entry of L is zero
    ///   (cannot happen for a factor produced by ``init(_:)``);
    ///   ``LinearAlgebraError/lapack(routine:info:)`` for any other LAPACK failure.
    /// - Complexity: O(2n³/3).
    public func inverse() throws -> Matrix {
        let n = dimension
        var inverse = lower
        if n == 0 { return inverse }
        let nn = try lapackInt(n)
        let lda = try leadingDimension(n)
        let info = inverse.storage.withUnsafeMutableBufferPointer { pa in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, lowerTriangle, nn, pa.baseAddress, lda)
        }
        try checkArgumentInfo(info, routine: "dpotri")
        if info > 0 {
            throw LinearAlgebraError.singular(pivot: Int(info))
        }
        inverse.mirrorLowerToUpper()
        return inverse
    }
}

extension Matrix {
    /// The Cholesky factorization of this symmetric positive-definite matrix; see
    /// ``CholeskyFactor/init(_:)``.
    ///
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(leadingMinor:)``,
    ///   ``LinearAlgebraError/dimensionMismatch(_:)``,
    ///   ``LinearAlgebraError/nonFiniteInput(routine:)``.
    /// - Complexity: O(n³/3).
    public func cholesky() throws -> CholeskyFactor {
        try CholeskyFactor(self)
    }
}

/// LAPACK's `uplo = 'L'`: the factor and the symmetric results live in the lower triangle.
private let lowerTriangle = CChar(UInt8(ascii: "L"))
