import Environments
import SeededRandom
import Tensors

/// Deep Q-learning for discrete actions (Mnih et al. 2015, as Stable-Baselines3 runs it):
/// an epsilon-greedy behaviour policy, a replay buffer, a target network copied from the
/// online network every few steps, and the Huber loss between Q(s, a) and
/// `r + gamma · max_a' Q_target(s', a')` (no bootstrap at a true termination; a time-limit
/// cut-off still bootstraps).
///
/// ```swift
/// let agent = DQN(stateSize: 4, actionCount: 2, seed: 0)
/// let log = agent.train(on: CartPole(), steps: 50_000, seed: 0)
/// let scores = agent.evaluate(on: CartPole(), episodes: 10, seed: 1_000)
/// ```
public final class DQN {
    /// The online Q-network: state in, one value per action out.
    public let qNetwork: FeedForwardNetwork

    /// The target network, a periodic copy of `qNetwork` used for the TD targets.
    public let targetNetwork: FeedForwardNetwork

    /// Adam over the online network's parameters.
    public let optimizer: Adam

    /// The settings.
    public let configuration: Configuration

    /// The transitions seen so far.
    public private(set) var replayBuffer: ReplayBuffer

    /// Draws exploration decisions, random actions and minibatches.
    private var generator: SeededGenerator

    /// Creates the agent; `seed` determines the initial weights and every random choice.
    public init(stateSize: Int, actionCount: Int, configuration: Configuration = .default, seed: Int) {
        let root = SeededGenerator(seed: seed)
        var initGenerator = root.derived(stream: 1)
        let sizes = [stateSize] + configuration.hiddenSizes + [actionCount]
        qNetwork = FeedForwardNetwork(sizes: sizes, activation: .relu, using: &initGenerator)
        targetNetwork = FeedForwardNetwork(sizes: sizes, activation: .relu, using: &initGenerator)
        targetNetwork.copyParameters(from: qNetwork)
        optimizer = Adam(qNetwork.parameters, lr: configuration.learningRate)
        self.configuration = configuration
        replayBuffer = ReplayBuffer(capacity: configuration.bufferSize, stateSize: stateSize)
        generator = root.derived(stream: 2)
    }

    /// The action with the largest Q-value for `state` (ties go to the lowest index).
    public func greedyAction(_ state: [Float]) -> Int {
        let values = qNetwork.rowEvaluator.evaluate(state)
        var best = 0
        for index in 1..<values.count where values[index] > values[best] { best = index }
        return best
    }

    /// A uniformly random action with probability `epsilon`, the greedy one otherwise.
    public func chooseAction(_ state: [Float], epsilon: Double) -> Int {
        if generator.nextDouble() < epsilon {
            return generator.nextInt(below: qNetwork.outputSize)
        }
        return greedyAction(state)
    }

    /// Epsilon after `progress` (0 to 1) of the run: a linear fall over the exploration fraction.
    public func epsilon(atProgress progress: Double) -> Double {
        let fraction = configuration.explorationFraction
        guard fraction > 0, progress < fraction else { return configuration.finalEpsilon }
        return configuration.initialEpsilon + (configuration.finalEpsilon - configuration.initialEpsilon) * progress / fraction
    }

    /// Runs `steps` environment steps on `env`, learning as configured, and returns the log
    /// of finished episodes. Episode `k` starts from `env.reset(seed: seed + k)`.
    public func train<Env: DiscreteEnvironment>(on env: Env, steps: Int, seed: Int) -> EpisodeLog {
        guard steps >= 0 else { fatalError("DQN.train(on:steps:seed:): steps must be non-negative, got \(steps)") }
        var log = EpisodeLog()
        var state = env.reset(seed: seed).observation
        var episodeReturn = 0.0
        var episodeLength = 0
        for step in 0..<steps {
            let action = step < configuration.learningStarts
                ? generator.nextInt(below: qNetwork.outputSize)
                : chooseAction(state, epsilon: epsilon(atProgress: Double(step) / Double(steps)))
            let result = env.step(action)
            replayBuffer.add(state: state, action: action, reward: result.reward, nextState: result.observation,
                             terminated: result.terminated)
            episodeReturn += result.reward
            episodeLength += 1
            log.totalSteps = step + 1
            if result.done {
                log.recordEpisode(return: episodeReturn, length: episodeLength)
                state = env.reset(seed: seed + log.episodeCount).observation
                episodeReturn = 0
                episodeLength = 0
            } else {
                state = result.observation
            }
            if (step + 1) % configuration.targetUpdateInterval == 0 {
                targetNetwork.copyParameters(from: qNetwork)
            }
            if step + 1 > configuration.learningStarts && (step + 1) % configuration.trainFrequency == 0 {
                for _ in 0..<configuration.gradientSteps { learn() }
            }
        }
        return log
    }

    /// One minibatch step on the Huber loss between Q(s, a) and the target-network TD target.
    public func learn() {
        let size = configuration.batchSize
        let batch = replayBuffer.sample(size, using: &generator)
        let stateSize = replayBuffer.stateSize
        let nextValues = noGrad { targetNetwork(Tensor(batch.nextStates, shape: [size, stateSize])) }
        let actionCount = qNetwork.outputSize
        var targets = [Float](repeating: 0, count: size)
        nextValues.scalars.withUnsafeBufferPointer { next in
            for row in 0..<size {
                var best = next[row * actionCount]
                for column in 1..<actionCount { best = max(best, next[row * actionCount + column]) }
                targets[row] = batch.rewards[row] + configuration.gamma * (1 - batch.terminals[row]) * best
            }
        }
        let predicted = qNetwork(Tensor(batch.states, shape: [size, stateSize])).gather(batch.actions)
        let loss = huberLoss(predicted, Tensor(targets))
        optimizer.zeroGrad()
        loss.backward()
        clipGradNorm(qNetwork.parameters, maxNorm: configuration.maxGradNorm)
        optimizer.step()
    }

    /// The returns of `episodes` greedy episodes (no exploration, no learning); episode `k`
    /// starts from `env.reset(seed: seed + k)`.
    public func evaluate<Env: DiscreteEnvironment>(on env: Env, episodes: Int, seed: Int) -> [Double] {
        (0..<episodes).map { episode in
            var state = env.reset(seed: seed + episode).observation
            var total = 0.0
            while true {
                let result = env.step(greedyAction(state))
                total += result.reward
                if result.done { return total }
                state = result.observation
            }
        }
    }

    /// Trains a fresh agent seeded with `seed` for `steps` environment steps on `env` and
    /// returns it with its log (evaluate it with ``evaluate(on:episodes:seed:)``).
    public static func train<Env: DiscreteEnvironment>(env: Env, steps: Int, seed: Int,
                                                       configuration: Configuration = .default) -> (agent: DQN, log: EpisodeLog) {
        let agent = DQN(stateSize: env.observationSpace.count, actionCount: env.actionSpace.n,
                        configuration: configuration, seed: seed)
        let log = agent.train(on: env, steps: steps, seed: seed)
        return (agent, log)
    }
}
