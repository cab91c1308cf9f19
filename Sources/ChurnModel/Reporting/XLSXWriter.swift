import Foundation
import ZIPFoundation

/// Writes report tables as an Office Open XML workbook (`report.xlsx`, ECMA-376): one sheet
/// per table, numbers stored as numbers (with display formats for counts, currency and
/// percentages), text as inline strings, and a bold header row.
///
/// The parts are the minimum Excel, LibreOffice and openpyxl accept: content types,
/// package and workbook relationships, workbook, styles and one worksheet per table. Entries
/// carry a fixed date so the same tables give the same bytes.
public enum XLSXWriter {
    /// The workbook of `tables` as the bytes of a `.xlsx` file.
    /// - Throws: a ZIPFoundation error if the archive cannot be built.
    public static func workbook(_ tables: [ReportTable]) throws -> Data {
        let names = uniqueSheetNames(tables.map(\.name))
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypes(sheets: tables.count)),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbookXML(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: tables.count)),
            ("xl/styles.xml", XLSXSheet.styles),
        ]
        for (index, table) in tables.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", XLSXSheet.xml(table)))
        }
        let archive = try Archive(accessMode: .create)
        let date = Date(timeIntervalSince1970: 946_684_800)
        for part in parts {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// A valid sheet name for a table name: at most 31 characters, none of `[]:*?/\`.
    public static func sheetName(_ name: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        let cleaned = String(name.map { forbidden.contains($0) ? "_" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }

    /// Sheet names made unique (case-insensitively, as Excel requires) by a numeric suffix.
    static func uniqueSheetNames(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.map { name in
            var candidate = sheetName(name)
            var counter = 2
            while seen.contains(candidate.lowercased()) {
                let suffix = "_\(counter)"
                candidate = String(sheetName(name).prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            seen.insert(candidate.lowercased())
            return candidate
        }
    }

    private static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private static func contentTypes(sheets: Int) -> String {
        let overrides = (1...Swift.max(sheets, 1)).prefix(sheets).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xmlHeader
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + overrides.joined() + "</Types>"
    }

    private static let packageRelationships = xmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static func workbookXML(_ names: [String]) -> String {
        let sheets = names.enumerated().map { index, name in
            "<sheet name=\"\(HTMLEscaping.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xmlHeader
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets>" + sheets.joined() + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheets: Int) -> String {
        var relationships = (0..<sheets).map { index in
            "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        relationships.append(
            "<Relationship Id=\"rId\(sheets + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
        return xmlHeader
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + relationships.joined() + "</Relationships>"
    }
}
