import Environments
import SeededRandom
import Tensors

/// REINFORCE with a learned state-value baseline: a separate value network V(s) is fitted
/// by mean squared error to the episode's normalised discounted returns Ĝ_t (the targets
/// plain REINFORCE weights its log-probabilities with), and the policy is pushed by the
/// advantage `Ĝ_t - V(s_t)` instead.
///
/// ```swift
/// let log = REINFORCEWithBaseline.train(env: CartPole(), episodes: 1000, seed: 0)
/// print(log.firstEpisodeReaching(195, window: 100) as Any)
/// ```
public final class REINFORCEWithBaseline: EpisodicAgent {
    /// The policy: state in, one logit per action out (4-128-2 with ReLU by default).
    public let policy: FeedForwardNetwork

    /// The baseline: state in, estimated return out (4-128-1 with ReLU by default).
    public let value: FeedForwardNetwork

    /// Adam over the policy's parameters.
    public let policyOptimizer: Adam

    /// Adam over the value network's parameters.
    public let valueOptimizer: Adam

    /// The discount factor.
    public let gamma: Double

    /// The states seen this episode, one row of `stateSize` values per step.
    public var states: [Float] { episode.states }

    /// The actions chosen this episode.
    public var actions: [Int] { episode.actions }

    /// The rewards stored this episode.
    public var rewards: [Double] { episode.rewards }

    /// The episode in progress, sampling its actions from `policy`.
    private var episode: SampledEpisode

    /// Creates the agent; `seed` determines both networks' initial weights and the action samples.
    public init(stateSize: Int, actionCount: Int, hiddenSize: Int = REINFORCE.defaultHiddenSize,
                learningRate: Float = REINFORCE.defaultLearningRate,
                valueLearningRate: Float = REINFORCE.defaultLearningRate, gamma: Double = REINFORCE.defaultGamma, seed: Int) {
        let root = SeededGenerator(seed: seed)
        var policyGenerator = root.derived(stream: 1)
        var valueGenerator = root.derived(stream: 3)
        policy = FeedForwardNetwork(sizes: [stateSize, hiddenSize, actionCount], activation: .relu, using: &policyGenerator)
        value = FeedForwardNetwork(sizes: [stateSize, hiddenSize, 1], activation: .relu, using: &valueGenerator)
        policyOptimizer = Adam(policy.parameters, lr: learningRate)
        valueOptimizer = Adam(value.parameters, lr: valueLearningRate)
        self.gamma = gamma
        episode = SampledEpisode(policy: policy, sampler: root.derived(stream: 2))
    }

    /// Samples an action from the policy (no gradients) and remembers the state and action.
    public func chooseAction(_ state: [Float]) -> Int {
        episode.chooseAction(state)
    }

    /// Records the reward for the last action.
    public func storeReward(_ reward: Double) {
        episode.storeReward(reward)
    }

    /// One step for each network, then forgets the episode: the value network on
    /// `mse(V(s_t), Ĝ_t)` with the normalised returns Ĝ, the policy on
    /// `-Σ log π(a_t|s_t) · (Ĝ_t - V(s_t))` (V taken before its own step, without gradient).
    public func learn() {
        guard let steps = episode.stepCount(checkedBy: "REINFORCEWithBaseline.learn") else { return }
        let returns = episode.normalizedReturns(gamma: gamma)
        let batch = episode.stateBatch

        let predicted = value(batch).reshape([steps])
        let baseline = predicted.scalars
        let valueLoss = mseLoss(predicted, Tensor(returns.map(Float.init)))
        valueOptimizer.zeroGrad()
        valueLoss.backward()
        valueOptimizer.step()

        let advantages = zip(returns, baseline).map { $0 - Double($1) }
        let logProbs = Categorical(logits: policy(batch)).logProb(episode.actions)
        let policyLoss = -(logProbs * Tensor(advantages.map(Float.init))).sum()
        policyOptimizer.zeroGrad()
        policyLoss.backward()
        policyOptimizer.step()
        episode.forget()
    }

    /// Trains a fresh agent seeded with `seed` for `episodes` episodes on `env`
    /// (sizes taken from the environment, the lesson's settings otherwise) and returns its log.
    public static func train<Env: DiscreteEnvironment>(env: Env, episodes: Int, seed: Int) -> EpisodeLog {
        let agent = REINFORCEWithBaseline(stateSize: env.observationSpace.count, actionCount: env.actionSpace.n, seed: seed)
        return agent.train(on: env, episodes: episodes, seed: seed)
    }
}
