/// The unit of a fitted model's time scale, for reading its durations as months.
public enum TimeUnit: String, Sendable, CaseIterable {
    /// Months (the simulator's unit).
    case months
    /// Days; a month is 365.25/12 days (``CalendarDate/daysPerMonth``).
    case days
    /// Weeks of 7 days.
    case weeks
    /// Years of 12 months.
    case years

    /// Months in one unit.
    public var months: Double {
        switch self {
        case .months: 1
        case .days: 1 / CalendarDate.daysPerMonth
        case .weeks: 7 / CalendarDate.daysPerMonth
        case .years: 12
        }
    }
}
