/// A chart as data: what to draw, not how. Renderers decide the pixels (the HTML renderer
/// draws inline SVG; Markdown lists the chart's finding).
///
/// The title states the finding ("Median CAC payback is 14 months"), not the axes.
public struct ReportChart: Sendable, Equatable {
    /// Stable identifier, used as the HTML anchor (`arr-fan`).
    public var name: String
    /// The finding the chart shows, as a sentence.
    public var title: String
    /// How the series are drawn.
    public var kind: ReportChartKind
    /// Horizontal axis (for a forest plot: the estimate axis).
    public var xAxis: ReportChartAxis
    /// Vertical axis (for a forest plot: unused, rows are the series' point labels).
    public var yAxis: ReportChartAxis
    /// Series in legend order.
    public var series: [ReportChartSeries]
    /// A short note under the chart (e.g. the share never paid back, how bands were computed).
    public var note: String?
    /// A table printed directly under the chart (e.g. numbers at risk under a Kaplan–Meier plot).
    public var table: ReportTable?
    /// A reference line on the x axis (1 for hazard ratios), if any.
    public var referenceX: Double?
    /// Width of every bin of a histogram, in x units.
    public var binWidth: Double

    /// Creates a chart.
    public init(
        name: String, title: String, kind: ReportChartKind, xAxis: ReportChartAxis, yAxis: ReportChartAxis,
        series: [ReportChartSeries], note: String? = nil, table: ReportTable? = nil, referenceX: Double? = nil,
        binWidth: Double = 1
    ) {
        self.name = name
        self.title = title
        self.kind = kind
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.note = note
        self.table = table
        self.referenceX = referenceX
        self.binWidth = binWidth
    }

    /// Number of finite points over all series; a chart with none is not drawn.
    public var pointCount: Int {
        series.reduce(0) { $0 + $1.points.filter { $0.x.isFinite && $0.y.isFinite }.count }
    }

    /// Whether the chart has anything to draw.
    public var hasData: Bool { pointCount > 0 }
}

/// How a chart draws its series.
public enum ReportChartKind: String, Sendable, Equatable, CaseIterable {
    /// Straight lines between points.
    case line
    /// A right-continuous step function (Kaplan–Meier, cumulative hazard).
    case step
    /// Lines with a shaded interval from each point's `lower` to `upper`.
    case band
    /// Grouped bars, one group per distinct x, one bar per series.
    case bar
    /// A fan: shaded `lower`–`upper` band with the centre line, and dashed lines for series marked dashed.
    case fan
    /// Bins starting at each x with the chart's bin width; several series are drawn as outlines.
    case histogram
    /// A forest plot: one row per point (labelled), a dot at x and a whisker from `lower` to `upper`.
    case forest
}

/// One axis: its title, unit and scale.
public struct ReportChartAxis: Sendable, Equatable {
    /// Axis title without the unit ("ARR").
    public var title: String
    /// Unit of the values; decides tick labels.
    public var unit: ReportChartUnit
    /// Whether values are drawn on a logarithmic scale (hazard ratios).
    public var logarithmic: Bool

    /// Creates an axis.
    public init(title: String, unit: ReportChartUnit, logarithmic: Bool = false) {
        self.title = title
        self.unit = unit
        self.logarithmic = logarithmic
    }

    /// The title with its unit in parentheses where the unit has a name ("ARR (currency)").
    public var label: String {
        switch unit {
        case .plain: title
        case .months: title.lowercased().contains("month") ? title : "\(title) (months)"
        case .currency: "\(title) (currency)"
        case .share: "\(title) (%)"
        case .ratio: "\(title) (ratio, log scale)"
        case .time(let name): "\(title) (\(name))"
        case .rate(let per): "\(title) (per \(per))"
        }
    }
}

/// Unit of an axis, which decides how its ticks are written.
public enum ReportChartUnit: Sendable, Equatable {
    /// A plain number.
    case plain
    /// Months ("12", "24").
    case months
    /// A currency amount with K/M/B suffixes ("1.5M").
    case currency
    /// A share in [0, 1], written as a percentage.
    case share
    /// A ratio such as a hazard ratio.
    case ratio
    /// Time in a named unit from the data ("days", "periods").
    case time(String)
    /// A rate per named unit of time ("month"): a hazard.
    case rate(per: String)
}

/// One named series of a chart.
public struct ReportChartSeries: Sendable, Equatable {
    /// Legend label.
    public var name: String
    /// Points in x order.
    public var points: [ReportChartPoint]
    /// Palette slot; series that belong together (a median and its mean) share one.
    public var colorIndex: Int
    /// Drawn dashed (a mean beside a median).
    public var dashed: Bool
    /// Drawn as straight segments even in a step chart (a fitted curve over a Kaplan–Meier estimate).
    public var smooth: Bool

    /// Creates a series.
    public init(name: String, points: [ReportChartPoint], colorIndex: Int, dashed: Bool = false, smooth: Bool = false) {
        self.name = name
        self.points = points
        self.colorIndex = colorIndex
        self.dashed = dashed
        self.smooth = smooth
    }
}

/// One data point, with an optional interval and label.
public struct ReportChartPoint: Sendable, Equatable {
    /// Horizontal value (for a histogram: the bin's lower edge).
    public var x: Double
    /// Vertical value (for a forest plot: unused).
    public var y: Double
    /// Lower end of the interval (band, fan, forest).
    public var lower: Double?
    /// Upper end of the interval.
    public var upper: Double?
    /// Row label of a forest plot or bar group.
    public var label: String?

    /// Creates a point.
    public init(x: Double, y: Double, lower: Double? = nil, upper: Double? = nil, label: String? = nil) {
        self.x = x
        self.y = y
        self.lower = lower
        self.upper = upper
        self.label = label
    }
}
