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

    @Test func nonFiniteValuesOnlyAffectTheirWindows() {
        let averages = movingAverage([1, .nan, 3, 5, 7], window: 2)
        #expect(averages[0].isNaN && averages[1].isNaN)
        #expect(averages[2] == 4 && averages[3] == 6)
    }

    @Test func meanAndStandardDeviationFollowNumPy() {
        #expect(Statistics.mean([1, 2, 3, 6]) == 3)
        #expect(Statistics.standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) == 2)
        #expect(Statistics.mean([]).isNaN)
    }
}
