internal import CLapack

// Matrix products through CBLAS: dgemm, dgemv and dsyrk.

extension Matrix {
    /// Whether a BLAS operand is used as stored or transposed.
    public enum Transposition: Sendable, Equatable {
        /// Use the matrix as stored, op(A) = A.
        case asStored
        /// Use the transpose, op(A) = Aᵀ.
        case transposed
    }

    /// Which symmetric product ``gram(_:alpha:)`` forms.
    public enum GramProduct: Sendable, Equatable {
        /// AᵀA, a `columns × columns` matrix (the cross-product of the columns, e.g. XᵀX).
        case transposeTimesSelf
        /// AAᵀ, a `rows × rows` matrix.
        case selfTimesTranspose
    }

    /// General matrix product C ← α·op(A)·op(B) + β·C (BLAS `dgemm`).
    ///
    /// - Parameters:
    ///   - a: The left operand A.
    ///   - b: The right operand B.
    ///   - transA: Whether to use A or Aᵀ.
    ///   - transB: Whether to use B or Bᵀ.
    ///   - alpha: Scale α of the product.
    ///   - c: The matrix C to accumulate into, or `nil` to start from zero.
    ///   - beta: Scale β of `c`; ignored when `c` is `nil`. When β = 0, `c` is not read,
    ///     so NaNs in it do not propagate (BLAS convention).
    /// - Returns: α·op(A)·op(B) + β·C, an `m × n` matrix where op(A) is `m × k`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if op(A) has a different
    ///   number of columns than op(B) has rows, or `c` is not `m × n`;
    ///   ``LinearAlgebraError/sizeOverflow`` if a dimension exceeds `Int32`.
    /// - Complexity: O(m·n·k).
    public static func product(
        _ a: Matrix, _ b: Matrix,
        transA: Transposition = .asStored, transB: Transposition = .asStored,
        alpha: Double = 1,
        adding c: Matrix? = nil, beta: Double = 1
    ) throws -> Matrix {
        let (m, k) = transA == .asStored ? (a.rows, a.columns) : (a.columns, a.rows)
        let (kB, n) = transB == .asStored ? (b.rows, b.columns) : (b.columns, b.rows)
        guard k == kB else {
            throw LinearAlgebraError.dimensionMismatch(
                "product of a \(m)×\(k) and a \(kB)×\(n) matrix")
        }
        var result = Matrix(rows: m, columns: n)
        var effectiveBeta = 0.0
        if let c {
            guard c.rows == m, c.columns == n else {
                throw LinearAlgebraError.dimensionMismatch(
                    "adding a \(c.rows)×\(c.columns) matrix to a \(m)×\(n) product")
            }
            if beta != 0 {
                result = c
                effectiveBeta = beta
            }
        }
        if m == 0 || n == 0 { return result }
        if k == 0 {
            result.storage = result.storage.map { effectiveBeta * $0 }
            return result
        }
        let (mm, nn, kk) = (try lapackInt(m), try lapackInt(n), try lapackInt(k))
        let lda = try leadingDimension(a.rows)
        let ldb = try leadingDimension(b.rows)
        let ldc = try leadingDimension(m)
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                result.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasColMajor, cblasTranspose(transA), cblasTranspose(transB),
                        mm, nn, kk, alpha, pa.baseAddress, lda, pb.baseAddress, ldb,
                        effectiveBeta, pc.baseAddress, ldc)
                }
            }
        }
        return result
    }

    /// Matrix–vector product y ← α·op(A)·x + β·y (BLAS `dgemv`).
    ///
    /// - Parameters:
    ///   - a: The matrix A.
    ///   - x: The vector x; its length must equal the number of columns of op(A).
    ///   - transA: Whether to use A or Aᵀ.
    ///   - alpha: Scale α of the product.
    ///   - y: The vector to accumulate into, or `nil` to start from zero.
    ///   - beta: Scale β of `y`; ignored when `y` is `nil`; `y` is not read when β = 0.
    /// - Returns: α·op(A)·x + β·y, with as many entries as op(A) has rows.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if the lengths disagree;
    ///   ``LinearAlgebraError/sizeOverflow`` if a dimension exceeds `Int32`.
    /// - Complexity: O(rows × columns).
    public static func product(
        _ a: Matrix, _ x: [Double],
        transA: Transposition = .asStored,
        alpha: Double = 1,
        adding y: [Double]? = nil, beta: Double = 1
    ) throws -> [Double] {
        let (m, n) = transA == .asStored ? (a.rows, a.columns) : (a.columns, a.rows)
        guard x.count == n else {
            throw LinearAlgebraError.dimensionMismatch(
                "product of a \(m)×\(n) matrix and a vector of length \(x.count)")
        }
        var result = [Double](repeating: 0, count: m)
        var effectiveBeta = 0.0
        if let y {
            guard y.count == m else {
                throw LinearAlgebraError.dimensionMismatch(
                    "adding a vector of length \(y.count) to a product of length \(m)")
            }
            if beta != 0 {
                result = y
                effectiveBeta = beta
            }
        }
        if m == 0 { return result }
        if n == 0 { return result.map { effectiveBeta * $0 } }
        // dgemv takes the shape of A as stored, not of op(A).
        let (rows, columns) = (try lapackInt(a.rows), try lapackInt(a.columns))
        let lda = try leadingDimension(a.rows)
        a.storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                result.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasColMajor, cblasTranspose(transA), rows, columns, alpha,
                        pa.baseAddress, lda, px.baseAddress, 1, effectiveBeta,
                        py.baseAddress, 1)
                }
            }
        }
        return result
    }

    /// The product A·B (BLAS `dgemm` with α = 1, β = 0).
    ///
    /// - Parameter other: The right operand B; its row count must equal `columns`.
    /// - Returns: The `rows × other.columns` product.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if the inner dimensions
    ///   differ; ``LinearAlgebraError/sizeOverflow`` if a dimension exceeds `Int32`.
    /// - Complexity: O(rows × columns × other.columns).
    public func multiplied(by other: Matrix) throws -> Matrix {
        try Matrix.product(self, other)
    }

    /// The product A·x (BLAS `dgemv` with α = 1, β = 0).
    ///
    /// - Parameter vector: The vector x, of length `columns`.
    /// - Returns: A vector of length `rows`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if the length is wrong;
    ///   ``LinearAlgebraError/sizeOverflow`` if a dimension exceeds `Int32`.
    /// - Complexity: O(rows × columns).
    public func multiplied(by vector: [Double]) throws -> [Double] {
        try Matrix.product(self, vector)
    }

    /// The product A·B; same as ``multiplied(by:)-(Matrix)``, written `try a * b`.
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if the inner dimensions
    ///   differ; ``LinearAlgebraError/sizeOverflow`` if a dimension exceeds `Int32`.
    /// - Complexity: O(m·n·k).
    public static func * (lhs: Matrix, rhs: Matrix) throws -> Matrix {
        try product(lhs, rhs)
    }

    /// The product A·x; same as ``multiplied(by:)-([Double])``, written `try a * x`.
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` if the length is wrong;
    ///   ``LinearAlgebraError/sizeOverflow`` if a dimension exceeds `Int32`.
    /// - Complexity: O(rows × columns).
    public static func * (lhs: Matrix, rhs: [Double]) throws -> [Double] {
        try product(lhs, rhs)
    }

    /// The symmetric product α·AᵀA or α·AAᵀ (BLAS `dsyrk`), returned with both
    /// triangles filled.
    ///
    /// About half the work of the equivalent ``product(_:_:transA:transB:alpha:adding:beta:)``
    /// call, and exactly symmetric.
    ///
    /// - Parameters:
    ///   - product: `.transposeTimesSelf` for AᵀA (`columns × columns`, e.g. XᵀX) or
    ///     `.selfTimesTranspose` for AAᵀ (`rows × rows`).
    ///   - alpha: Scale α of the product.
    /// - Returns: The full symmetric matrix.
    /// - Throws: ``LinearAlgebraError/sizeOverflow`` if a dimension exceeds `Int32`.
    /// - Complexity: O(n²·k) where the result is `n × n` and k is the other dimension.
    public func gram(_ product: GramProduct = .transposeTimesSelf, alpha: Double = 1) throws
        -> Matrix
    {
        let (n, k) = product == .transposeTimesSelf ? (columns, rows) : (rows, columns)
        var result = Matrix(rows: n, columns: n)
        if n == 0 || k == 0 { return result }
        let trans = product == .transposeTimesSelf ? CblasTrans : CblasNoTrans
        let (nn, kk) = (try lapackInt(n), try lapackInt(k))
        let lda = try leadingDimension(rows)
        let ldc = try leadingDimension(n)
        storage.withUnsafeBufferPointer { pa in
            result.storage.withUnsafeMutableBufferPointer { pc in
                cblas_dsyrk(
                    CblasColMajor, CblasLower, trans, nn, kk, alpha, pa.baseAddress, lda, 0,
                    pc.baseAddress, ldc)
            }
        }
        result.mirrorLowerToUpper()
        return result
    }
}

private func cblasTranspose(_ transposition: Matrix.Transposition) -> CBLAS_TRANSPOSE {
    switch transposition {
    case .asStored: return CblasNoTrans
    case .transposed: return CblasTrans
    }
}
