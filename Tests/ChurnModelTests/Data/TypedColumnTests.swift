import Foundation
import Testing

@testable import ChurnModel

/// Numeric columns parsed from the bytes into doubles: the same values and messages as the
/// text path, and the rare cells (text, missing tokens, other spellings) handled exactly.
@Suite struct TypedColumnTests {
    func load(_ text: String, _ spec: HistorySpecification) throws -> LoadedHistory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try HistoryLoader.load(path: url.path, specification: spec)
    }

    /// The data error loading `text` gives; nil (and an issue) when it loads.
    func loadError(_ text: String, _ spec: HistorySpecification) -> DataError? {
        do {
            _ = try load(text, spec)
            Issue.record("accepted")
            return nil
        } catch {
            return error as? DataError
        }
    }

    let time = HistorySpecification.Time.duration(column: "tenure", event: "churned", entry: nil)

    /// Every spelling gives `Double(String)`'s double: plain decimals (parsed from the bytes),
    /// exponents and 16+ digits (handed to `Double`), quoted and space-padded cells.
    @Test func numbersAreTheDoublesOfTheirText() throws {
        let cells = ["3", "0.1", "1e3", "2.5E-1", "12345678901234567", "0.30000000000000004", "7.", ".25", "+4"]
        let rows = cells.enumerated().map { index, cell in
            index % 3 == 0 ? "\"\(cell)\",1" : index % 3 == 1 ? "  \(cell)\t,0" : "\(cell),1"
        }
        let loaded = try load((["tenure,churned"] + rows).joined(separator: "\n"), HistorySpecification(time: time))
        #expect(loaded.table.durations.map(\.bitPattern) == cells.map { Double($0)?.bitPattern })
    }

    /// A column that reads as numbers for thousands of rows (several read chunks) and then
    /// holds a word is an error naming that cell (issue 23); asked for as levels with
    /// `categorical`, its levels are spelled as in the file ("1.50", not 1.5).
    @Test func lateTextCellIsNamedOrMakesAnAskedForCategoricalWithItsSpelling() throws {
        let rows = (1...40_000).map { "\($0 % 50 + 1),\($0 % 2),\($0 % 2 == 0 ? "1.50" : "2"),\(String(repeating: "x", count: 40))" }
        let text = (["tenure,churned,plan,note"] + rows + ["9,1,Gold,y"]).joined(separator: "\n")
        let error = loadError(text, HistorySpecification(time: time, covariates: ["plan"]))
        guard case .nonNumericCells(_, "plan", [LocatedCell(row: 40_001, line: 40_002, value: "Gold")], 1, 40_000)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        let loaded = try load(text, HistorySpecification(time: time, covariates: ["plan"], categorical: ["plan"]))
        #expect(loaded.covariates[0].kind == .categorical(levels: ["1.50", "2", "Gold"], reference: "1.50"))
        #expect(loaded.table.covariateNames == ["plan=2", "plan=Gold"])
        let matrix = try #require(loaded.table.covariates)
        #expect(matrix.column(0).prefix(4) == [1, 0, 1, 0])
        #expect(matrix.column(1).suffix(2) == [0, 1])
    }

    /// A bad number is reported with its text as written, which the numeric column does not
    /// keep: the message reads that cell from the file again, counting rows past quoted line
    /// breaks and blank lines; row 3 starts on line 6 (row 1 spans lines 2–3, line 4 is blank).
    @Test func invalidNumberIsQuotedAsWritten() throws {
        let text = "tenure,churned,note\n3,1,\"a\nb\"\n\n4,0,x\n-2.50,0,y\n5,1,z\n"
        let error = loadError(text, HistorySpecification(time: time))
        guard case .invalidValue(_, 3, 6, "tenure", "-2.50", "a duration ≥ 0")? = error else { Issue.record("\(String(describing: error))"); return }
    }

    /// Event flags: numbers equal to 1 or 0 in any spelling, and words, in one column.
    @Test func eventFlagsMixNumbersAndWords() throws {
        let text = "tenure,churned\n3,1.0\n4,0\n5,yes\n6,F\n"
        #expect(try load(text, HistorySpecification(time: time)).table.events == [true, false, true, false])
        #expect(throws: DataError.self) { try load("tenure,churned\n3,1\n4,0.5\n", HistorySpecification(time: time)) }
    }

    /// Missing cells before the first value leave the kind open: text after them makes a
    /// categorical column, numbers a numeric one; the dropped rows leave every column.
    @Test func leadingMissingCellsLeaveTheKindToTheFirstValue() throws {
        let text = "tenure,churned,plan,logins\n1,1,NA,\n2,0,Pro,NA\n3,1,Basic,7\n4,0,Pro,1e1\n"
        var spec = HistorySpecification(time: time, covariates: ["plan", "logins"])
        spec.missingValues = .dropRow
        let loaded = try load(text, spec)
        #expect(loaded.droppedRows == [1, 2])
        #expect(loaded.table.durations == [3, 4])
        #expect(loaded.covariates.map(\.kind) == [.categorical(levels: ["Basic", "Pro"], reference: "Basic"), .numeric])
        #expect(loaded.table.covariates?.storage == [0, 1, 7, 10])
        spec.missingValues = .error
        let error = loadError(text, spec)
        guard case .invalidValue(_, 1, 2, "plan", "NA", _)? = error else { Issue.record("\(String(describing: error))"); return }
    }

    /// Date columns parsed from the bytes: the day-month order settled by a cell far down a
    /// multi-chunk file, blank or `NA` ends still active, and an impossible date quoted as
    /// written (read again from the file).
    @Test func datesAreParsedFromTheBytesAndBadOnesQuotedAsWritten() throws {
        let asOf = try #require(CalendarDate(iso: "2025-12-31"))
        let spec = HistorySpecification(time: .dates(start: "start", end: "end", asOf: asOf))
        let rows = (1...30_000).map { "\($0),01/0\($0 % 9 + 1)/2021,\($0 % 3 == 0 ? "NA" : $0 % 3 == 1 ? "" : "02/03/2024"),padding-padding" }
        let text = (["id,start,end,note"] + rows + ["x,25/12/2021,,last"]).joined(separator: "\n")
        let loaded = try load(text, spec)
        #expect(loaded.table.count == 30_001)
        #expect(loaded.table.events.prefix(3) == [false, true, false])
        // Row 2: 1 March 2021 → 2 March 2024 (day first) is 1,097 days.
        #expect(abs(loaded.table.durations[1] - 1_097 / CalendarDate.daysPerMonth) < 1e-12)
        let impossible = text.replacingOccurrences(of: "2,01/03/2021,02/03/2024", with: "2,01/03/2021,31/02/2024")
        let error = loadError(impossible, spec)
        guard case .invalidValue(_, 2, 3, "end", "31/02/2024", "a date as DD/MM/YYYY")? = error else { Issue.record("\(String(describing: error))"); return }
    }

    /// An empty start date is missing (dropped or reported); an empty end date means active.
    @Test func emptyStartDateIsMissingEmptyEndDateIsActive() throws {
        let asOf = try #require(CalendarDate(iso: "2025-12-31"))
        var spec = HistorySpecification(time: .dates(start: "start", end: "end", asOf: asOf), missingValues: .dropRow)
        let text = "id,start,end\n1,,2024-01-01\n2,2021-01-01,\n3,2021-01-01,2022-01-01\n"
        let loaded = try load(text, spec)
        #expect(loaded.droppedRows == [1])
        #expect(loaded.table.events == [false, true])
        spec.missingValues = .error
        let error = loadError(text, spec)
        guard case .invalidValue(_, 1, 2, "start", "", _)? = error else { Issue.record("\(String(describing: error))"); return }
    }
}
