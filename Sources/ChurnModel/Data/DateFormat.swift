/// How the dates of a CSV are written.
///
/// Year-first dates (`2026-01-31`, `2026/01/31`) are read in every mode. Dates with the year
/// last (`31/01/2026`, `01/31/2026`, also with `-` or `.`) need the day-month order, which
/// ``auto`` takes from the data only when the date columns settle it (some first part above
/// 12 means day first, some second part above 12 means month first). A time after the date
/// (`2026-01-31T08:15:00Z`, Excel's `2026-01-31 00:00:00`) is ignored: the date is taken as
/// written, without time-zone conversion.
public enum DateFormat: String, Sendable, CaseIterable {
    /// Year-first dates, and year-last dates when the columns settle the day-month order.
    case auto
    /// Year first only: `YYYY-MM-DD` or `YYYY/MM/DD`.
    case iso
    /// Day first: `DD/MM/YYYY` (also `-` or `.`), as in most of Europe.
    case dmy
    /// Month first: `MM/DD/YYYY` (also `-` or `.`), as in the United States.
    case mdy

    /// Reads a name (`auto`, `iso`, `ymd`, `dmy`, `mdy`) or a strftime pattern such as
    /// `%d/%m/%Y`, `%m/%d/%Y` or `%Y-%m-%d`; nil otherwise.
    public init?(name: String) {
        if let named = DateFormat(rawValue: name.lowercased()) {
            self = named
            return
        }
        let fields = name.lowercased().split(whereSeparator: { "-/.".contains($0) })
        switch fields {
        case ["ymd"], ["%y", "%m", "%d"]: self = .iso
        case ["%d", "%m", "%y"]: self = .dmy
        case ["%m", "%d", "%y"]: self = .mdy
        default: return nil
        }
    }

    /// The pattern named in error messages.
    var pattern: String {
        switch self {
        case .auto: "YYYY-MM-DD, or DD/MM/YYYY or MM/DD/YYYY with --date-format"
        case .iso: "YYYY-MM-DD"
        case .dmy: "DD/MM/YYYY"
        case .mdy: "MM/DD/YYYY"
        }
    }
}
