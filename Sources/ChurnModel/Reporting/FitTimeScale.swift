/// The time unit of a fit's history, as a report writes it: the axis title, the unit of a
/// hazard ("per month") and moments in titles ("month 48").
struct FitTimeScale: Sendable, Equatable {
    /// The unit of the durations, nil when the history does not say (a bare duration column).
    var unit: TimeUnit?

    /// The tenure axis, "Tenure (months)" or "Tenure (units of the history file)".
    var axis: ReportChartAxis {
        ReportChartAxis(title: "Tenure", unit: .time(unit?.rawValue ?? "units of the history file"))
    }

    /// One unit, singular: "month", or "unit of time" when unknown.
    var singular: String { unit.map { String($0.rawValue.dropLast()) } ?? "unit of time" }

    /// A hazard axis in events per unit of time.
    var hazardAxis: ReportChartAxis { ReportChartAxis(title: "Churn hazard", unit: .rate(per: singular)) }

    /// A moment for a title: "month 48", "day 1,022" or "time 48".
    func moment(_ time: Double) -> String {
        (unit.map { String($0.rawValue.dropLast()) } ?? "time") + " " + Self.number(time)
    }

    /// A span for a title: "months 0–5", or "times 0–5" when the unit is unknown.
    func span(_ start: Double, _ end: Double) -> String {
        (unit?.rawValue ?? "times") + " " + Self.number(start) + "–" + Self.number(end)
    }

    /// A hazard value to two significant digits with its unit: "0.031 per month", "0.2 per month".
    func rate(_ hazard: Double) -> String {
        var digits = NumberFormatting.significant(hazard, digits: 2)
        if digits.contains("."), !digits.contains("e") {
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        return digits + " per " + singular
    }

    /// A time without needless decimals: "48", "47.5".
    static func number(_ time: Double) -> String {
        NumberFormatting.grouped(time, decimals: abs(time - time.rounded()) < 0.05 ? 0 : 1)
    }
}
