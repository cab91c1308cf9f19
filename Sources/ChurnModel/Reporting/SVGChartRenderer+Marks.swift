/// The marks of each chart kind: lines, steps, bands, bars, bins and whiskers.
extension SVGChartRenderer {
    static func marks(_ chart: ReportChart, _ frame: Frame) -> [String] {
        switch chart.kind {
        case .line, .step, .band, .fan: curves(chart, frame)
        case .histogram: histogram(chart, frame)
        case .bar: bars(chart, frame)
        case .forest: forest(chart, frame)
        }
    }

    private static func finite(_ series: ReportChartSeries) -> [ReportChartPoint] {
        series.points.filter { $0.x.isFinite && $0.y.isFinite }.sorted { $0.x < $1.x }
    }

    private static func curves(_ chart: ReportChart, _ frame: Frame) -> [String] {
        var bands: [String] = []
        var lines: [String] = []
        for series in chart.series {
            let points = finite(series)
            guard !points.isEmpty else { continue }
            let color = color(series.colorIndex)
            let stepped = chart.kind == .step && !series.smooth
            let withBounds = points.filter { $0.lower?.isFinite == true && $0.upper?.isFinite == true }
            if chart.kind != .line, !withBounds.isEmpty {
                let upper = withBounds.map { (frame.x.position($0.x), frame.y.position($0.upper ?? $0.y)) }
                let lower = withBounds.map { (frame.x.position($0.x), frame.y.position($0.lower ?? $0.y)) }
                let path = SVGPath.band(upper: upper, lower: lower, stepped: stepped)
                bands.append("<path class=\"band\" d=\"\(path)\" fill=\"\(color)\" fill-opacity=\"0.18\" stroke=\"none\"/>")
            }
            let pixels = points.map { (frame.x.position($0.x), frame.y.position($0.y)) }
            let path = stepped ? SVGPath.step(pixels) : SVGPath.line(pixels)
            let dash = series.dashed ? " stroke-dasharray=\"6 4\"" : ""
            lines.append("<path class=\"series\" d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>")
            if chart.kind == .line || points.count == 1, points.count <= 40 {
                for pixel in pixels {
                    lines.append("<circle cx=\"\(SVGNumber.format(pixel.0))\" cy=\"\(SVGNumber.format(pixel.1))\" r=\"3\" fill=\"\(color)\"/>")
                }
            }
        }
        return bands + lines
    }

    private static func histogram(_ chart: ReportChart, _ frame: Frame) -> [String] {
        let f = SVGNumber.format
        let drawn = chart.series.filter { !finite($0).isEmpty }
        var parts: [String] = []
        for series in drawn {
            let color = color(series.colorIndex)
            let points = finite(series)
            if drawn.count == 1 {
                for point in points where point.y > 0 {
                    let x0 = frame.x.position(point.x)
                    let x1 = frame.x.position(point.x + chart.binWidth)
                    let y = frame.y.position(point.y)
                    parts.append("<rect x=\"\(f(x0))\" y=\"\(f(y))\" width=\"\(f(Swift.max(0.5, x1 - x0 - 0.5)))\" height=\"\(f(frame.bottom - y))\" fill=\"\(color)\" fill-opacity=\"0.75\"/>")
                }
            } else {
                var outline: [(x: Double, y: Double)] = []
                for point in points {
                    outline.append((frame.x.position(point.x), frame.y.position(point.y)))
                    outline.append((frame.x.position(point.x + chart.binWidth), frame.y.position(point.y)))
                }
                if let first = outline.first, let last = outline.last {
                    let closed = [(first.x, frame.bottom)] + outline + [(last.x, frame.bottom)]
                    parts.append("<path class=\"series\" d=\"\(SVGPath.line(closed))\" fill=\"\(color)\" fill-opacity=\"0.12\" stroke=\"\(color)\" stroke-width=\"1.6\"/>")
                }
            }
        }
        return parts
    }

    private static func bars(_ chart: ReportChart, _ frame: Frame) -> [String] {
        let f = SVGNumber.format
        let categories = Array(Set(chart.series.flatMap { finite($0).map(\.x) })).sorted()
        let band = (frame.right - frame.left) / Double(Swift.max(categories.count, 1))
        let barWidth = band * 0.8 / Double(Swift.max(chart.series.count, 1))
        var parts: [String] = []
        for (seriesIndex, series) in chart.series.enumerated() {
            let color = color(series.colorIndex)
            for point in finite(series) {
                guard let category = categories.firstIndex(of: point.x) else { continue }
                let x = frame.left + band * (Double(category) + 0.1) + barWidth * Double(seriesIndex)
                // Bars grow from zero, upwards for positive values and downwards for negative ones.
                let zero = frame.y.position(0), y = frame.y.position(point.y)
                parts.append("<rect x=\"\(f(x))\" y=\"\(f(Swift.min(y, zero)))\" width=\"\(f(barWidth - 2))\" height=\"\(f(abs(zero - y)))\" fill=\"\(color)\"><title>\(HTMLEscaping.escape(series.name))</title></rect>")
                if let lower = point.lower, let upper = point.upper, lower.isFinite, upper.isFinite {
                    let centre = x + (barWidth - 2) / 2
                    parts.append("<line class=\"whisker\" x1=\"\(f(centre))\" x2=\"\(f(centre))\" y1=\"\(f(frame.y.position(lower)))\" y2=\"\(f(frame.y.position(upper)))\"/>")
                }
            }
        }
        return parts
    }

    private static func forest(_ chart: ReportChart, _ frame: Frame) -> [String] {
        let f = SVGNumber.format
        var parts: [String] = []
        if let reference = chart.referenceX {
            let x = frame.x.position(reference)
            parts.append("<line class=\"reference\" x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(frame.top - 8))\" y2=\"\(f(frame.bottom))\"/>")
        }
        var row = 0
        for series in chart.series {
            let color = color(series.colorIndex)
            for point in series.points where point.x.isFinite {
                let y = frame.top + 28 * (Double(row) + 0.5)
                let label = frame.categories.indices.contains(row) ? frame.categories[row] : ""
                parts.append("<text class=\"row-label\" x=\"\(f(frame.left - 10))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(HTMLEscaping.escape(label))</text>")
                if let lower = point.lower, let upper = point.upper, lower.isFinite, upper.isFinite {
                    parts.append("<line class=\"whisker\" x1=\"\(f(frame.x.position(lower)))\" x2=\"\(f(frame.x.position(upper)))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"\(color)\"/>")
                }
                parts.append("<rect x=\"\(f(frame.x.position(point.x) - 5))\" y=\"\(f(y - 5))\" width=\"10\" height=\"10\" fill=\"\(color)\"/>")
                row += 1
            }
        }
        return parts
    }
}
