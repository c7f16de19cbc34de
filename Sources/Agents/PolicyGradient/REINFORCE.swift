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
    /// The policy: state in, one logit per action out (4-128-2 with ReLU by default).
    public let policy: FeedForwardNetwork

    /// Adam over the policy's parameters.
    public let optimizer: Adam

    /// The discount factor.
    public let gamma: Double

    /// The states seen this episode, one row of `stateSize` values per step.
    public private(set) var states: [Float] = []

    /// The actions chosen this episode.
    public private(set) var actions: [Int] = []

    /// The rewards stored this episode.
    public private(set) var rewards: [Double] = []

    /// The generator actions are sampled from.
    private var sampler: SeededGenerator

    /// Creates the agent; `seed` determines the initial weights and the action samples.
    public init(stateSize: Int, actionCount: Int, hiddenSize: Int = 128, learningRate: Float = 1e-3,
                gamma: Double = 0.99, seed: Int) {
        let root = SeededGenerator(seed: seed)
        var initGenerator = root.derived(stream: 1)
        policy = FeedForwardNetwork(sizes: [stateSize, hiddenSize, actionCount], activation: .relu, using: &initGenerator)
        optimizer = Adam(policy.parameters, lr: learningRate)
        self.gamma = gamma
        sampler = root.derived(stream: 2)
    }

    /// Samples an action from the policy (no gradients) and remembers the state and action.
    public func chooseAction(_ state: [Float]) -> Int {
        let action = sampleSoftmax(policy.output(for: state), using: &sampler)
        states.append(contentsOf: state)
        actions.append(action)
        return action
    }

    /// Records the reward for the last action.
    public func storeReward(_ reward: Double) {
        rewards.append(reward)
    }

    /// One gradient step on `-Σ log π(a_t|s_t) · Ĝ_t` with the normalised returns Ĝ, then
    /// forgets the episode. Does nothing if no step was taken.
    public func learn() {
        guard !actions.isEmpty else { return }
        guard rewards.count == actions.count else {
            fatalError("REINFORCE.learn: \(actions.count) actions but \(rewards.count) rewards; call storeReward once after each chooseAction")
        }
        let weights = Tensor(normalized(discountedReturns(rewards, gamma: gamma)).map(Float.init))
        let logProbs = Categorical(logits: policy(Tensor(states, shape: [actions.count, policy.inputSize]))).logProb(actions)
        let loss = -(logProbs * weights).sum()
        optimizer.zeroGrad()
        loss.backward()
        optimizer.step()
        forgetEpisode()
    }

    private func forgetEpisode() {
        states.removeAll(keepingCapacity: true)
        actions.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
    }

    /// Trains a fresh agent seeded with `seed` for `episodes` episodes on `env`
    /// (sizes taken from the environment, the lesson's settings otherwise) and returns its log.
    public static func train<Env: DiscreteEnvironment>(env: Env, episodes: Int, seed: Int) -> EpisodeLog {
        let agent = REINFORCE(stateSize: env.observationSpace.count, actionCount: env.actionSpace.n, seed: seed)
        return agent.train(on: env, episodes: episodes, seed: seed)
    }
}
