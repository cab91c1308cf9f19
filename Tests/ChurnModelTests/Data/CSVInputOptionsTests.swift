import Foundation
import Testing
@testable import ChurnModel

/// A forced delimiter overrides detection, and the missing-value policy is explicit.
@Suite struct CSVInputOptionsTests {
    func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func delimiterNamesAndCharactersAreAccepted() {
        #expect(CSVDelimiter(name: "comma") == .comma)
        #expect(CSVDelimiter(name: ",") == .comma)
        #expect(CSVDelimiter(name: "Semicolon") == .semicolon)
        #expect(CSVDelimiter(name: "\t") == .tab)
        #expect(CSVDelimiter(name: "\\t") == .tab)
        #expect(CSVDelimiter(name: "|") == nil)
    }

    /// The header's quoted name holds more commas than the header has semicolons, so detection
    /// picks the comma and finds no column `tenure`; forcing the semicolon reads the file.
    @Test func forcedDelimiterOverridesDetection() throws {
        let path = try write("\"plan, tier, region\";tenure\n\"Pro, annual, EU\";3,5\nBasic;12,0\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: DataError.self) { try CSVColumns.read(path: path, columns: ["tenure"]) }
        let csv = try CSVColumns.read(path: path, columns: ["tenure", "plan, tier, region"], delimiter: .semicolon)
        #expect(csv.column("tenure") == ["3,5", "12,0"])
        #expect(csv.column("plan, tier, region") == ["Pro, annual, EU", "Basic"])
    }

    @Test func forcedTabKeepsCommasAndSemicolonsInCells() throws {
        let path = try write("tenure\tchurned\tplan\n3\t1\tPro; annual, EU\n12\t0\tBasic\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let spec = HistorySpecification(
            time: .duration(column: "tenure", event: "churned", entry: nil), covariates: ["plan"], delimiter: .tab)
        let loaded = try HistoryLoader.load(path: path, specification: spec)
        #expect(loaded.table.covariateNames == ["plan=Pro; annual, EU"])
    }

    @Test func cohortCountsHonourTheDelimiter() throws {
        let path = try write("period;active\n0;100\n1;80\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try CohortCountsLoader.load(path: path, delimiter: .semicolon) == [100, 80])
        #expect(throws: DataError.self) { try CohortCountsLoader.load(path: path, delimiter: .comma) }
    }

    @Test(arguments: ["", "NA", "n/a", "#N/A", "NaN", "null", "None", "  na  "])
    func everyMissingTokenIsMissingUnderBothPolicies(token: String) throws {
        let path = try write("tenure,churned,logins\n3,1,\(token)\n12,0,4\n7,1,2\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var spec = HistorySpecification(time: .duration(column: "tenure", event: "churned", entry: nil), covariates: ["logins"])
        do {
            _ = try HistoryLoader.load(path: path, specification: spec)
            Issue.record("'\(token)' was accepted under --missing error")
        } catch let error as DataError {
            guard case .invalidValue(_, 1, 2, "logins", _, let expected) = error else { Issue.record("\(error)"); return }
            #expect(expected.contains("--missing drop"))
        }
        spec.missingValues = .dropRow
        let loaded = try HistoryLoader.load(path: path, specification: spec)
        #expect(loaded.droppedRows == [1])
        #expect(loaded.table.durations == [12, 7])
    }

    @Test func wordsThatMerelyStartLikeTokensAreValues() throws {
        for cell in ["nan0", "NAB", "nullable", "N/A2"] {
            #expect(!HistorySpecification.MissingValuePolicy.isMissing(cell), "\(cell)")
        }
        #expect(HistorySpecification.MissingValuePolicy(rawValue: "drop") == .dropRow)
    }
}
