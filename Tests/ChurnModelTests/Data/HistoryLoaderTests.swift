import Foundation
import Testing
@testable import ChurnModel

/// Loading customer history: time columns, covariate encoding, missing values, located errors.
@Suite struct HistoryLoaderTests {
    static let history = """
        customer,tenure,churned,plan,sponsor_change,logins,weight
        a,3,1,Pro,yes,10,1
        b,12,0,Basic,no,25,2
        c,7,1,Enterprise,no,4,1
        d,24,0,Pro,yes,31,1
        """

    func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func load(_ text: String, _ spec: HistorySpecification) throws -> LoadedHistory {
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try HistoryLoader.load(path: path, specification: spec)
    }

    let durationTime = HistorySpecification.Time.duration(column: "tenure", event: "churned", entry: nil)

    @Test func covariatesAreNumericBooleanOrIndicatorsAgainstFirstLevel() throws {
        let spec = HistorySpecification(time: durationTime, covariates: ["logins", "sponsor_change", "plan"], weights: "weight")
        let loaded = try load(Self.history, spec)
        let table = loaded.table
        #expect(table.durations == [3, 12, 7, 24])
        #expect(table.events == [true, false, true, false])
        #expect(table.weights == [1, 2, 1, 1])
        #expect(table.covariateNames == ["logins", "sponsor_change", "plan=Enterprise", "plan=Pro"])
        let matrix = try #require(table.covariates)
        #expect(matrix.column(0) == [10, 25, 4, 31])
        #expect(matrix.column(1) == [1, 0, 0, 1])
        #expect(matrix.column(2) == [0, 0, 1, 0])
        #expect(matrix.column(3) == [1, 0, 0, 1])
        #expect(loaded.covariates[2].kind == .categorical(levels: ["Basic", "Enterprise", "Pro"], reference: "Basic"))
    }

    @Test func referenceLevelCanBeChosen() throws {
        let spec = HistorySpecification(time: durationTime, covariates: ["plan"], referenceLevels: ["plan": "Pro"])
        #expect(try load(Self.history, spec).table.covariateNames == ["plan=Basic", "plan=Enterprise"])
        let unknown = HistorySpecification(time: durationTime, covariates: ["plan"], referenceLevels: ["plan": "Gold"])
        #expect(throws: DataError.self) { try load(Self.history, unknown) }
    }

    @Test func missingValueIsAnErrorNamingRowAndColumnOrIsDropped() throws {
        let text = Self.history.replacingOccurrences(of: "c,7,1,Enterprise,no,4,1", with: "c,7,1,Enterprise,no,NA,1")
        let spec = HistorySpecification(time: durationTime, covariates: ["logins"])
        do {
            _ = try load(text, spec)
            Issue.record("accepted")
        } catch let error as DataError {
            guard case .invalidValue(_, 3, 4, "logins", "NA", _) = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains("row 3 (line 4): column 'logins'"))
        }
        var dropping = spec
        dropping.missingValues = .dropRow
        let loaded = try load(text, dropping)
        #expect(loaded.droppedRows == [3])
        #expect(loaded.table.count == 3)
        #expect(loaded.warnings == ["dropped 1 row(s) with missing values: row 3 (line 4)"])
    }

    /// The dropped-rows warning names the line each row starts on: here a blank line before
    /// row 2 and a quoted line break in row 2 put row 4 on line 7, not 5.
    @Test func droppedRowsWarningNamesTheirLines() throws {
        let text = """
            customer,tenure,churned,logins
            a,3,1,10

            "b
            (renamed)",12,0,NA
            c,7,1,4
            d,24,0,
            """
        var spec = HistorySpecification(time: durationTime, covariates: ["logins"])
        spec.missingValues = .dropRow
        let loaded = try load(text, spec)
        #expect(loaded.droppedRows == [2, 4])
        #expect(loaded.warnings == ["dropped 2 row(s) with missing values: row 2 (line 4), row 4 (line 7)"])
    }

    @Test(arguments: [
        ("b,12,0,", "b,-12,0,", "tenure"), ("b,12,0,", "b,twelve,0,", "tenure"), ("b,12,0,", "b,12,2,", "churned"),
    ])
    func badCellsNameRowAndColumn(old: String, new: String, column: String) throws {
        let spec = HistorySpecification(time: durationTime)
        #expect(throws: DataError.self) { try load(Self.history.replacingOccurrences(of: old, with: new), spec) }
        do { _ = try load(Self.history.replacingOccurrences(of: old, with: new), spec) } catch let error as DataError {
            guard case .invalidValue(_, 2, 3, let found, _, _) = error else { Issue.record("\(error)"); return }
            #expect(found == column)
        }
    }

    /// Dates: 2025-01-01 → 2025-07-01 is 181 days; active customers are censored at the as-of date.
    @Test func datesBecomeMonthsWithBlankEndCensored() throws {
        let text = """
            id,start,end
            1,2025-01-01,2025-07-01
            2,2025-01-01,
            3,2024-02-29,2026-01-15
            """
        let asOf = try #require(CalendarDate(iso: "2025-12-31"))
        let loaded = try load(text, HistorySpecification(time: .dates(start: "start", end: "end", asOf: asOf)))
        #expect(loaded.table.events == [true, false, false])
        #expect(abs(loaded.table.durations[0] - 181 / (365.25 / 12)) < 1e-12)
        #expect(abs(loaded.table.durations[1] - 364 / (365.25 / 12)) < 1e-12)
        #expect(abs(loaded.table.durations[2] - 671 / (365.25 / 12)) < 1e-12)  // ended after as-of: censored there
    }

    @Test func calendarDatesRoundTripAndRejectImpossibleDays() throws {
        #expect(CalendarDate(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDate(iso: "2000-03-01")?.daysSinceEpoch == 11_017)
        #expect(CalendarDate(iso: "2026-11-25")?.description == "2026-11-25")
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "25-01-01") == nil)
    }
}
