/// What `PPO.train` returns: the episodes and every update's statistics.
public struct PPOResult: Codable, Equatable, Sendable {
    /// The returns and lengths of the episodes finished during training.
    public var log: EpisodeLog
    /// One entry per update, in order.
    public var updates: [PPOUpdateStats]

    /// The number of updates whose epochs the KL early stop cut short.
    public var earlyStopCount: Int { updates.filter(\.stoppedEarly).count }
    /// The indices of the updates the early stop cut short.
    public var earlyStopUpdates: [Int] { updates.indices.filter { updates[$0].stoppedEarly } }
    /// The approximate KL at the end of each update.
    public var klPerUpdate: [Double] { updates.map(\.approximateKL) }
    /// The clip fraction of each update.
    public var clipFractionPerUpdate: [Double] { updates.map(\.clipFraction) }
}
