import Foundation
import Testing
@testable import ChurnModel

/// A numeric covariate with a few stray cells is an error naming them, never silently a
/// categorical covariate with a level per number; text with very many levels needs to be asked
/// for (issue 23, point 4).
@Suite struct CovariateColumnKindTests {
    let time = HistorySpecification.Time.duration(column: "t", event: "e", entry: nil)

    /// 2,000 rows of numbers in `x1` (and a two-level `plan`), with `strays` put in the given rows.
    func history(strays: [Int: String]) -> String {
        var lines = ["t,e,x1,plan"]
        for row in 1...2_000 {
            let x = strays[row] ?? String(Double(row % 97) / 10)
            lines.append("\(row % 30 + 1),\(row % 3 == 0 ? 0 : 1),\(x),\(row % 2 == 0 ? "A" : "B")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func load(_ text: String, _ spec: HistorySpecification) throws -> LoadedHistory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-kind-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try HistoryLoader.load(path: url.path, specification: spec)
    }

    func nonNumericError(_ text: String) throws -> DataError {
        do {
            _ = try load(text, HistorySpecification(time: time, covariates: ["x1"]))
        } catch let error as DataError {
            return error
        }
        throw CocoaError(.featureUnsupported)  // accepted: the caller's #require fails
    }

    @Test(arguments: [[1_500: "oops"], [1_500: "inf"], [1: "oops"], [7: "-inf", 1_999: "Infinity", 42: "12abc"]])
    func strayCellsInANumericColumnAreNamed(strays: [Int: String]) throws {
        let error = try nonNumericError(history(strays: strays))
        guard case .nonNumericCells(_, "x1", let cells, let count, let numbers) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(count == strays.count && numbers == 2_000 - strays.count)
        #expect(cells == strays.keys.sorted().map { LocatedCell(row: $0, line: $0 + 1, value: strays[$0]!) })
        #expect(error.description.contains("row \(strays.keys.min()!) (line \(strays.keys.min()! + 1))"))
        #expect(error.description.contains("--categorical x1"))
    }

    @Test func manyStraysAreCountedWithTheFirstFiveNamed() throws {
        let strays = Dictionary(uniqueKeysWithValues: (1...12).map { ($0 * 10, "bad\($0)") })
        let error = try nonNumericError(history(strays: strays))
        guard case .nonNumericCells(_, _, let cells, 12, 1_988) = error else { Issue.record("\(error)"); return }
        #expect(cells.map(\.row) == [10, 20, 30, 40, 50])
        #expect(error.description.contains("and 7 more"))
    }

    /// Missing-value tokens are missing, not strays: an error under the default policy and
    /// dropped with `--missing drop`, the column staying numeric.
    @Test func missingTokensFollowTheMissingValuePolicy() throws {
        var spec = HistorySpecification(time: time, covariates: ["x1"])
        spec.missingValues = .dropRow
        let loaded = try load(history(strays: [100: "NA", 200: "nan"]), spec)
        #expect(loaded.droppedRows == [100, 200])
        #expect(loaded.covariates[0].kind == .numeric)
    }

    /// `--categorical` takes numbers as levels; a mostly-text column with a few numbers is
    /// text levels as before.
    @Test func categoricalIsTakenWhenAskedOrWhenMostCellsAreText() throws {
        let text = "t,e,tier\n" + (1...40).map { "\($0),1,\(["1", "2", "Gold"][$0 % 3])" }.joined(separator: "\n") + "\n"
        let plain = try load(text, HistorySpecification(time: time, covariates: ["tier"]))
        #expect(plain.covariates[0].kind == .categorical(levels: ["1", "2", "Gold"], reference: "1"))
        let numbers = "t,e,x\n" + (1...40).map { "\($0),1,\($0 % 4)" }.joined(separator: "\n") + "\n"
        let asked = try load(numbers, HistorySpecification(time: time, covariates: ["x"], categorical: ["x"]))
        #expect(asked.covariates[0].kind == .categorical(levels: ["0", "1", "2", "3"], reference: "0"))
    }

    @Test func moreThanFiftyTextLevelsNeedToBeAskedFor() throws {
        let text = "t,e,id\n" + (1...120).map { "\($0),\($0 % 2),cust\($0)" }.joined(separator: "\n") + "\n"
        #expect {
            try load(text, HistorySpecification(time: time, covariates: ["id"]))
        } throws: { error in
            "\(error)".contains("covariate 'id' has 120 distinct text values") && "\(error)".contains("--categorical id")
        }
        let asked = try load(text, HistorySpecification(time: time, covariates: ["id"], categorical: ["id"]))
        #expect(asked.table.covariateNames.count == 119)
    }

    @Test func categoricalMustNameACovariate() {
        #expect(throws: DataError.self) {
            try load(history(strays: [:]), HistorySpecification(time: time, covariates: ["x1"], categorical: ["plan"]))
        }
    }
}
