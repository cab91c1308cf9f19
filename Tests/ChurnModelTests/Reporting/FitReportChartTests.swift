import Foundation
import RealModule
import Testing
@testable import ChurnModel

/// The model-checking charts of a fit report: binned hazard, fitted survival over
/// Kaplan–Meier, and titles computed from the data.
@Suite struct FitReportChartTests {
    /// Ten customers by hand: events at 1 (2 of 10 at risk), 3 (1 of 8), 7 (2 of 4) and 9
    /// (1 of 2); censorings at 3, 4 (two) and 9.
    private let handRows = [
        FitTableRow(stratum: nil, time: 1, atRisk: 10, events: 2, censored: 0, survival: 0.8, cumulativeHazard: nil),
        FitTableRow(stratum: nil, time: 3, atRisk: 8, events: 1, censored: 1, survival: 0.7, cumulativeHazard: nil),
        FitTableRow(stratum: nil, time: 4, atRisk: 6, events: 0, censored: 2, survival: 0.7, cumulativeHazard: nil),
        FitTableRow(stratum: nil, time: 7, atRisk: 4, events: 2, censored: 0, survival: 0.35, cumulativeHazard: nil),
        FitTableRow(stratum: nil, time: 9, atRisk: 2, events: 1, censored: 1, survival: 0.175, cumulativeHazard: nil),
    ]

    @Test func binnedHazardIsTheNelsonAalenIncrementPerUnitOfTime() {
        // By hand: bin [0, 5]: (2/10 + 1/8) / 5 = 0.065; bin (5, 9] ends at the last time:
        // (2/4 + 1/2) / 4 = 0.25. Bands ĥ·exp(±1.959964·√(Σd/n²)/Σd/n), evaluated with python3:
        // √(2/100 + 1/64)/0.325 and √(2/16 + 1/4)/1.0.
        let bins = BinnedHazard.estimate(handRows, width: 5, confidenceLevel: 0.95)
        #expect(bins.map(\.start) == [0, 5])
        #expect(bins.map(\.end) == [5, 9])
        #expect(abs(bins[0].hazard - 0.065) < 1e-15)
        #expect(abs(bins[1].hazard - 0.25) < 1e-15)
        #expect(abs(bins[0].lower - 0.02082440166082644) < 1e-12 && abs(bins[0].upper - 0.2028869817636972) < 1e-12)
        #expect(abs(bins[1].lower - 0.07528139295608832) < 1e-12 && abs(bins[1].upper - 0.8302184317505428) < 1e-12)
    }

    @Test func binWithoutEventsHasZeroHazardAndNoWidth() throws {
        let bins = BinnedHazard.estimate(handRows, width: 2, confidenceLevel: 0.95)
        // (4, 6] holds only censorings.
        let empty = try #require(bins.first { $0.start == 4 })
        #expect(empty.hazard == 0 && empty.lower == 0 && empty.upper == 0)
        #expect(bins.count == 5 && bins.last?.end == 9)
    }

    @Test func kaplanMeierReportHasAHazardChartInUnitsPerMonth() throws {
        let summary = FitSummary(model: "kaplan_meier", n: 10, events: 6, table: handRows)
        let report = try FitReport.model(summary: summary, historyFile: "/nonexistent.csv", timeUnit: .months)
        let hazard = try #require(report.charts.first { $0.name == "hazard" })
        #expect(hazard.yAxis.label == "Churn hazard (per month)")
        #expect(hazard.xAxis.label == "Tenure (months)")
        // Width: a nice number near 9/12 is 1, so the first bin is [0, 1] with 2/10 per month.
        let observed = hazard.series[0].points
        #expect(observed.first?.y == 0.2 && observed.last?.x == 9)
        #expect(hazard.hasData)
        // Nine 1-month bins; first four: (2/10 + 1/8) / 4 = 0.08125, last five: (2/4 + 1/2) / 5 = 0.2.
        #expect(hazard.title == "The observed churn hazard rises from 0.081 per month in months 0–4 to 0.2 per month in months 4–9")
    }

