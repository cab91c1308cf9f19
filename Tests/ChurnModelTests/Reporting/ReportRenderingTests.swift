import Foundation
import Testing
@testable import ChurnModel

@Suite struct ReportRenderingTests {
    @Test func groupedNumbersHaveThousandsSeparators() {
        #expect(NumberFormatting.grouped(1_234_567.4) == "1,234,567")
        #expect(NumberFormatting.grouped(-1_581) == "-1,581")
        #expect(NumberFormatting.grouped(999) == "999")
        #expect(NumberFormatting.grouped(0.126, decimals: 2) == "0.13")
        #expect(NumberFormatting.grouped(-0.004, decimals: 2) == "0.00")
        #expect(NumberFormatting.percent(0.174) == "17.4%")
        #expect(NumberFormatting.compactCurrency(243_068_966) == "243.07M")
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        let table = ReportTable(
            name: "t", title: "T", columns: ["scope", "value", "share", "note"],
            rows: [[.text("Mid, \"market\""), .currency(1.5), .share(0.25), .missing(reason: "beyond horizon")]])
        #expect(CSVRenderer.render(table) == "scope,value,share,note\n\"Mid, \"\"market\"\"\",1.5,0.25,\n")
    }

    @Test func reportDirectoryReplacesWholeFolderAndLeavesNoStaging() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let destination = parent.appendingPathComponent("report")
        try ReportDirectory.write([("a.txt", Data("one".utf8)), ("b.txt", Data("two".utf8))], to: destination)
        try ReportDirectory.write([("a.txt", Data("three".utf8))], to: destination)
        let names = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(names == ["report"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path) == ["a.txt"])
        #expect(try String(contentsOf: destination.appendingPathComponent("a.txt"), encoding: .utf8) == "three")
    }
}
