import Agents
import Testing

@Suite struct EpisodeLogTests {
    @Test func recordsEpisodesAndFindsTheFirstCrossing() {
        var log = EpisodeLog()
        for length in [10, 200, 210, 500] {
            log.totalSteps += length
            log.recordEpisode(return: Double(length), length: length)
        }
        #expect(log.episodeCount == 4)
        #expect(log.endSteps == [10, 210, 420, 920])
        #expect(log.movingAverage(window: 2) == [105, 205, 355])
        #expect(log.firstEpisodeReaching(200, window: 2) == 2)
        #expect(log.firstStepReaching(200, window: 2) == 420)
        #expect(log.finalAverage(window: 2) == 355)
        #expect(log.firstEpisodeReaching(1000, window: 2) == nil)
    }

    @Test func curvesAgainstStepsAndOnAStepGrid() {
        var log = EpisodeLog()
        for length in [10, 200, 210, 500] {
            log.totalSteps += length
            log.recordEpisode(return: Double(length), length: length)
        }
        log.totalSteps += 80 // an unfinished episode
        let bySteps = log.movingAverageBySteps(window: 2)
        #expect(bySteps.steps == [210, 420, 920])
        #expect(bySteps.averages == [105, 205, 355])
        let grid = log.movingAverageOnStepGrid(window: 2, every: 250)
        #expect(grid.steps == [250, 500, 750, 1000])
        #expect(grid.averages == [105, 205, 205, 355])
    }
}
