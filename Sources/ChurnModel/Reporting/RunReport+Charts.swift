/// The charts of a portfolio run: ARR fans, CAC payback and NPV distributions, survival.
extension RunReport {
    /// Every chart of the run report, in reading order; renderers skip the ones without data.
    static func charts(_ summary: RunSummary) -> [ReportChart] {
        [
            portfolioFan(summary), segmentFan(summary), paybackHistogram(summary), netPresentValueHistogram(summary),
            survivalBars(summary),
        ] + (summary.customerSuccess.map { [customerSuccessWaterfall($0)] } ?? [])
    }

    private static let months = ReportChartAxis(title: "Month", unit: .months)

    private static func fanSeries(_ scope: ScopeSummary, colorIndex: Int, withMean: Bool) -> [ReportChartSeries] {
        let arr = scope.annualRecurringRevenueByMonth
        let median = ReportChartSeries(
            name: "\(scope.name): median, P5–P95 band",
            points: arr.map { ReportChartPoint(x: Double($0.month), y: $0.value.p50, lower: $0.value.p5, upper: $0.value.p95) },
            colorIndex: colorIndex)
        guard withMean else { return [median] }
        let mean = ReportChartSeries(
            name: "\(scope.name): mean", points: arr.map { ReportChartPoint(x: Double($0.month), y: $0.value.mean) },
            colorIndex: SVGChartRenderer.palette.count - 1, dashed: true)
        return [median, mean]
    }

    private static func portfolioFan(_ summary: RunSummary) -> ReportChart {
        let arr = summary.portfolio.annualRecurringRevenueByMonth
        let c = NumberFormatting.compactCurrency
        var title = "Portfolio ARR"
        if let first = arr.first, let last = arr.last {
            title = "Portfolio ARR goes from \(c(first.value.p50)) today to \(c(last.value.p50)) at month \(last.month) "
                + "(90% of paths: \(c(last.value.p5))–\(c(last.value.p95)))"
        }
        return ReportChart(
            name: "arr-fan-portfolio", title: title, kind: .fan, xAxis: months,
            yAxis: ReportChartAxis(title: "ARR", unit: .currency),
            series: fanSeries(summary.portfolio, colorIndex: 0, withMean: true),
            note: "Shaded: 5th to 95th percentile across \(summary.run.paths) simulated paths (each within 0.01%); solid: median; dashed black: mean.")
    }

    private static func segmentFan(_ summary: RunSummary) -> ReportChart {
        let horizon = summary.run.horizonMonths
        let ends = summary.segments.compactMap { segment in
            segment.annualRecurringRevenueByMonth.last.map { (segment.name, $0.value.p50) }
        }
        let leader = ends.max { $0.1 < $1.1 }
        let title = leader.map { "At month \(horizon) \($0.0) holds the most ARR (median \(NumberFormatting.compactCurrency($0.1)))" }
            ?? "ARR by segment"
        return ReportChart(
            name: "arr-fan-segments", title: title, kind: .fan, xAxis: months,
            yAxis: ReportChartAxis(title: "ARR", unit: .currency),
            series: summary.segments.enumerated().flatMap { fanSeries($1, colorIndex: $0 + 1, withMean: false) },
            note: "Per segment: median ARR with the 5th–95th percentile band across paths (percentiles within 0.01%).")
    }

    private static func paybackHistogram(_ summary: RunSummary) -> ReportChart {
        let payback = summary.portfolio.cacPaybackMonth
        let horizon = summary.run.horizonMonths
        func month(_ value: Int?) -> String { value.map(String.init) ?? "beyond \(horizon)" }
        let series = summary.segments.enumerated().compactMap { index, segment -> ReportChartSeries? in
            guard let histogram = segment.cacPaybackHistogram else { return nil }
            let used = (histogram.shares.lastIndex { $0 > 0 } ?? -1) + 1
            let points = histogram.shares.prefix(used).enumerated().map { bin, share in
                ReportChartPoint(x: histogram.lowerBound + Double(bin) * histogram.binWidth, y: share)
            }
            let never = NumberFormatting.percent(segment.cacPaybackMonth.shareNeverPaidBack)
            return ReportChartSeries(name: "\(segment.name) (\(never) never paid back)", points: points, colorIndex: index + 1)
        }
        let never = summary.segments.map { "\($0.name) \(NumberFormatting.percent($0.cacPaybackMonth.shareNeverPaidBack))" }
        return ReportChart(
            name: "cac-payback", title: "Median CAC payback is \(month(payback.p50)) months (P10–P90: \(month(payback.p10))–\(month(payback.p90)))",
            kind: .histogram, xAxis: ReportChartAxis(title: "Month the CAC is paid back", unit: .months),
            yAxis: ReportChartAxis(title: "Customers", unit: .share), series: series,
            note: "Share of each segment's customers by payback month. Not paid back within \(horizon) months: "
                + never.joined(separator: ", ") + ".",
            binWidth: 1)
    }

    private static func netPresentValueHistogram(_ summary: RunSummary) -> ReportChart {
        let npv = summary.portfolio.netPresentValue
        let c = NumberFormatting.compactCurrency
        let points = summary.portfolio.netPresentValueHistogram.map { histogram in
            histogram.shares.enumerated().map { bin, share in
                ReportChartPoint(x: histogram.lowerBound + Double(bin) * histogram.binWidth, y: share)
            }
        } ?? []
        return ReportChart(
            name: "npv-distribution",
            title: "Portfolio NPV averages \(c(npv.mean)); 90% of paths lie between \(c(npv.p5)) and \(c(npv.p95))",
            kind: .histogram, xAxis: ReportChartAxis(title: "Portfolio NPV of gross profit less CAC", unit: .currency),
            yAxis: ReportChartAxis(title: "Paths", unit: .share),
            series: [ReportChartSeries(name: "Portfolio", points: points, colorIndex: 0)],
            note: "Distribution across \(summary.run.paths) simulated paths at a \(NumberFormatting.percent(summary.run.discountRateAnnual)) annual discount rate.",
            binWidth: summary.portfolio.netPresentValueHistogram?.binWidth ?? 1)
    }

    private static func survivalBars(_ summary: RunSummary) -> ReportChart {
        let series = summary.segments.enumerated().map { index, segment in
            ReportChartSeries(
                name: segment.name,
                points: segment.survival.map { point in
                    let margin = 1.96 * (point.probability.standardError ?? 0)
                    return ReportChartPoint(
                        x: Double(point.month), y: point.probability.mean, lower: point.probability.mean - margin,
                        upper: point.probability.mean + margin, label: "\(point.month) months")
                },
                colorIndex: index + 1)
        }
        let last = summary.segments.compactMap { segment in segment.survival.last.map { (segment.name, $0) } }
        let lowest = last.min { $0.1.probability.mean < $1.1.probability.mean }
        let title = lowest.map {
            "\($0.0) keeps the fewest customers: \(NumberFormatting.percent($0.1.probability.mean)) still active after \($0.1.month) months"
        } ?? "Customers still active"
        return ReportChart(
            name: "survival", title: title, kind: .bar, xAxis: ReportChartAxis(title: "Time since today", unit: .months),
            yAxis: ReportChartAxis(title: "Customers still active", unit: .share), series: series,
            note: "Whiskers: 95% Monte Carlo interval of the mean (±1.96 standard errors).")
    }
}
