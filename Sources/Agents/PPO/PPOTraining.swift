import Environments

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
        let collector = RolloutCollector(DiscreteVectorEnvironment(environments), runSeed: seed,
                                         bootstrapsTruncatedEpisodes: config.bootstrapsTruncatedEpisodes)
        return agent.train(collector, totalSteps: totalSteps)
    }

    /// Trains a fresh Gaussian-policy agent on `config.environmentCount` continuous environments.
    public static func train(environments: [any ContinuousEnvironment], config: PPOConfig = .lesson, seed: Int, totalSteps: Int) -> PPOResult {
        checkCount(environments.count, config)
        let box = environments[0].actionSpace
        let agent = PPO(observationSize: environments[0].observationSpace.count,
                        kind: .gaussian(low: box.low, high: box.high), config: config, seed: seed)
        let collector = RolloutCollector(ContinuousVectorEnvironment(environments), runSeed: seed,
                                         bootstrapsTruncatedEpisodes: config.bootstrapsTruncatedEpisodes)
        return agent.train(collector, totalSteps: totalSteps)
    }

    private static func checkCount(_ count: Int, _ config: PPOConfig) {
        guard count == config.environmentCount else {
            fatalError("PPO.train: config.environmentCount is \(config.environmentCount) but \(count) environments were given")
        }
    }

    /// Alternates a rollout of `rolloutLength` steps per environment with an update, until at
    /// least `totalSteps` steps are taken; acting goes through `ActingPolicy`, with no graph.
    private func train(_ collector: RolloutCollector, totalSteps: Int) -> PPOResult {
        guard totalSteps > 0 else { fatalError("PPO.train: totalSteps must be positive, got \(totalSteps)") }
        var collector = collector
        var updates: [PPOUpdateStats] = []
        let stepsPerRollout = config.rolloutLength * config.environmentCount
        let updateCount = (totalSteps + stepsPerRollout - 1) / stepsPerRollout
        for updateIndex in 0..<updateCount {
            if config.annealsLearningRate {
                optimizer.lr = config.learningRate * (1 - Float(updateIndex) / Float(updateCount))
            }
            let lastValues = collector.collect(length: config.rolloutLength, policy: actingPolicy,
                                               into: &buffers, using: &samplingGenerator)
            updates.append(update(lastValues: lastValues))
        }
        return PPOResult(log: collector.log, updates: updates)
    }
}
