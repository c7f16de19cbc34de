import Environments
import SeededRandom
import Tensors

extension ActorCritic {
    /// The lesson's entropy exercise as a library function: a fresh agent seeded with
    /// `seed` plays `episodes` episodes and learns after every step with ``update(state:action:reward:nextState:bootstraps:beta:)``.
    /// The next state's value is dropped at a termination, and at a truncation unless
    /// ``Configuration/bootstrapsOnTruncation``. Episode `k` starts from
    /// `env.reset(seed: seed + k)`, as in the lesson.
    ///
    /// ```swift
    /// let log = ActorCritic.trainWithEntropy(beta: 0.01, seed: 0, episodes: 800)
    /// let collapsed = ActorCritic.trainWithEntropy(beta: 0.01, seed: 0, episodes: 800, configuration: .collapsing)
    /// ```
    public static func trainWithEntropy(beta: Float, seed: Int, episodes: Int,
                                        configuration: Configuration = .default,
                                        env: some DiscreteEnvironment = CartPole()) -> EpisodeLog {
        let agent = ActorCritic(stateSize: env.observationSpace.count, actionCount: env.actionSpace.n,
                                configuration: configuration, seed: seed)
        return agent.trainWithEntropy(beta: beta, seed: seed, episodes: episodes, env: env)
    }

    /// Trains this agent as the static ``trainWithEntropy(beta:seed:episodes:configuration:env:)``
    /// does; `seed` sets the episode starts.
    public func trainWithEntropy(beta: Float, seed: Int, episodes: Int, env: some DiscreteEnvironment) -> EpisodeLog {
        guard episodes >= 0 else { fatalError("ActorCritic.trainWithEntropy: episodes must be non-negative, got \(episodes)") }
        var log = EpisodeLog()
        for episode in 0..<episodes {
            var state = env.reset(seed: seed + episode).observation
            var total = 0.0
            var length = 0
            while true {
                let action = chooseAction(state)
                let result = env.step(action)
                let bootstraps = !result.terminated && (!result.truncated || configuration.bootstrapsOnTruncation)
                update(state: state, action: action, reward: result.reward, nextState: result.observation,
                       bootstraps: bootstraps, beta: beta)
                state = result.observation
                total += result.reward
                length += 1
                if result.done { break }
            }
            log.totalSteps += length
            log.recordEpisode(return: total, length: length)
        }
        return log
    }
}
