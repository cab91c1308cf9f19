/// A column of an ``EventTable``, named in validation errors.
public enum EventTableField: String, Sendable, CaseIterable {
    /// The observed duration (event or censoring time).
    case duration
    /// The event indicator.
    case event
    /// The late-entry (left-truncation) time.
    case entryTime
    /// The stratum label.
    case stratum
    /// The case weight.
    case weight
    /// The subject identifier.
    case id
    /// The cluster label.
    case cluster
    /// The covariate matrix (rows) or its names (columns).
    case covariate
}

/// A data problem found while building an ``EventTable``.
///
/// Rows are 1-based, as a spreadsheet or R would number them, so a message can be matched
/// to the input file directly.
public enum EventTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The table has no rows.
    case empty
    /// A column's length differs from the number of durations.
    case lengthMismatch(field: EventTableField, expected: Int, actual: Int)
    /// A value is NaN or infinite.
    case nonFiniteValue(row: Int, field: EventTableField, value: Double)
    /// A duration is negative.
    case negativeDuration(row: Int, value: Double)
    /// An entry time is not strictly before the duration; the subject would never be at risk
    /// on the interval (entry, duration].
    case entryNotBeforeDuration(row: Int, entryTime: Double, duration: Double)
    /// A case weight is zero or negative.
    case nonPositiveWeight(row: Int, value: Double)
    /// A covariate value is NaN or infinite.
    case nonFiniteCovariate(row: Int, name: String, value: Double)

    /// A one-line message naming the row and the field.
    public var description: String {
        switch self {
        case .empty:
            return "event table has no rows"
        case let .lengthMismatch(field, expected, actual):
            return "column '\(field.rawValue)' has \(actual) values, expected \(expected)"
        case let .nonFiniteValue(row, field, value):
            return "row \(row): '\(field.rawValue)' is \(value), expected a finite number"
        case let .negativeDuration(row, value):
            return "row \(row): 'duration' is \(value), expected a value >= 0"
        case let .entryNotBeforeDuration(row, entryTime, duration):
            return
                "row \(row): 'entryTime' \(entryTime) is not before 'duration' \(duration)"
        case let .nonPositiveWeight(row, value):
            return "row \(row): 'weight' is \(value), expected a value > 0"
        case let .nonFiniteCovariate(row, name, value):
            return "row \(row): covariate '\(name)' is \(value), expected a finite number"
        }
    }
}
