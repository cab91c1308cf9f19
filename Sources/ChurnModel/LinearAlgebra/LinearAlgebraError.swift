/// Why a linear-algebra operation could not produce a result.
///
/// Every BLAS/LAPACK status code (`info`) is translated into one of these cases; none is
/// asserted away. Model fitting code usually catches ``notPositiveDefinite(leadingMinor:)``
/// and ``singular(pivot:)`` and reports them as collinear or constant covariates.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The symmetric matrix is not positive definite: the leading principal minor of this
    /// order (1-based) is not positive, so the Cholesky factorization stopped there.
    case notPositiveDefinite(leadingMinor: Int)
    /// The matrix is singular: this diagonal entry (1-based) of the triangular factor is
    /// exactly zero.
    case singular(pivot: Int)
    /// The operands' shapes are incompatible; the string says which shapes met.
    case dimensionMismatch(String)
    /// The input to this routine contains NaN or an infinity.
    case nonFiniteInput(routine: String)
    /// A LAPACK routine reported an unexpected status code.
    case lapack(routine: String, info: Int)
    /// An iterative LAPACK routine (an eigensolver) did not converge.
    case noConvergence(routine: String)
    /// A dimension is too large for the 32-bit integers BLAS and LAPACK take.
    case sizeOverflow

    /// A sentence a user can read, naming the problem and where it came from.
    public var description: String {
        switch self {
        case .notPositiveDefinite(let minor):
            return "The matrix is not positive definite: its leading minor of order \(minor) "
                + "is not positive, so it has no Cholesky factor (in a model fit this "
                + "usually means collinear or constant covariates)."
        case .singular(let pivot):
            return "The matrix is singular: pivot \(pivot) of its triangular factor is "
                + "exactly zero, so the system has no unique solution."
        case .dimensionMismatch(let detail):
            return "Matrix dimensions do not match: \(detail)."
        case .nonFiniteInput(let routine):
            return "The input to \(routine) contains NaN or infinite values."
        case .lapack(let routine, let info):
            return "LAPACK routine \(routine) failed with info = \(info)"
                + Self.explanation(ofInfo: info) + "."
        case .noConvergence(let routine):
            return "LAPACK routine \(routine) did not converge."
        case .sizeOverflow:
            return "A matrix dimension exceeds the 32-bit integer range that BLAS and "
                + "LAPACK accept."
        }
    }

    private static func explanation(ofInfo info: Int) -> String {
        switch info {
        case -1011, -1010:
            return " (could not allocate workspace memory)"
        case ..<0:
            return " (argument \(-info) had an illegal value)"
        default:
            return ""
        }
    }
}
