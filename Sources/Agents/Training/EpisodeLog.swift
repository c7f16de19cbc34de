import SeriesStatistics

/// What a training run recorded, episode by episode: the return and length of every
/// finished episode and the total number of environment steps when it finished.
public struct EpisodeLog: Codable, Equatable, Sendable {
    /// The undiscounted return of each finished episode.
    public private(set) var returns: [Double] = []
    /// The number of steps of each finished episode.
    public private(set) var lengths: [Int] = []
    /// The total environment steps taken when each episode finished.
    public private(set) var endSteps: [Int] = []
    /// All environment steps taken so far, including those of an unfinished episode.
    public var totalSteps = 0

    /// An empty log.
    public init() {}

    /// Records a finished episode; `totalSteps` must already count its steps.
    public mutating func recordEpisode(return episodeReturn: Double, length: Int) {
        returns.append(episodeReturn)
        lengths.append(length)
        endSteps.append(totalSteps)
    }

    /// The number of finished episodes.
    public var episodeCount: Int { returns.count }

    /// The trailing `window`-episode average of the returns, one value per full window.
    public func movingAverage(window: Int) -> [Double] {
        SeriesStatistics.movingAverage(returns, window: window)
    }

    /// The trailing `window`-episode average paired with the environment step at which each
    /// window's last episode ended: a learning curve against experience rather than episodes.
    public func movingAverageBySteps(window: Int) -> (steps: [Double], averages: [Double]) {
        let (episodes, averages) = movingAverageSeries(returns, window: window)
        return (episodes.map { Double(endSteps[Int($0)]) }, averages)
    }

    /// The trailing `window`-episode average as it stood at every multiple of `interval` steps
    /// (the latest full window finished by then), up to `totalSteps`. Runs sampled on the same
    /// grid share their x positions, so they can be averaged point by point across seeds.
    public func movingAverageOnStepGrid(window: Int, every interval: Int) -> (steps: [Double], averages: [Double]) {
        guard interval > 0 else { fatalError("EpisodeLog.movingAverageOnStepGrid: the interval must be positive, got \(interval)") }
        let (steps, averages) = movingAverageBySteps(window: window)
        var gridSteps: [Double] = [], gridAverages: [Double] = []
        var finished = 0
        for step in stride(from: interval, through: totalSteps, by: interval) {
            while finished < steps.count && steps[finished] <= Double(step) { finished += 1 }
            guard finished > 0 else { continue }
            gridSteps.append(Double(step))
            gridAverages.append(averages[finished - 1])
        }
        return (gridSteps, gridAverages)
    }

    /// The average return of the last `window` episodes (or of all, if fewer), nil before any episode.
    public func finalAverage(window: Int) -> Double? {
        returns.isEmpty ? nil : Statistics.mean(Array(returns.suffix(window)))
    }

    /// The 0-based episode at which the `window`-episode average first reaches `target`, or nil.
    public func firstEpisodeReaching(_ target: Double, window: Int) -> Int? {
        firstIndexReaching(target, movingAverageOf: returns, window: window)
    }

    /// The environment step at which the `window`-episode average first reaches `target`, or nil.
    public func firstStepReaching(_ target: Double, window: Int) -> Int? {
        firstEpisodeReaching(target, window: window).map { endSteps[$0] }
    }
}
