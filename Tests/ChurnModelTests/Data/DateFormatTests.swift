import Foundation
import Testing
@testable import ChurnModel

/// Dates in history files: year-first with or without a time, day-first and month-first
/// settled by the data or by ``DateFormat``, and located errors when they are not.
@Suite struct DateFormatTests {
    func load(_ text: String, format: DateFormat = .auto) throws -> LoadedHistory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let asOf = try #require(CalendarDate(iso: "2025-12-31"))
        return try HistoryLoader.load(
            path: url.path,
            specification: HistorySpecification(time: .dates(start: "start", end: "end", asOf: asOf), dateFormat: format))
    }

    /// The error loading `text` throws, or nil when it loads.
    func rejection(_ text: String, format: DateFormat = .auto) throws -> DataError? {
        do {
            _ = try load(text, format: format)
            return nil
        } catch let error as DataError {
            return error
        }
    }

    /// Days from each start to its end (or to the as-of date), back from months.
    func days(_ loaded: LoadedHistory) -> [Int] {
        loaded.table.durations.map { Int(($0 * CalendarDate.daysPerMonth).rounded()) }
    }

    @Test(arguments: [
        "2025-01-31", "2025/01/31", "2025-01-31T08:15:00Z", "2025-01-31T23:59:59+02:00", "2025-01-31 00:00:00",
        "2025-01-31T08:15:00.250",
    ])
    func yearFirstDatesWithOrWithoutTimeAreRead(text: String) {
        #expect(CalendarDate(iso: text)?.description == "2025-01-31")
    }

    @Test(arguments: ["2025-01-31T", "2025-01-31 morning", "2025-1-31-1", "31-01-25", "2025-01", "2025.01/31", "20250131"])
    func malformedDatesAreRejected(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func namesAndStrftimePatternsSelectTheFormat() {
        #expect(DateFormat(name: "DMY") == .dmy)
        #expect(DateFormat(name: "%d/%m/%Y") == .dmy)
        #expect(DateFormat(name: "%d.%m.%Y") == .dmy)
        #expect(DateFormat(name: "%m/%d/%Y") == .mdy)
        #expect(DateFormat(name: "%Y-%m-%d") == .iso)
        #expect(DateFormat(name: "ymd") == .iso)
        #expect(DateFormat(name: "%d/%Y/%m") == nil)
    }

    /// 2025-01-02 → 2025-03-15 is 72 days; 2025-02-01 → 2025-12-31 (censored) is 333 days.
    @Test func dayFirstIsDetectedWhenSomeDayExceedsTwelve() throws {
        let loaded = try load("id,start,end\na,02/01/2025,15/03/2025\nb,01/02/2025,\n")
        #expect(days(loaded) == [72, 333])
        #expect(loaded.table.events == [true, false])
    }

    /// The same file read month first: 2025-02-01 → 2025-03-15 is 42 days; 2025-01-02 → 2025-12-31 is 363.
    @Test func monthFirstIsDetectedWhenSomeSecondPartExceedsTwelve() throws {
        let loaded = try load("id,start,end\na,02/01/2025,03/15/2025\nb,01/02/2025,\n")
        #expect(days(loaded) == [42, 363])
    }

    @Test func ambiguousColumnsAskForTheFormatAndTheFlagSettlesThem() throws {
        let text = "id,start,end\na,01/02/2025,03/04/2025\nb,05/06/2025,\n"
        let error = try rejection(text)
        guard case .invalidValue(_, 1, 2, "start", "01/02/2025", _)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(error?.description.contains("--date-format dmy or mdy") == true)
        #expect(days(try load(text, format: .dmy)) == [61, 209])  // 2025-02-01 → 04-03; 2025-06-05 → 12-31
        #expect(days(try load(text, format: .mdy)) == [61, 239])  // 2025-01-02 → 03-04; 2025-05-06 → 12-31
    }

    @Test func contradictoryOrdersNameTheLaterRowAndTheEarlierOne() throws {
        let text = "id,start,end\na,13/01/2025,\nb,01/01/2025,\nc,01/14/2025,\n"
        let error = try rejection(text)
        guard case .invalidValue(_, 3, 4, "start", "01/14/2025", _)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(error?.description.contains("row 1 (line 2) has '13/01/2025' (day first)") == true)
    }

    @Test func isoFormatRejectsYearLastDatesWithTheirRow() throws {
        let error = try rejection("id,start,end\na,2025-01-02,\nb,13/01/2025,\n", format: .iso)
        guard case .invalidValue(_, 2, 3, "start", "13/01/2025", "a date as YYYY-MM-DD")? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
    }

    @Test func impossibleDayInTheChosenOrderIsLocated() throws {
        let error = try rejection("id,start,end\na,2025-01-02,02/30/2025\n", format: .mdy)
        guard case .invalidValue(_, 1, 2, "end", "02/30/2025", "a date as MM/DD/YYYY")? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
    }

    /// Excel writes datetimes; the date part is used: 2025-01-31 → 2025-03-01 is 29 days.
    @Test func excelDatetimesUseTheirDate() throws {
        #expect(days(try load("id,start,end\na,2025-01-31 00:00:00,2025-03-01 23:59:59\n")) == [29])
    }
}
