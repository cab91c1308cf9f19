/// A dense matrix of `Double` stored in column-major order, the layout BLAS and LAPACK use.
///
/// Entry (`row`, `column`) lives at `storage[row + column * rows]`, so each column is a
/// contiguous slice. `Matrix` is a value type: copies share storage until one of them is
/// mutated (copy-on-write via `Array`).
///
/// Shapes are fixed at construction. Building a matrix with inconsistent shape data
/// (a ragged `rowMajor` array, a `columnMajor` array of the wrong length) is a programmer
/// error and traps; operations whose operand shapes disagree throw
/// ``LinearAlgebraError/dimensionMismatch(_:)``.
public struct Matrix: Sendable, Equatable {
    /// Number of rows (m).
    public let rows: Int
    /// Number of columns (n).
    public let columns: Int
    /// The `rows × columns` entries in column-major order.
    public internal(set) var storage: [Double]

    /// Creates a matrix with every entry set to the same value.
    ///
    /// - Parameters:
    ///   - rows: Number of rows, at least 0.
    ///   - columns: Number of columns, at least 0.
    ///   - value: The value of every entry.
    /// - Complexity: O(rows × columns).
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// Creates a matrix from entries already in column-major order.
    ///
    /// - Parameters:
    ///   - rows: Number of rows, at least 0.
    ///   - columns: Number of columns, at least 0.
    ///   - columnMajor: The entries, column after column; its count must be
    ///     `rows × columns`.
    /// - Precondition: `columnMajor.count == rows * columns`.
    /// - Complexity: O(1) (the array is adopted, not copied).
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        precondition(
            columnMajor.count == rows * columns,
            "columnMajor has \(columnMajor.count) entries, expected \(rows) × \(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// Creates a matrix from an array of rows, the way matrices are written on paper.
    ///
    /// `Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])` is 2 × 3. An empty array gives a 0 × 0
    /// matrix.
    ///
    /// - Parameter rowMajor: The rows; all must have the same length.
    /// - Precondition: every row has the same number of entries.
    /// - Complexity: O(rows × columns).
    public init(rowMajor: [[Double]]) {
        let rowCount = rowMajor.count
        let columnCount = rowMajor.first?.count ?? 0
        precondition(
            rowMajor.allSatisfy { $0.count == columnCount },
            "All rows of a matrix must have the same length")
        var storage = [Double]()
        storage.reserveCapacity(rowCount * columnCount)
        for column in 0..<columnCount {
            for row in 0..<rowCount {
                storage.append(rowMajor[row][column])
            }
        }
        self.init(rows: rowCount, columns: columnCount, columnMajor: storage)
    }

    /// The `n × n` identity matrix.
    ///
    /// - Parameter n: The dimension, at least 0.
    /// - Returns: A matrix with ones on the diagonal and zeros elsewhere.
    /// - Complexity: O(n²).
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n {
            result.storage[i + i * n] = 1
        }
        return result
    }

    /// Whether the matrix has as many rows as columns.
    public var isSquare: Bool { rows == columns }

    /// Reads or writes the entry at (`row`, `column`), both zero-based.
    ///
    /// - Precondition: `0 ≤ row < rows` and `0 ≤ column < columns`.
    /// - Complexity: O(1).
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(isValid(row: row, column: column), "Matrix index out of range")
            return storage[row + column * rows]
        }
        set {
            precondition(isValid(row: row, column: column), "Matrix index out of range")
            storage[row + column * rows] = newValue
        }
    }

    /// The entries of one column, top to bottom.
    ///
    /// - Parameter index: Zero-based column index, `0 ≤ index < columns`.
    /// - Returns: An array of `rows` values.
    /// - Complexity: O(rows).
    public func column(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < columns, "Column index out of range")
        return Array(storage[(index * rows)..<((index + 1) * rows)])
    }

    /// The diagonal entries (i, i) for i below `min(rows, columns)`.
    ///
    /// - Complexity: O(min(rows, columns)).
    public var diagonal: [Double] {
        (0..<min(rows, columns)).map { storage[$0 + $0 * rows] }
    }

    /// The transpose Aᵀ, a `columns × rows` matrix.
    ///
    /// - Complexity: O(rows × columns).
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for column in 0..<columns {
            for row in 0..<rows {
                result.storage[column + row * columns] = storage[row + column * rows]
            }
        }
        return result
    }

    private func isValid(row: Int, column: Int) -> Bool {
        row >= 0 && row < rows && column >= 0 && column < columns
    }
}

extension Matrix: CustomStringConvertible {
    /// The entries row by row, for debugging and test failure messages.
    public var description: String {
        let lines = (0..<rows).map { row in
            (0..<columns).map { String(self[row, $0]) }.joined(separator: ", ")
        }
        return "Matrix \(rows)×\(columns) [" + lines.joined(separator: "; ") + "]"
    }
}
