import Charts
import Testing

@Suite struct StatisticsTests {
    @Test func movingAverageMatchesValidConvolutionAndSitsAtTheWindowsLastIndex() {
        let curve = movingAverageCurve([1, 2, 3, 4, 5, 6], window: 3)
        #expect(curve.x == [2, 3, 4, 5])
        #expect(curve.y == [2, 3, 4, 5])
    }

    @Test func movingAverageOfAShortSeriesIsEmptyAndWindowOneIsTheData() {
        #expect(movingAverageCurve([1.0, 2.0], window: 3) == Curve(x: [Double](), y: [Double]()))
        #expect(movingAverageCurve([Float(4), 5], window: 1) == Curve(x: [0, 1], y: [4.0, 5.0]))
    }

    @Test func movingAverageOfACurveKeepsItsXPositions() {
        let curve = movingAverageCurve(Curve(x: [200, 450, 500, 1000], y: [10, 20, 30, 40]), window: 2)
        #expect(curve == Curve(x: [450, 500, 1000], y: [15, 25, 35]))
    }

    @Test func runSummaryHandlesRunsOfDifferentLengths() {
        let summary = RunSummary(runs: [[1.0, 3, 5], [3.0, 5], [2.0]])
        #expect(summary.x == [0, 1, 2])
        #expect(summary.count == [3, 2, 1])
        #expect(summary.mean == [2, 4, 5])
        #expect(summary.minimum == [1, 3, 5])
        #expect(summary.maximum == [3, 5, 5])
        #expect(abs(summary.standardDeviation[0] - (2.0 / 3).squareRoot()) < 1e-12)
        #expect(summary.standardDeviation[2] == 0)
    }

    @Test func runSummaryMatchesCurvesByXAndSkipsNonFiniteValues() {
        let a = Curve(x: [99, 100, 101], y: [10, 20, .nan])
        let b = Curve(x: [100, 101], y: [30, 40])
        let summary = RunSummary(curves: [a, b])
        #expect(summary.x == [99, 100, 101])
        #expect(summary.mean == [10, 25, 40])
        #expect(summary.count == [1, 2, 1])
        let band = summary.bounds(of: .standardDeviations(2))
        #expect(band.lower[1] == 15 && band.upper[1] == 35)
        #expect(summary.bounds(of: .minMax).upper == [10, 30, 40])
    }

    @Test func anIndexNoRunReachesIsNaN() {
        let summary = RunSummary(curves: [Curve(x: [0.0], y: [Double.nan])])
        #expect(summary.count == [0])
        #expect(summary.mean[0].isNaN)
    }
}
