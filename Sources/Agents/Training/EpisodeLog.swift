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
