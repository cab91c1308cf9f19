import Testing
@testable import ChurnModel

/// Nice-number ticks (Heckbert, Graphics Gems 1990) and their labels, checked by hand.
@Suite struct ReportChartTicksTests {
    @Test func linearTicksAreOneTwoOrFiveTimesAPowerOfTenAndCoverTheData() {
        #expect(ChartTicks.linear(0, 937) == [0, 200, 400, 600, 800, 1000])
        #expect(ChartTicks.linear(0.13, 0.87) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
        #expect(ChartTicks.linear(-1581, 4200) == [-2000, -1000, 0, 1000, 2000, 3000, 4000, 5000])
        #expect(ChartTicks.linear(5, 5) == [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6])
    }

    @Test func niceNumbersRoundToOneTwoFiveOrTen() {
        #expect(ChartTicks.niceNumber(0.37, round: true) == 0.5)
        #expect(ChartTicks.niceNumber(1.2, round: true) == 1)
        #expect(ChartTicks.niceNumber(2.4e6, round: true) == 2e6)
        #expect(ChartTicks.niceNumber(8, round: true) == 10)
        #expect(ChartTicks.niceNumber(2.1, round: false) == 5)
    }

    @Test func logTicksUseFinerMantissasOnNarrowRanges() {
        #expect(ChartTicks.logarithmic(0.41, 1.6) == [0.3, 0.5, 0.7, 1, 1.5, 2])
        #expect(ChartTicks.logarithmic(0.05, 20) == [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20])
    }

    @Test func tickLabelsUseUnitsThousandsSeparatorsAndSuffixes() {
        #expect(ChartTickLabels.label(1_500_000, unit: .currency, step: 500_000) == "1.5M")
        #expect(ChartTickLabels.label(2_000_000, unit: .currency, step: 500_000) == "2.0M")
        #expect(ChartTickLabels.label(250_000, unit: .currency, step: 50_000) == "250K")
        #expect(ChartTickLabels.label(0, unit: .currency, step: 50_000) == "0")
        #expect(ChartTickLabels.label(0.2, unit: .share, step: 0.2) == "20%")
        #expect(ChartTickLabels.label(0.025, unit: .share, step: 0.005) == "2.5%")
        #expect(ChartTickLabels.label(1200, unit: .plain, step: 200) == "1,200")
        #expect(ChartTickLabels.label(36, unit: .months, step: 12) == "36")
    }

    @Test func svgPathsForAKnownSmallSeries() {
        #expect(SVGPath.line([(0, 0), (10, 5.5), (20, 3)]) == "M0 0 L10 5.5 L20 3")
        #expect(SVGPath.step([(0, 10), (5, 20), (8, 30)], endX: 12) == "M0 10 H5 V20 H8 V30 H12")
        #expect(SVGPath.band(upper: [(0, 1), (10, 2)], lower: [(0, 5), (10, 6)], stepped: false) == "M0 1 L10 2 L10 6 L0 5 Z")
        #expect(SVGPath.line([]) == "")
    }

    @Test func scaleMapsTicksToPixelsAndFlipsForVerticalAxes() {
        let y = ChartScale(ticks: [0, 0.5, 1], start: 300, end: 100)
        #expect(y.position(0) == 300)
        #expect(y.position(0.25) == 250)
        #expect(y.position(2) == 100)
        let log = ChartScale(lower: 0.5, upper: 2, logarithmic: true, start: 0, end: 100)
        #expect(abs(log.position(1) - 50) < 1e-9)
    }
}
