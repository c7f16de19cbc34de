import SeededRandom

/// Steps a set of environments with an acting policy and fills one rollout buffer per
/// environment, recording finished episodes; shared by PPO and TRPO.
struct RolloutCollector {
    let runners: [EnvironmentRunner]
    /// Whether truncated episodes are bootstrapped from V(final observation) (see `PPOConfig`).
    let bootstrapsTruncatedEpisodes: Bool
    /// Every episode finished so far, and the steps taken.
    private(set) var log = EpisodeLog()
    private var action: [Float]

    init(runners: [EnvironmentRunner], actionSize: Int, bootstrapsTruncatedEpisodes: Bool) {
        self.runners = runners
        self.bootstrapsTruncatedEpisodes = bootstrapsTruncatedEpisodes
        action = [Float](repeating: 0, count: actionSize)
    }

    /// Takes `length` steps in every environment, acting with `policy` and drawing from `generator`;
    /// returns the value of each environment's current observation, to bootstrap the cut-off tails.
    mutating func collect(length: Int, policy: ActingPolicy, into buffers: inout [RolloutBuffer],
                          using generator: inout SeededGenerator) -> [Float] {
        for _ in 0..<length {
            for (index, runner) in runners.enumerated() {
                action.withUnsafeMutableBufferPointer { actionBuffer in
                    let act = actionBuffer.baseAddress!
                    let value = runner.observation.withUnsafeBufferPointer { policy.evaluate($0.baseAddress!) }
                    let logProb = policy.sample(into: act, using: &generator)
                    let outcome = runner.step(act)
                    let bootstraps = outcome.truncated && !outcome.terminated && bootstrapsTruncatedEpisodes
                    let finalValue = bootstraps
                        ? runner.nextObservation.withUnsafeBufferPointer { policy.evaluate($0.baseAddress!) } : 0
                    runner.observation.withUnsafeBufferPointer { state in
                        buffers[index].store(state: state.baseAddress!, action: act, logProb: logProb,
                                             reward: Float(outcome.reward), value: value,
                                             terminated: outcome.done && !bootstraps, truncated: bootstraps,
                                             finalValue: finalValue)
                    }
                    log.totalSteps += 1
                    if outcome.done {
                        log.recordEpisode(return: runner.episodeReturn, length: runner.episodeLength)
                    }
                    runner.advance(episodeEnded: outcome.done)
                }
            }
        }
        return runners.map { runner in
            runner.observation.withUnsafeBufferPointer { policy.evaluate($0.baseAddress!) }
        }
    }
}
