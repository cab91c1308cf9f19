import Foundation

/// Draws a ``ReportChart`` as an inline SVG element: frame, grid, nice ticks, axis titles
/// and the marks of its kind. Sizes are in a 720-pixel-wide view box that CSS scales to the
/// page, so the chart fits A4 and Letter when printed.
///
/// Every chart carries `data-points` (its number of finite points) so that a browser check
/// can find an empty chart; charts without data are not drawn at all.
enum SVGChartRenderer {
    /// View-box width in pixels.
    static let width = 720.0
    /// Okabe–Ito colours (Okabe & Ito, "Color Universal Design", 2008), distinguishable with
    /// every common colour-vision deficiency; yellow is left out for contrast on white.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// The colour of palette slot `index`.
    static func color(_ index: Int) -> String { palette[((index % palette.count) + palette.count) % palette.count] }

    /// The plotting area and scales of one chart.
    struct Frame {
        var height: Double
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double
        var x: ChartScale
        var y: ChartScale
        /// Category labels of a bar chart or rows of a forest plot, in drawing order.
        var categories: [String]
    }

    /// The chart as an `<svg>` element, or nil when it has no data to draw.
    static func render(_ chart: ReportChart) -> String? {
        guard chart.hasData else { return nil }
        let frame = makeFrame(chart)
        let id = HTMLEscaping.escape(chart.name)
        var svg = [
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGNumber.format(width)) \(SVGNumber.format(frame.height))\" "
                + "role=\"img\" aria-labelledby=\"\(id)-title\" data-chart=\"\(id)\" data-kind=\"\(chart.kind.rawValue)\" data-points=\"\(chart.pointCount)\">",
            "<title id=\"\(id)-title\">\(HTMLEscaping.escape(chart.title))</title>",
        ]
        svg += axes(chart, frame)
        svg += marks(chart, frame)
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// An HTML legend for charts with more than one series (a swatch and the series name).
    static func legend(_ chart: ReportChart) -> String {
        guard chart.series.count > 1 || chart.kind == .fan else { return "" }
        let items = chart.series.filter { !$0.points.isEmpty }.map { series -> String in
            let style = series.dashed ? "border-top:2px dashed \(color(series.colorIndex))" : "background:\(color(series.colorIndex))"
            return "<li><span class=\"swatch\" style=\"\(style)\"></span>\(HTMLEscaping.escape(series.name))</li>"
        }
        return "<ul class=\"legend\">" + items.joined() + "</ul>"
    }

    private static func makeFrame(_ chart: ReportChart) -> Frame {
        let points = chart.series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let values = { (point: ReportChartPoint) in [point.y, point.lower, point.upper].compactMap { $0 }.filter(\.isFinite) }
        switch chart.kind {
        case .forest:
            let labels = points.map { String(($0.label ?? "").prefix(40)) }
            let longest = Double(labels.map(\.count).max() ?? 0)
            let left = Swift.min(300, 16 + 6.8 * longest)
            let height = 30 + 28 * Double(points.count) + 56
            var bounds = points.flatMap(values) + points.map(\.x) + (chart.referenceX.map { [$0] } ?? [])
            if chart.xAxis.logarithmic { bounds = bounds.filter { $0 > 0 } }
            let x = ChartScale(
                lower: bounds.min() ?? 0, upper: bounds.max() ?? 1, logarithmic: chart.xAxis.logarithmic,
                start: left, end: width - 24)
            let y = ChartScale(ticks: [0, Double(points.count)], start: 30, end: height - 56)
            return Frame(height: height, left: left, right: width - 24, top: 30, bottom: height - 56, x: x, y: y, categories: labels)
        case .bar:
            let categories = Array(Set(points.map(\.x))).sorted()
            let labels = categories.map { category in
                points.first { $0.x == category }?.label ?? ChartTickLabels.label(category, unit: chart.xAxis.unit, step: 1)
            }
            let upper = Swift.max(points.flatMap(values).max() ?? 1, 0)
            let y = yScale(chart, lower: Swift.min(points.flatMap(values).min() ?? 0, 0), upper: upper)
            let x = ChartScale(ticks: [0, Double(categories.count)], start: 72, end: width - 20)
            return Frame(height: 320, left: 72, right: width - 20, top: 14, bottom: 320 - 56, x: x, y: y, categories: labels)
        default:
            let xs = points.map(\.x) + (chart.kind == .histogram ? points.map { $0.x + chart.binWidth } : [])
            let ys = points.flatMap(values)
            let x = xScale(chart, lower: xs.min() ?? 0, upper: xs.max() ?? 1)
            let lowest = chart.kind == .histogram ? 0 : Swift.min(0, ys.min() ?? 0)
            let y = yScale(chart, lower: lowest, upper: ys.max() ?? 1)
            return Frame(height: 340, left: 72, right: width - 20, top: 14, bottom: 340 - 56, x: x, y: y, categories: [])
        }
    }

