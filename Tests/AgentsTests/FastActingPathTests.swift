import Agents
import Testing

/// PPO collects its rollouts with a snapshot of the weights evaluated by plain loops (the fast
/// acting path), and updates with the network's own forward pass. With one epoch of one
/// minibatch, the update's KL is measured before its only step, so it is what separates them: the
/// log-probabilities the fast path stored against those the network computes for the same
/// states and actions. They must agree to rounding.
@Suite struct FastActingPathTests {
    func klBetweenFastPathAndForward(env: String, policy config: PPOConfig) -> (kl: Double, clipFraction: Double) {
        var config = config
        config.epochs = 1
        config.rolloutLength = 256
        config.batchSize = 256
        config.klEstimator = .ratioMinusLogRatio  // never negative: errors cannot cancel
        let update = PPO.train(env: env, config: config, seed: 3, totalSteps: 256).updates[0]
        return (update.approximateKL, update.clipFraction)
    }

    @Test(arguments: ["CartPole-v1", "Acrobot-v1", "Pendulum-v1"])
    func theFastPathGivesTheForwardPassLogProbabilities(env: String) {
        for architecture in [PPOConfig.Architecture.sharedTrunk, .separateNetworks] {
            var config = PPOConfig.lesson
            config.architecture = architecture
            config.initialLogStd = -0.5
            let (kl, clipFraction) = klBetweenFastPathAndForward(env: env, policy: config)
            // A per-sample log-probability error δ gives about δ²/2; δ = 1e-4 would give 5e-9.
            #expect(kl < 5e-9, "\(env) \(architecture): KL \(kl)")
            #expect(clipFraction == 0)
        }
    }
}
