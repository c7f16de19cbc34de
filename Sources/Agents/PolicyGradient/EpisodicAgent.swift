import Environments

/// An agent that acts one step at a time and learns once per episode, with the lesson's
/// vocabulary: choose an action for a state, store the reward it earned, learn at the end.
public protocol EpisodicAgent: AnyObject {
    /// Picks an action for `state`, remembering what the update will need.
    func chooseAction(_ state: [Float]) -> Int

    /// Records the reward for the action just chosen.
    func storeReward(_ reward: Double)

    /// Updates from the episode just finished and forgets it.
    func learn()
}

extension EpisodicAgent {
    /// Runs `episodes` episodes on `env` as the lesson's training loop does: episode `k`
    /// starts from `env.reset(seed: seed + k)`, every step stores its reward, and the agent
    /// learns when the episode terminates or is truncated.
    public func train<Env: DiscreteEnvironment>(on env: Env, episodes: Int, seed: Int) -> EpisodeLog {
        guard episodes >= 0 else { fatalError("train(on:episodes:seed:): episodes must be non-negative, got \(episodes)") }
        var log = EpisodeLog()
        var state = [Float](repeating: 0, count: env.observationSpace.count)
        for episode in 0..<episodes {
            state.withUnsafeMutableBufferPointer { env.reset(seed: seed + episode, writingObservationTo: $0.baseAddress!) }
            var total = 0.0
            var length = 0
            while true {
                let action = chooseAction(state)
                let outcome = state.withUnsafeMutableBufferPointer { env.step(action, writingObservationTo: $0.baseAddress!) }
                storeReward(outcome.reward)
                total += outcome.reward
                length += 1
                if outcome.done { break }
            }
            learn()
            log.totalSteps += length
            log.recordEpisode(return: total, length: length)
        }
        return log
    }
}