    @Test func titleNamesTheStratumThatChurnsFastest() throws {
        let slow = handRows.map { row -> FitTableRow in
            var copy = row
            copy.stratum = "Enterprise"
            copy.atRisk *= 10
            return copy
        }
        let fast = handRows.map { row -> FitTableRow in
            var copy = row
            copy.stratum = "SMB"
            return copy
        }
        let summary = FitSummary(model: "nelson_aalen", n: 110, events: 12, table: slow + fast)
        let report = try FitReport.model(summary: summary, historyFile: "/nonexistent.csv", timeUnit: .days)
        let hazard = try #require(report.charts.first { $0.name == "hazard" })
        #expect(hazard.series.map(\.name) == ["Enterprise: observed", "SMB: observed"])
        #expect(hazard.title.hasPrefix("SMB has the highest observed churn hazard"))
        #expect(hazard.title.contains("per day"))
    }

    /// 40 customers with one covariate and exponential-quantile lifetimes, all observed.
    private func exponentialTable(covariate: Bool) throws -> EventTable {
        let n = 40
        let durations = (0..<n).map { i in -10 * Double.log(1 - (Double(i) + 0.5) / Double(n)) * (covariate && i % 2 == 0 ? 1.5 : 1) }
        let x = (0..<n).map { Double($0 % 2) }
        return try EventTable(
            durations: durations, events: Array(repeating: true, count: n),
            covariates: covariate ? Matrix(rows: n, columns: 1, columnMajor: x) : nil,
            covariateNames: covariate ? ["plan"] : [])
    }

