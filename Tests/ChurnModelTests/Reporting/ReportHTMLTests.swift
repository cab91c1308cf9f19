import Foundation
import Testing
@testable import ChurnModel

/// The HTML report: escaping, order of sections, charts only with data.
@Suite struct ReportHTMLTests {
    private func chart(name: String, points: [ReportChartPoint]) -> ReportChart {
        ReportChart(
            name: name, title: "Churn <falls> & \"stays\" low", kind: .line,
            xAxis: ReportChartAxis(title: "Month", unit: .months), yAxis: ReportChartAxis(title: "Share", unit: .share),
            series: [ReportChartSeries(name: "A", points: points, colorIndex: 0)])
    }

    private func report(charts: [ReportChart]) -> ReportModel {
        ReportModel(
            title: "Plan <script>alert(1)</script>", keyFigures: ["Median CAC payback is 14 months (P10–P90: 9–27)."],
            charts: charts,
            tables: [
                ReportTable(name: "segments", title: "Segments", columns: ["scope", "customers"], rows: [[.text("SMB & Co"), .integer(6000)]]),
                ReportTable(name: "assumptions", title: "Assumptions", columns: ["segment", "cac"], rows: [[.text("SMB"), .currency(3000)]], isAudit: true),
            ],
            audit: [("Scenario file", "a<b>.yaml"), ("Seed", "42")])
    }

    @Test func escapesMarkupInTextAndAttributes() {
        #expect(HTMLEscaping.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("bell\u{07}tab\t") == "belltab\t")
        let html = HTMLRenderer.render(report(charts: [chart(name: "x\"y", points: [ReportChartPoint(x: 0, y: 1)])]))
        #expect(!html.contains("<script"))
        #expect(html.contains("Plan &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("SMB &amp; Co"))
        #expect(html.contains("a&lt;b&gt;.yaml"))
        #expect(html.contains("data-chart=\"x&quot;y\""))
        #expect(html.contains("Churn &lt;falls&gt; &amp; &quot;stays&quot; low"))
    }

    @Test func chartsWithoutDataAreNotDrawn() {
        let empty = chart(name: "empty", points: [])
        let notFinite = chart(name: "nan", points: [ReportChartPoint(x: .nan, y: 1)])
        #expect(SVGChartRenderer.render(empty) == nil)
        #expect(SVGChartRenderer.render(notFinite) == nil)
        let full = chart(name: "full", points: [ReportChartPoint(x: 0, y: 1), ReportChartPoint(x: 12, y: 0.5)])
        let html = HTMLRenderer.render(report(charts: [empty, notFinite, full]))
        #expect(!html.contains("data-chart=\"empty\"") && !html.contains("data-chart=\"nan\""))
        #expect(!html.contains("data-points=\"0\""))
        #expect(html.contains("data-chart=\"full\"") && html.contains("data-points=\"2\""))
        #expect(HTMLRenderer.render(report(charts: [empty])).contains("id=\"charts\"") == false)
        #expect(!MarkdownRenderer.render(report(charts: [empty])).contains("Charts"))
    }

    @Test func lineChartPathMapsAKnownSeriesOntoTheFrame() throws {
        // x ticks 0…12 span pixels 72…700; y ticks 0…1 span 284…14 (340-pixel chart).
        let svg = try #require(SVGChartRenderer.render(chart(name: "c", points: [ReportChartPoint(x: 0, y: 1), ReportChartPoint(x: 12, y: 0.5)])))
        #expect(svg.contains("d=\"M72 14 L700 149\""))
        #expect(svg.contains("viewBox=\"0 0 720 340\""))
    }