    private static func xScale(_ chart: ReportChart, lower: Double, upper: Double) -> ChartScale {
        if chart.xAxis.unit == .months, upper - lower >= 24 {
            let step = 12 * ChartTicks.niceNumber((upper - lower) / 12 / 6, round: false)
            let ticks = stride(from: (lower / step).rounded(.down) * step, through: (upper / step).rounded(.up) * step + step / 2, by: step)
            return ChartScale(ticks: Array(ticks), start: 72, end: width - 20)
        }
        return ChartScale(lower: lower, upper: upper, logarithmic: false, start: 72, end: width - 20, target: 6)
    }

    private static func yScale(_ chart: ReportChart, lower: Double, upper: Double) -> ChartScale {
        let bottom = (chart.kind == .bar ? 320.0 : 340.0) - 56
        if chart.yAxis.unit == .share, chart.kind != .histogram {
            return ChartScale(ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], start: bottom, end: 14)
        }
        return ChartScale(lower: lower, upper: upper, logarithmic: chart.yAxis.logarithmic, start: bottom, end: 14)
    }

    private static func axes(_ chart: ReportChart, _ frame: Frame) -> [String] {
        var parts: [String] = ["<g class=\"grid\">"]
        let f = SVGNumber.format
        if chart.kind != .forest {
            for tick in frame.y.ticks {
                let y = frame.y.position(tick)
                parts.append("<line x1=\"\(f(frame.left))\" x2=\"\(f(frame.right))\" y1=\"\(f(y))\" y2=\"\(f(y))\"/>")
            }
        }
        if chart.kind != .bar {
            for tick in frame.x.ticks {
                let x = frame.x.position(tick)
                parts.append("<line x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(frame.top))\" y2=\"\(f(frame.bottom))\"/>")
            }
        }
        parts.append("</g><g class=\"ticks\">")
        if chart.kind != .forest {
            for tick in frame.y.ticks {
                let label = ChartTickLabels.label(tick, unit: chart.yAxis.unit, step: frame.y.step)
                parts.append("<text x=\"\(f(frame.left - 6))\" y=\"\(f(frame.y.position(tick) + 4))\" text-anchor=\"end\">\(HTMLEscaping.escape(label))</text>")
            }
        }
        if chart.kind == .bar {
            let band = (frame.right - frame.left) / Double(Swift.max(frame.categories.count, 1))
            for (index, label) in frame.categories.enumerated() {
                let x = frame.left + band * (Double(index) + 0.5)
                parts.append("<text x=\"\(f(x))\" y=\"\(f(frame.bottom + 18))\" text-anchor=\"middle\">\(HTMLEscaping.escape(label))</text>")
            }
        } else {
            for tick in frame.x.ticks {
                let label = ChartTickLabels.label(tick, unit: chart.xAxis.unit, step: frame.x.step)
                parts.append("<text x=\"\(f(frame.x.position(tick)))\" y=\"\(f(frame.bottom + 18))\" text-anchor=\"middle\">\(HTMLEscaping.escape(label))</text>")
            }
        }
        parts.append("</g>")
        parts.append("<line class=\"axis\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.right))\" y1=\"\(f(frame.bottom))\" y2=\"\(f(frame.bottom))\"/>")
        let middle = (frame.left + frame.right) / 2
        parts.append("<text class=\"axis-title\" x=\"\(f(middle))\" y=\"\(f(frame.bottom + 42))\" text-anchor=\"middle\">\(HTMLEscaping.escape(chart.xAxis.label))</text>")
        if chart.kind != .forest {
            let centre = (frame.top + frame.bottom) / 2
            parts.append("<text class=\"axis-title\" transform=\"translate(16 \(f(centre))) rotate(-90)\" text-anchor=\"middle\">\(HTMLEscaping.escape(chart.yAxis.label))</text>")
        }
        return parts
    }
}
