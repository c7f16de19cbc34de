import Environments
import SeededRandom

extension PPO {
    /// Trains a fresh agent on the environment with Gymnasium's `id` (discrete or continuous)
    /// for at least `totalSteps` environment steps, in whole rollouts as the lesson's `train_ppo`.
    ///
    /// ```swift
    /// let result = PPO.train(env: "CartPole-v1", config: .cartPole, seed: 0, totalSteps: 200_000)
    /// print(result.log.finalAverage(window: 20)!, result.earlyStopCount)
    /// ```
    public static func train(env id: String, config: PPOConfig = .lesson, seed: Int, totalSteps: Int) -> PPOResult {
        guard environmentIDs.contains(id) else {
            fatalError("PPO.train: unknown environment id \"\(id)\"; the known ids are \(environmentIDs)")
        }
        if ["Pendulum-v1", "MountainCarContinuous-v0"].contains(id) {
            let environments: [any ContinuousEnvironment] = (0..<config.environmentCount).map { _ in make(id) }
            return train(environments: environments, config: config, seed: seed, totalSteps: totalSteps)
        }
        let environments: [any DiscreteEnvironment] = (0..<config.environmentCount).map { _ in make(id) }
        return train(environments: environments, config: config, seed: seed, totalSteps: totalSteps)
    }

    /// Trains a fresh agent on one discrete environment (`config.environmentCount` must be 1).
    public static func train(env: any DiscreteEnvironment, config: PPOConfig = .lesson, seed: Int, totalSteps: Int) -> PPOResult {
        train(environments: [env], config: config, seed: seed, totalSteps: totalSteps)
    }

    /// Trains a fresh agent on one continuous environment (`config.environmentCount` must be 1).
    public static func train(env: any ContinuousEnvironment, config: PPOConfig = .lesson, seed: Int, totalSteps: Int) -> PPOResult {
        train(environments: [env], config: config, seed: seed, totalSteps: totalSteps)
    }

    /// Trains a fresh categorical-policy agent on `config.environmentCount` discrete environments.
    public static func train(environments: [any DiscreteEnvironment], config: PPOConfig = .lesson, seed: Int, totalSteps: Int) -> PPOResult {
        checkCount(environments.count, config)
        let agent = PPO(observationSize: environments[0].observationSpace.count,
                        kind: .categorical(count: environments[0].actionSpace.n), config: config, seed: seed)
        let runners = environments.enumerated().map { EnvironmentRunner($1, seed: resetSeed(seed, $0)) }
        return agent.train(runners: runners, totalSteps: totalSteps)
    }

    /// Trains a fresh Gaussian-policy agent on `config.environmentCount` continuous environments.
    public static func train(environments: [any ContinuousEnvironment], config: PPOConfig = .lesson, seed: Int, totalSteps: Int) -> PPOResult {
        checkCount(environments.count, config)
        let box = environments[0].actionSpace
        let agent = PPO(observationSize: environments[0].observationSpace.count,
                        kind: .gaussian(low: box.low, high: box.high), config: config, seed: seed)
        let runners = environments.enumerated().map { EnvironmentRunner($1, seed: resetSeed(seed, $0)) }
        return agent.train(runners: runners, totalSteps: totalSteps)
    }

    private static func checkCount(_ count: Int, _ config: PPOConfig) {
        guard count == config.environmentCount else {
            fatalError("PPO.train: config.environmentCount is \(config.environmentCount) but \(count) environments were given")
        }
    }

    /// The seed of environment `index`'s first reset, drawn from the run's seed.
    private static func resetSeed(_ seed: Int, _ index: Int) -> Int {
        var generator = SeededGenerator(seed: seed).derived(stream: 100 + UInt64(index))
        return Int(truncatingIfNeeded: generator.next() >> 1)
    }

    /// Alternates a rollout of `rolloutLength` steps per environment with an update, until at
    /// least `totalSteps` steps are taken; acting uses a snapshot of the weights and no graph.
    private func train(runners: [EnvironmentRunner], totalSteps: Int) -> PPOResult {
        guard totalSteps > 0 else { fatalError("PPO.train: totalSteps must be positive, got \(totalSteps)") }
        var log = EpisodeLog()
        var updates: [PPOUpdateStats] = []
        let stepsPerRollout = config.rolloutLength * runners.count
        let updateCount = (totalSteps + stepsPerRollout - 1) / stepsPerRollout
        var action = [Float](repeating: 0, count: network.kind.actionSize)
        for updateIndex in 0..<updateCount {
            if config.annealsLearningRate {
                optimizer.lr = config.learningRate * (1 - Float(updateIndex) / Float(updateCount))
            }
            let snapshot = PolicySnapshot(network)
            for _ in 0..<config.rolloutLength {
                for (index, runner) in runners.enumerated() {
                    action.withUnsafeMutableBufferPointer { actionBuffer in
                        let act = actionBuffer.baseAddress!
                        let value = runner.observation.withUnsafeBufferPointer { snapshot.evaluate($0.baseAddress!) }
                        let logProb = sample(with: snapshot, into: act)
                        let outcome = runner.step(act)
                        let bootstraps = outcome.truncated && !outcome.terminated && config.bootstrapsTruncatedEpisodes
                        let finalValue = bootstraps
                            ? runner.nextObservation.withUnsafeBufferPointer { snapshot.evaluate($0.baseAddress!) } : 0
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
            let lastValues = runners.map { runner in
                runner.observation.withUnsafeBufferPointer { snapshot.evaluate($0.baseAddress!) }
            }
            updates.append(update(lastValues: lastValues))
        }
        return PPOResult(log: log, updates: updates)
    }
}
