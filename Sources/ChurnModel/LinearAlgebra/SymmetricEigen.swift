internal import CLapack

/// The eigen decomposition A = V·Λ·Vᵀ of a real symmetric matrix (LAPACK `dsyevd`,
/// divide and conquer).
///
/// Eigenvalues are real and sorted ascending; the eigenvectors are orthonormal, with
/// column j of ``eigenvectors`` belonging to `eigenvalues[j]`. Each eigenvector's sign is
/// arbitrary (whatever LAPACK returns). Useful for checking definiteness, condition
/// numbers and drawing correlated normals.
///
/// Only the lower triangle of the input is read.
///
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., §8.
public struct SymmetricEigenDecomposition: Sendable, Equatable {
    /// The n eigenvalues λ₁ ≤ λ₂ ≤ … ≤ λₙ.
    public let eigenvalues: [Double]
    /// The `n × n` orthogonal matrix V whose column j is the unit eigenvector for
    /// `eigenvalues[j]`.
    public let eigenvectors: Matrix

    /// Computes all eigenvalues and eigenvectors of a symmetric matrix (LAPACK `dsyevd`).
    ///
    /// - Parameter matrix: A square symmetric matrix; only its lower triangle is read.
    /// - Throws: ``LinearAlgebraError/noConvergence(routine:)`` if the eigensolver fails
    ///   to converge; ``LinearAlgebraError/dimensionMismatch(_:)`` if `matrix` is not
    ///   square; ``LinearAlgebraError/nonFiniteInput(routine:)`` for NaN or ±∞;
    ///   ``LinearAlgebraError/sizeOverflow`` if n exceeds `Int32`.
    /// - Complexity: O(n³).
    public init(_ matrix: Matrix) throws {
        try requireSquare(matrix, for: "Symmetric eigen decomposition")
        try requireFinite(matrix.storage, routine: "dsyevd")
        let n = matrix.rows
        var vectors = matrix
        var values = [Double](repeating: 0, count: n)
        if n > 0 {
            let nn = try lapackInt(n)
            let lda = try leadingDimension(n)
            let info = vectors.storage.withUnsafeMutableBufferPointer { pa in
                values.withUnsafeMutableBufferPointer { pw in
                    LAPACKE_dsyevd(
                        LAPACK_COL_MAJOR, computeVectors, lowerTriangle, nn, pa.baseAddress,
                        lda, pw.baseAddress)
                }
            }
            try checkArgumentInfo(info, routine: "dsyevd")
            if info > 0 {
                throw LinearAlgebraError.noConvergence(routine: "dsyevd")
            }
        }
        self.eigenvalues = values
        self.eigenvectors = vectors
    }
}

extension Matrix {
    /// The eigen decomposition of this symmetric matrix; see
    /// ``SymmetricEigenDecomposition/init(_:)``.
    ///
    /// - Throws: ``LinearAlgebraError/noConvergence(routine:)``,
    ///   ``LinearAlgebraError/dimensionMismatch(_:)``,
    ///   ``LinearAlgebraError/nonFiniteInput(routine:)``.
    /// - Complexity: O(n³).
    public func symmetricEigen() throws -> SymmetricEigenDecomposition {
        try SymmetricEigenDecomposition(self)
    }
}

/// LAPACK's `jobz = 'V'`: compute eigenvectors as well as eigenvalues.
private let computeVectors = CChar(UInt8(ascii: "V"))
/// LAPACK's `uplo = 'L'`: read the lower triangle.
private let lowerTriangle = CChar(UInt8(ascii: "L"))
