import Environments
import SeededRandom
import Tensors

/// Monte-Carlo policy gradient (Williams' REINFORCE), as the lesson's previous episode
/// builds it: a softmax policy network, one update per episode on the normalised discounted
/// returns, loss `-Σ log π(a_t|s_t) · Ĝ_t`.
///
/// ```swift
/// let agent = REINFORCE(stateSize: 4, actionCount: 2, seed: 0)
/// let log = agent.train(on: CartPole(), episodes: 1000, seed: 0)
/// // or in one call:
/// let same = REINFORCE.train(env: CartPole(), episodes: 1000, seed: 0)
/// ```
public final class REINFORCE: EpisodicAgent {
    /// The policy's hidden width unless `init` is given another (the lesson's 128).
    public static let defaultHiddenSize = 128

    /// Adam's learning rate unless `init` is given another (the lesson's 1e-3).
    public static let defaultLearningRate: Float = 1e-3

    /// The discount factor unless `init` is given another (the lesson's 0.99).
    public static let defaultGamma = 0.99

    /// The policy: state in, one logit per action out (4-128-2 with ReLU by default).
    public let policy: FeedForwardNetwork

    /// Adam over the policy's parameters.
    public let optimizer: Adam

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

    /// Creates the agent; `seed` determines the initial weights and the action samples.
    public init(stateSize: Int, actionCount: Int, hiddenSize: Int = defaultHiddenSize,
                learningRate: Float = defaultLearningRate, gamma: Double = defaultGamma, seed: Int) {
        let root = SeededGenerator(seed: seed)
        var initGenerator = root.derived(stream: 1)
        policy = FeedForwardNetwork(sizes: [stateSize, hiddenSize, actionCount], activation: .relu, using: &initGenerator)
        optimizer = Adam(policy.parameters, lr: learningRate)
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

    /// One gradient step on `-Σ log π(a_t|s_t) · Ĝ_t` with the normalised returns Ĝ, then
    /// forgets the episode. Does nothing if no step was taken.
    public func learn() {
        guard episode.stepCount(checkedBy: "REINFORCE.learn") != nil else { return }
        let weights = Tensor(episode.normalizedReturns(gamma: gamma).map(Float.init))
        let logProbs = Categorical(logits: policy(episode.stateBatch)).logProb(episode.actions)
        let loss = -(logProbs * weights).sum()
        optimizer.zeroGrad()
        loss.backward()
        optimizer.step()
        episode.forget()
    }

    /// Trains a fresh agent seeded with `seed` for `episodes` episodes on `env`
    /// (sizes taken from the environment, the lesson's settings otherwise) and returns its log.
    public static func train<Env: DiscreteEnvironment>(env: Env, episodes: Int, seed: Int) -> EpisodeLog {
        let agent = REINFORCE(stateSize: env.observationSpace.count, actionCount: env.actionSpace.n, seed: seed)
        return agent.train(on: env, episodes: episodes, seed: seed)
    }
}
