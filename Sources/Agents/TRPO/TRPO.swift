import Environments
import SeededRandom
import Tensors

/// Trust Region Policy Optimization for discrete actions: each update maximises the surrogate
/// advantage `mean(r·A)` subject to `mean KL(π_old ‖ π_new) ≤ δ`, by a natural-gradient step
/// (conjugate gradient on Fisher-vector products) scaled to the trust region and a backtracking
/// line search; a separate value network is fitted to the GAE returns with Adam.
///
/// ```swift
/// let result = TRPO.train(env: "CartPole-v1", seed: 0, totalSteps: 200_000)
/// ```
public final class TRPO {
    /// The settings.
    public let config: TRPOConfig
    /// The policy (actor trunk and head) and the value network (critic trunk and head), separate.
    public let network: PPONetwork
    /// Adam over the value network's parameters.
    public let valueOptimizer: Adam
    /// The rollout buffer.
    public var buffer: RolloutBuffer
    private var samplingGenerator: SeededGenerator
    private var shufflingGenerator: SeededGenerator

    /// Creates an agent for `actionCount` discrete actions; `seed` determines every random draw.
    public init(observationSize: Int, actionCount: Int, config: TRPOConfig = .cartPole, seed: Int) {
        config.validate()
        let root = SeededGenerator(seed: seed)
        var initGenerator = root.derived(stream: 1)
        samplingGenerator = root.derived(stream: 2)
        shufflingGenerator = root.derived(stream: 3)
        self.config = config
        network = PPONetwork(observationSize: observationSize, kind: .categorical(count: actionCount),
                             hiddenSize: config.hiddenSize, architecture: .separateNetworks, initialization: .orthogonal,
                             using: &initGenerator)
        valueOptimizer = Adam(network.criticTrunk.flatMap(\.parameters) + network.critic.parameters, lr: config.valueLearningRate)
        buffer = RolloutBuffer(observationSize: observationSize, actionSize: 1)
    }

    /// Trains a fresh agent on the discrete environment with Gymnasium's `id` for at least `totalSteps` steps.
    public static func train(env id: String, config: TRPOConfig = .cartPole, seed: Int, totalSteps: Int) -> TRPOResult {
        train(env: make(id), config: config, seed: seed, totalSteps: totalSteps)
    }

    /// Trains a fresh agent on `env` for at least `totalSteps` steps, in whole rollouts.
    public static func train(env: any DiscreteEnvironment, config: TRPOConfig = .cartPole, seed: Int, totalSteps: Int) -> TRPOResult {
        guard totalSteps > 0 else { fatalError("TRPO.train: totalSteps must be positive, got \(totalSteps)") }
        let agent = TRPO(observationSize: env.observationSpace.count, actionCount: env.actionSpace.n, config: config, seed: seed)
        var collector = RolloutCollector(DiscreteVectorEnvironment([env]), runSeed: seed, bootstrapsTruncatedEpisodes: true)
        var updates: [TRPOUpdateStats] = []
        for _ in 0..<(totalSteps + config.rolloutLength - 1) / config.rolloutLength {
            var buffers = [agent.buffer]
            let lastValues = collector.collect(length: config.rolloutLength, policy: ActingPolicy(agent.network),
                                               into: &buffers, using: &agent.samplingGenerator)
            agent.buffer = buffers[0]
            updates.append(agent.update(lastValue: lastValues[0]))
        }
        return TRPOResult(log: collector.log, updates: updates)
    }

    /// One TRPO update from the buffer (its tail bootstrapped from `lastValue`), then clears it.
    @discardableResult
    public func update(lastValue: Float) -> TRPOUpdateStats {
        let batch = RolloutBatch(buffers: [buffer], lastValues: [lastValue], gamma: config.gamma, lambda: config.lambda,
                                 normalizesAdvantages: config.normalizesAdvantages)
        guard batch.count > 1 else { fatalError("TRPO.update: the rollout buffer needs at least 2 steps, has \(batch.count)") }
        var stats = policyStep(batch)
        stats.valueLoss = fitValue(batch)
        buffer.clear()
        return stats
    }

    /// The natural-gradient step on the policy, scaled to the trust region and backtracked.
    private func policyStep(_ batch: RolloutBatch) -> TRPOUpdateStats {
        let actions = batch.actions.map { Int($0) }
        let oldLogProbs = Tensor(batch.logProbs)
        let advantages = Tensor(batch.advantages)
        let fisher = FisherVectorProduct(network: network, states: batch.states, damping: config.damping)
        let parameters = fisher.parameters
        let oldParameters = ParameterVector.values(of: parameters)
        let oldDistribution = noGrad { Categorical(logits: network(batch.states)) }

        func surrogate() -> Tensor {
            let logProbs = Categorical(logits: network(batch.states)).logProb(actions)
            return ((logProbs - oldLogProbs).exp() * advantages).mean()
        }
        for parameter in parameters { parameter.grad = nil }
        let oldSurrogate = surrogate()
        oldSurrogate.backward()
        let gradient = ParameterVector.gradients(of: parameters)
        for parameter in parameters { parameter.grad = nil }

        let direction = conjugateGradient(b: gradient, iterations: config.conjugateGradientIterations, product: fisher.callAsFunction)
        let curvature = zip(direction, fisher(direction)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        var stats = TRPOUpdateStats(kl: 0, stepFraction: 0, surrogateImprovement: 0, valueLoss: 0,
                                    entropy: Double(noGrad { oldDistribution.entropy().mean().item }))
        guard curvature > 0 else { return stats }
        let fullStep = Float((2 * config.maxKL / Double(curvature)).squareRoot())
        var fraction: Float = 1
        for _ in 0..<config.backtrackSteps {
            let candidate = zip(oldParameters, direction).map { $0 + fraction * fullStep * $1 }
            ParameterVector.assign(candidate, to: parameters)
            let (improvement, kl) = noGrad { () -> (Double, Double) in
                let newLogits = Categorical(logits: network(batch.states)).logits
                let kl = (oldDistribution.probs * (oldDistribution.logits - newLogits)).sum(axis: 1).mean().item
                return (Double(surrogate().item - oldSurrogate.item), Double(kl))
            }
            if kl <= config.maxKL && improvement > 0 {
                stats.kl = kl
                stats.stepFraction = Double(fraction)
                stats.surrogateImprovement = improvement
                return stats
            }
            fraction *= config.backtrackRatio
        }
        ParameterVector.assign(oldParameters, to: parameters)
        return stats
    }

    /// Fits the value network to the GAE returns; returns the mean minibatch loss.
    private func fitValue(_ batch: RolloutBatch) -> Double {
        var total = 0.0
        var minibatches = 0
        for _ in 0..<config.valueEpochs {
            var order = Array(0..<batch.count)
            order.shuffle(using: &shufflingGenerator)
            for start in stride(from: 0, to: batch.count, by: config.valueBatchSize) {
                let rows = Array(order[start..<min(start + config.valueBatchSize, batch.count)])
                let loss = mseLoss(network.values(batch.states[rows: rows]), Tensor(rows.map { batch.returns[$0] }))
                valueOptimizer.zeroGrad()
                loss.backward()
                valueOptimizer.step()
                total += Double(loss.item)
                minibatches += 1
            }
        }
        return total / Double(minibatches)
    }
}
