import Foundation
import Testing
import ZIPFoundation
@testable import ChurnModel

/// The workbook is a real zip whose sheets hold numbers as numeric cells.
@Suite struct ReportWorkbookTests {
    private let table = ReportTable(
        name: "segments", title: "Segments", columns: ["scope", "customers", "arr", "share", "note"],
        rows: [[.text("SMB & <Co>"), .integer(6000), .currency(1_234.5), .share(0.25), .missing(reason: "beyond horizon")]])

    @Test func numbersAreNumericCellsAndTextIsInline() {
        #expect(XLSXSheet.cell(.integer(6000), reference: "B2") == "<c r=\"B2\" s=\"2\"><v>6000</v></c>")
        #expect(XLSXSheet.cell(.currency(1234.5), reference: "C2") == "<c r=\"C2\" s=\"3\"><v>1234.5</v></c>")
        #expect(XLSXSheet.cell(.share(0.25), reference: "D2") == "<c r=\"D2\" s=\"4\"><v>0.25</v></c>")
        #expect(XLSXSheet.cell(.missing(reason: ""), reference: "E2") == "")
        #expect(XLSXSheet.cell(.number(.nan), reference: "F2").contains("t=\"inlineStr\""))
        #expect(XLSXSheet.reference(column: 0, row: 1) == "A1")
        #expect(XLSXSheet.reference(column: 27, row: 3) == "AB3")
    }

    @Test func workbookUnzipsToSheetsWithTypedCells() throws {
        let data = try XLSXWriter.workbook([table, table])
        let archive = try Archive(data: data, accessMode: .read)
        let paths = Set(archive.map(\.path))
        #expect(paths.isSuperset(of: ["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]))
        let sheet = try text(of: "xl/worksheets/sheet1.xml", in: archive)
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">scope</t></is></c>"))
        #expect(sheet.contains("<c r=\"B2\" s=\"2\"><v>6000</v></c>"))
        #expect(sheet.contains("<c r=\"C2\" s=\"3\"><v>1234.5</v></c>"))
        #expect(sheet.contains("SMB &amp; &lt;Co&gt;"))
        #expect(!sheet.contains("<c r=\"B2\" s=\"2\" t="))
        let workbook = try text(of: "xl/workbook.xml", in: archive)
        #expect(workbook.contains("name=\"segments\"") && workbook.contains("name=\"segments_2\""))
    }

    @Test func sheetNamesAreValidAndUnique() {
        #expect(XLSXWriter.sheetName("a/b:c") == "a_b_c")
        #expect(XLSXWriter.sheetName(String(repeating: "x", count: 40)).count == 31)
        #expect(XLSXWriter.uniqueSheetNames(["Table", "table", "table"]) == ["Table", "table_2", "table_3"])
    }

    private func text(of path: String, in archive: Archive) throws -> String {
        guard let entry = archive[path] else { throw CocoaError(.fileNoSuchFile) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
