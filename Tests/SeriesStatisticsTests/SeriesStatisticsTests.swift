import SeriesStatistics
import Testing

@Suite struct SeriesStatisticsTests {
    @Test func movingAverageMatchesConvolveValid() {
        #expect(movingAverage([1, 2, 3, 4, 5], window: 2) == [1.5, 2.5, 3.5, 4.5])
        #expect(movingAverage([1, 2, 3], window: 3) == [2])
        #expect(movingAverage([1, 2], window: 3).isEmpty)
        let series = movingAverageSeries([1, 2, 3, 4], window: 3)
        #expect(series.x == [2, 3])
        #expect(series.y == [2, 3])
    }

    @Test func longSeriesStayAccurate() {
        let values = (0..<100_000).map { Double($0 % 500) + 0.1 }
        let averages = movingAverage(values, window: 100)
        let last = values.suffix(100).reduce(0, +) / 100
        #expect(abs(averages.last! - last) < 1e-9)
    }

    @Test func firstReachCountsFullWindowsOnly() {
        let returns = [200.0, 200, 10, 300, 300]
        #expect(firstIndexReaching(195, movingAverageOf: returns, window: 2) == 1)
        #expect(firstIndexReaching(250, movingAverageOf: returns, window: 2) == 4)
        #expect(firstIndexReaching(1000, movingAverageOf: returns, window: 2) == nil)
        #expect(firstIndexReaching(0, movingAverageOf: [5], window: 2) == nil)
    }

    @Test func summariesAcrossRunsUseTheCommonLength() {
        let runs = AcrossRuns([[1, 2, 3], [3, 4], [5, 6, 7]])
        #expect(runs.commonLength == 2)
        #expect(runs.mean == [3, 4])
        #expect(runs.minimum == [1, 2])
        #expect(runs.maximum == [5, 6])
        #expect(abs(runs.standardDeviation[0] - (8.0 / 3).squareRoot()) < 1e-12)
        #expect(Statistics.standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) == 2)
    }
}
