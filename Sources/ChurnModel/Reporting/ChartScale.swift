import Foundation

/// Maps data values on one axis to SVG coordinates, linear or logarithmic, over nice ticks.
struct ChartScale {
    /// Tick values, first and last at the ends of the axis.
    let ticks: [Double]
    /// Whether the axis is logarithmic.
    let logarithmic: Bool
    /// Pixel coordinate of the first tick.
    let start: Double
    /// Pixel coordinate of the last tick.
    let end: Double

    /// A scale whose ticks cover `lower`…`upper`, drawn from `start` to `end` pixels.
    init(lower: Double, upper: Double, logarithmic: Bool, start: Double, end: Double, target: Int = 5) {
        self.logarithmic = logarithmic
        self.ticks = logarithmic ? ChartTicks.logarithmic(lower, upper) : ChartTicks.linear(lower, upper, target: target)
        self.start = start
        self.end = end
    }

    /// A scale over given ticks (a fixed 0–100% axis).
    init(ticks: [Double], start: Double, end: Double) {
        self.logarithmic = false
        self.ticks = ticks
        self.start = start
        self.end = end
    }

    /// The distance between the first two ticks (for labels' decimals).
    var step: Double { ticks.count > 1 ? abs(ticks[1] - ticks[0]) : 1 }

    /// The pixel coordinate of `value`, clamped to the axis.
    func position(_ value: Double) -> Double {
        guard let first = ticks.first, let last = ticks.last else { return start }
        let (a, b, v) = logarithmic ? (log10(first), log10(last), log10(Swift.max(value, 1e-300))) : (first, last, value)
        guard b != a else { return (start + end) / 2 }
        let fraction = Swift.min(1, Swift.max(0, (v - a) / (b - a)))
        return start + fraction * (end - start)
    }
}

/// Coordinates written into SVG with one decimal, enough for a 720-pixel chart.
enum SVGNumber {
    /// `value` with one decimal and no trailing ".0" ("12.5", "300").
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }
}

/// SVG path data for series of pixel coordinates.
enum SVGPath {
    /// Straight segments through `points`: "M x0 y0 L x1 y1 …"; empty for no points.
    static func line(_ points: [(x: Double, y: Double)]) -> String {
        points.enumerated().map { index, point in
            (index == 0 ? "M" : "L") + SVGNumber.format(point.x) + " " + SVGNumber.format(point.y)
        }.joined(separator: " ")
    }

    /// A right-continuous step function through `points`: horizontal to the next x, then
    /// vertical to its y ("M x0 y0 H x1 V y1 …"), extended horizontally to `endX` if given.
    static func step(_ points: [(x: Double, y: Double)], endX: Double? = nil) -> String {
        guard let first = points.first else { return "" }
        var parts = ["M" + SVGNumber.format(first.x) + " " + SVGNumber.format(first.y)]
        for point in points.dropFirst() {
            parts.append("H" + SVGNumber.format(point.x))
            parts.append("V" + SVGNumber.format(point.y))
        }
        if let endX, let last = points.last, endX > last.x { parts.append("H" + SVGNumber.format(endX)) }
        return parts.joined(separator: " ")
    }

    /// A closed band between `upper` (left to right) and `lower` (right to left).
    static func band(upper: [(x: Double, y: Double)], lower: [(x: Double, y: Double)], stepped: Bool) -> String {
        guard !upper.isEmpty, !lower.isEmpty else { return "" }
        let top = stepped ? corners(upper) : upper
        let bottom = Array((stepped ? corners(lower) : lower).reversed())
        return line(top + bottom) + " Z"
    }

    /// The corner points of a step function (each new y starts at its own x).
    private static func corners(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        var corners: [(x: Double, y: Double)] = []
        for (index, point) in points.enumerated() {
            if index > 0 { corners.append((point.x, points[index - 1].y)) }
            corners.append(point)
        }
        return corners
    }
}