    /// Fits `family` to `table` and returns the fit with the chart `name` of its report (time in months).
    private func chart(_ name: String, _ family: ParametricFamily, _ table: EventTable) throws -> (fit: ParametricFit, chart: ReportChart) {
        let fit = try ParametricRegression().fit(table, family: family)
        let report = try FitReport.model(
            summary: FitSummary(parametric: fit), historyFile: "/nonexistent.csv", history: table, timeUnit: .months)
        return (fit, try #require(report.charts.first { $0.name == name }))
    }

    @Test func fittedSurvivalSeriesIsTheModelsSurvivalAveragedOverCustomers() throws {
        let table = try exponentialTable(covariate: true)
        let (fit, chart) = try chart("fit-vs-kaplan-meier", .weibull, table)
        let fitted = try #require(chart.series.first { $0.smooth })
        #expect(fitted.points.count == FitReport.fittedGridSize + 1)
        let models = try (0..<table.count).map { try fit.model(covariates: [table.covariates?[$0, 0] ?? .nan]) }
        for point in fitted.points {
            let expected = models.reduce(0) { $0 + $1.survivalProbability(at: point.x) } / Double(models.count)
            #expect(abs(point.y - expected) < 1e-12)
        }
        let km = try #require(chart.series.first { !$0.smooth })
        #expect(km.points.first?.y == 1 && km.points.count == table.count + 1)
        #expect(chart.table?.name == "at_risk")
    }

    @Test func fittedCurveBandIsTheDeltaMethodIntervalOfTheExponentialFit() throws {
        // Exponential without covariates, every lifetime observed: S(t) = exp(−λt) with
        // λ̂ = d / Σt, log-mean β₀ = −log λ with Var β₀ = 1/d, so the delta-method half-width is
        // z·S(t)·λ̂t/√d (Klein & Moeschberger §12.2).
        let table = try exponentialTable(covariate: false)
        let chart = try chart("fit-vs-kaplan-meier", .exponential, table).chart
        let fitted = try #require(chart.series.first { $0.smooth })
        let d = Double(table.count)
        let rate = d / table.durations.reduce(0, +)
        let z = NormalQuantile.quantile(0.975)
        for point in fitted.points where point.x > 0 {
            let half = z * point.y * rate * point.x / d.squareRoot()
            let lower = try #require(point.lower), upper = try #require(point.upper)
            #expect(abs((upper - point.y) - Swift.min(half, 1 - point.y)) < 1e-6 * half)
            #expect(abs((point.y - lower) - Swift.min(half, point.y)) < 1e-6 * half)
        }
        #expect(chart.note?.contains("delta method") == true)
    }

    @Test func exponentialHazardWithoutCovariatesIsEventsOverExposure() throws {
        // Exponential MLE without covariates: λ̂ = events / total time (Klein & Moeschberger §12.2).
        let table = try exponentialTable(covariate: false)
        let hazard = try chart("hazard", .exponential, table).chart
        let fitted = try #require(hazard.series.first { $0.smooth })
        let rate = Double(table.count) / table.durations.reduce(0, +)
        #expect(!fitted.points.isEmpty)
        for point in fitted.points { #expect(abs(point.y - rate) < 1e-6 * rate) }
        #expect(hazard.title.hasPrefix("The fitted exponential hazard stays near "))
    }

    @Test func fitCheckTitleSaysWhetherTheFitStaysInTheBand() throws {
        let keptTitle = try chart("fit-vs-kaplan-meier", .exponential, try exponentialTable(covariate: false)).chart.title
        #expect(keptTitle.hasPrefix("Exponential fit stays within the Kaplan–Meier 95% band through month "))

        // Lifetimes at Weibull(shape 5) quantiles: an exponential fit cannot follow them.
        let n = 80
        let steep = try EventTable(
            durations: (0..<n).map { 10 * Double.pow(-Double.log(1 - (Double($0) + 0.5) / Double(n)), 0.2) },
            events: Array(repeating: true, count: n))
        let leftTitle = try chart("fit-vs-kaplan-meier", .exponential, steep).chart.title
        #expect(leftTitle.hasPrefix("Exponential fit leaves the Kaplan–Meier 95% band at month "))
        #expect(leftTitle.contains("percentage points"))
    }

    @Test func coxReportComparesTheAveragedModelWithKaplanMeier() throws {
        let table = try exponentialTable(covariate: true)
        let fit = try CoxProportionalHazards().fit(table)
        let report = try FitReport.model(summary: FitSummary(cox: fit), historyFile: "/nonexistent.csv", history: table)
        let chart = try #require(report.charts.first { $0.name == "fit-vs-kaplan-meier" })
        #expect(chart.title.hasPrefix("Cox model "))
        #expect(chart.xAxis.label == "Tenure (units of the history file)")
        let hazard = try #require(report.charts.first { $0.name == "hazard" })
        #expect(hazard.yAxis.label == "Churn hazard (per unit of time)")
        #expect(hazard.series.allSatisfy { !$0.smooth })
        for chart in report.charts { #expect(chart.hasData, "\(chart.name) has no data") }
    }

    @Test func smoothSeriesInAStepChartIsDrawnWithStraightSegments() throws {
        let chart = ReportChart(
            name: "mixed", title: "t", kind: .step, xAxis: ReportChartAxis(title: "x", unit: .plain),
            yAxis: ReportChartAxis(title: "y", unit: .share),
            series: [
                ReportChartSeries(name: "steps", points: [ReportChartPoint(x: 0, y: 1), ReportChartPoint(x: 1, y: 0.5)], colorIndex: 0),
                ReportChartSeries(name: "curve", points: [ReportChartPoint(x: 0, y: 1), ReportChartPoint(x: 1, y: 0.5)], colorIndex: 0, smooth: true),
            ])
        let svg = try #require(SVGChartRenderer.render(chart))
        let paths = svg.components(separatedBy: "\n").filter { $0.contains("class=\"series\"") }
        #expect(paths.count == 2)
        #expect(paths[0].contains(" H") && !paths[0].contains(" L"))
        #expect(paths[1].contains(" L") && !paths[1].contains(" H"))
    }
}