    @Test func sectionsComeInReadingOrder() throws {
        let full = chart(name: "full", points: [ReportChartPoint(x: 0, y: 1), ReportChartPoint(x: 12, y: 0.5)])
        let html = HTMLRenderer.render(report(charts: [full]))
        let markers = ["<h1>", "id=\"key-figures\"", "Median CAC payback", "id=\"charts\"", "<svg", "id=\"tables\"",
                       "id=\"table-segments\"", "id=\"audit\"", "Scenario file", "id=\"table-assumptions\"", "</html>"]
        let positions = try markers.map { marker in try #require(html.range(of: marker)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page") && html.contains("break-inside: avoid"))
        #expect(!html.contains("http://") || !html.contains("<link"))
    }

    @Test func fitReportDrawsKaplanMeierWithNumbersAtRisk() throws {
        let rows = [
            FitTableRow(stratum: nil, time: 5, atRisk: 4, events: 1, censored: 0, survival: 0.75, cumulativeHazard: nil, standardError: 0.2, ciLower: 0.4, ciUpper: 1),
            FitTableRow(stratum: nil, time: 10, atRisk: 3, events: 1, censored: 2, survival: 0.5, cumulativeHazard: nil, standardError: 0.25, ciLower: 0.2, ciUpper: 1),
        ]
        let summary = FitSummary(model: "kaplan_meier", n: 4, events: 2, table: rows, median: [FitMedian(stratum: nil, estimate: 10, ciLower: 5, ciUpper: nil)])
        let model = try FitReport.model(summary: summary, historyFile: "/nonexistent.csv", generatedAt: Date(timeIntervalSince1970: 0))
        let km = try #require(model.charts.first)
        #expect(km.kind == .step && km.title == "Median time to churn is 10.0")
        #expect(km.series[0].points.map(\.x) == [0, 5, 10])
        #expect(km.table?.rows.first == [.text("All customers"), .integer(4), .integer(4), .integer(4), .integer(3), .integer(3), .integer(3)])
        #expect(model.audit.contains { $0.label == "Generated (UTC)" && $0.value == "1970-01-01T00:00:00Z" })
        #expect(HTMLRenderer.render(model).contains("Number at risk"))
    }

    @Test func sha256MatchesTheFIPSExample() {
        // FIPS 180-2 appendix B.1: SHA-256("abc").
        #expect(ReportAudit.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// A file hashed in 1 MiB chunks has the digest of its whole contents (2.5 MiB: three chunks).
    @Test func fileDigestReadInChunksEqualsTheDigestOfTheContents() throws {
        let contents = Data((0..<(5 << 19)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("churnsim-sha-\(UUID().uuidString)")
        try contents.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(ReportAudit.sha256(ofFile: url.path) == ReportAudit.sha256(contents))
        #expect(ReportAudit.sha256(ofFile: url.path + ".missing") == "unavailable (file not readable)")
    }
}

/// Bar charts with negative values (the Customer Success waterfall's cost) draw downwards from zero.
@Suite struct NegativeBarTests {
    @Test func negativeBarHangsFromTheZeroLine() throws {
        let chart = ReportChart(
            name: "w", title: "t", kind: .bar, xAxis: ReportChartAxis(title: "", unit: .plain),
            yAxis: ReportChartAxis(title: "NPV", unit: .currency),
            series: [ReportChartSeries(name: "s", points: [
                ReportChartPoint(x: 0, y: 10, label: "gain"), ReportChartPoint(x: 1, y: -30, label: "cost"),
            ], colorIndex: 0)])
        let svg = try #require(SVGChartRenderer.render(chart))
        let rects = svg.components(separatedBy: "<rect ").dropFirst().filter { $0.contains("<title>s</title>") }
        #expect(rects.count == 2)
        func attribute(_ name: String, _ rect: String) -> Double? {
            guard let range = rect.range(of: "\(name)=\"") else { return nil }
            return Double(rect[range.upperBound...].prefix { $0 != "\"" })
        }
        let gain = try #require(rects.first), cost = try #require(rects.last)
        let zero = try #require(attribute("y", gain)) + (try #require(attribute("height", gain)))
        #expect(abs(try #require(attribute("y", cost)) - zero) < 0.5)
        #expect(try #require(attribute("height", cost)) > 2.5 * (try #require(attribute("height", gain))))
    }
}
