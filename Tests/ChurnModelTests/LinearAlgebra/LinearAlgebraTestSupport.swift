import Testing
@testable import ChurnModel

/// Namespace for the linear-algebra suites, so `swift test --filter LinearAlgebra`
/// selects them all.
@Suite enum LinearAlgebraTests {}

/// SplitMix64 (Steele, Lea & Flood 2014), a tiny deterministic generator so these tests
/// depend on nothing else in the project and give the same matrices on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [-1, 1), from the top 53 bits.
    mutating func nextSigned() -> Double {
        Double(next() >> 11) * 0x1p-53 * 2 - 1
    }

    mutating func matrix(rows: Int, columns: Int) -> Matrix {
        Matrix(
            rows: rows, columns: columns,
            columnMajor: (0..<(rows * columns)).map { _ in nextSigned() })
    }

    mutating func vector(_ count: Int) -> [Double] {
        (0..<count).map { _ in nextSigned() }
    }
}

/// A random symmetric positive-definite matrix BᵀB + n·I, built with naive loops so the
/// input does not depend on the BLAS wrappers under test.
func randomSPD(_ n: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    let b = generator.matrix(rows: n, columns: n)
    var a = Matrix(rows: n, columns: n)
    for i in 0..<n {
        for j in 0..<n {
            var sum = i == j ? Double(n) : 0
            for k in 0..<n { sum += b[k, i] * b[k, j] }
            a[i, j] = sum
        }
    }
    return a
}

/// Reference product op(A)·op(B) by the textbook triple loop.
func naiveProduct(_ a: Matrix, transposeA: Bool, _ b: Matrix, transposeB: Bool) -> Matrix {
    let opA = transposeA ? a.transposed() : a
    let opB = transposeB ? b.transposed() : b
    var c = Matrix(rows: opA.rows, columns: opB.columns)
    for i in 0..<opA.rows {
        for j in 0..<opB.columns {
            var sum = 0.0
            for k in 0..<opA.columns { sum += opA[i, k] * opB[k, j] }
            c[i, j] = sum
        }
    }
    return c
}

/// Largest absolute entry of A − B (both must have the same shape).
func maxAbsDifference(_ a: Matrix, _ b: Matrix) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns)
    return maxAbsDifference(a.storage, b.storage)
}

func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

func maxAbs(_ values: [Double]) -> Double {
    values.reduce(0) { max($0, abs($1)) }
}
