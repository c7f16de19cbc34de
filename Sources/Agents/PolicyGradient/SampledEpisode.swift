import SeededRandom
import Tensors

/// The episode in progress of an agent that samples its actions from a softmax policy
/// network and learns once per episode, as both REINFORCE agents do: it draws each action,
/// keeps the states, actions and rewards until the update, and then forgets them.
struct SampledEpisode {
    /// The network whose logits the actions are sampled from.
    let policy: FeedForwardNetwork

    /// The states seen so far, one row of `policy.inputSize` values per step.
    private(set) var states: [Float] = []

    /// The actions chosen so far.
    private(set) var actions: [Int] = []

    /// The rewards stored so far.
    private(set) var rewards: [Double] = []

    /// The generator actions are sampled from.
    private var sampler: SeededGenerator

    /// An empty episode sampling from `policy` with `sampler`.
    init(policy: FeedForwardNetwork, sampler: SeededGenerator) {
        self.policy = policy
        self.sampler = sampler
    }

    /// Samples an action from the policy (no gradients) and remembers the state and action.
    mutating func chooseAction(_ state: [Float]) -> Int {
        let action = Categorical.sample(logits: policy.rowEvaluator.evaluate(state), using: &sampler).index
        states.append(contentsOf: state)
        actions.append(action)
        return action
    }

    /// Records the reward for the last action.
    mutating func storeReward(_ reward: Double) {
        rewards.append(reward)
    }

    /// The number of steps to learn from, or `nil` when no action was chosen; stops with a
    /// message naming `caller` when the rewards do not pair up with the actions.
    func stepCount(checkedBy caller: String) -> Int? {
        guard !actions.isEmpty else { return nil }
        guard rewards.count == actions.count else {
            fatalError("\(caller): \(actions.count) actions but \(rewards.count) rewards; call storeReward once after each chooseAction")
        }
        return actions.count
    }

    /// The states as a `[steps, policy.inputSize]` batch.
    var stateBatch: Tensor {
        Tensor(states, shape: [actions.count, policy.inputSize])
    }

    /// The normalised discounted returns Ĝ_t of the rewards, with discount `gamma`.
    func normalizedReturns(gamma: Double) -> [Double] {
        normalized(discountedReturns(rewards, gamma: gamma))
    }

    /// Forgets the episode, keeping the storage for the next one.
    mutating func forget() {
        states.removeAll(keepingCapacity: true)
        actions.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
    }
}
