// Shared helpers for the BLAS/LAPACK wrappers: integer conversion and status checks.
// Nothing here touches pointers.

/// Converts a dimension to the 32-bit integer BLAS and LAPACK take.
///
/// - Throws: ``LinearAlgebraError/sizeOverflow`` if `value` does not fit in `Int32`.
func lapackInt(_ value: Int) throws -> Int32 {
    guard let converted = Int32(exactly: value) else {
        throw LinearAlgebraError.sizeOverflow
    }
    return converted
}

/// The leading dimension for a column-major array with `rows` rows; LAPACK requires at
/// least 1 even for empty matrices.
func leadingDimension(_ rows: Int) throws -> Int32 {
    try lapackInt(max(1, rows))
}

/// Maps a negative LAPACK `info` (illegal argument or workspace allocation failure) to
/// an error. Positive values mean something routine-specific and are handled by callers.
func checkArgumentInfo(_ info: Int32, routine: String) throws {
    if info < 0 {
        throw LinearAlgebraError.lapack(routine: routine, info: Int(info))
    }
}

/// Throws ``LinearAlgebraError/nonFiniteInput(routine:)`` unless every value is finite.
func requireFinite(_ values: [Double], routine: String) throws {
    guard values.allSatisfy(\.isFinite) else {
        throw LinearAlgebraError.nonFiniteInput(routine: routine)
    }
}

/// Throws ``LinearAlgebraError/dimensionMismatch(_:)`` unless `matrix` is square.
func requireSquare(_ matrix: Matrix, for operation: String) throws {
    guard matrix.isSquare else {
        throw LinearAlgebraError.dimensionMismatch(
            "\(operation) needs a square matrix, got \(matrix.rows)×\(matrix.columns)")
    }
}

extension Matrix {
    /// Copies the lower triangle of a square matrix onto the upper one, making it
    /// symmetric.
    ///
    /// - Complexity: O(n²).
    mutating func mirrorLowerToUpper() {
        precondition(isSquare, "Only a square matrix can be mirrored")
        for column in 0..<columns {
            for row in 0..<column {
                storage[row + column * rows] = storage[column + row * rows]
            }
        }
    }

    /// Sets every entry above the diagonal to zero.
    mutating func zeroStrictUpperTriangle() {
        for column in 0..<columns {
            for row in 0..<min(column, rows) {
                storage[row + column * rows] = 0
            }
        }
    }
}
