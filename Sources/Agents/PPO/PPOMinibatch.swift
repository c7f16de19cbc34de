/// The samples of one PPO gradient step, one row each: states, actions, and the rollout's
/// log-probabilities (under the policy that acted), advantages and returns.
public struct PPOMinibatch {
    /// `count × observationSize` values, row after row.
    public var states: [Float]
    /// `count × actionSize` values: the action's index for a categorical policy, the action itself for a Gaussian.
    public var actions: [Float]
    /// The log-probability of each action when it was taken.
    public var oldLogProbs: [Float]
    /// Each sample's advantage (normalised or not, as the update chose).
    public var advantages: [Float]
    /// Each sample's return, the critic's target.
    public var returns: [Float]

    /// Creates a minibatch from its columns; every column must hold `oldLogProbs.count` rows.
    public init(states: [Float], actions: [Float], oldLogProbs: [Float], advantages: [Float], returns: [Float]) {
        let rows = oldLogProbs.count
        guard rows > 0, advantages.count == rows, returns.count == rows,
              states.count % rows == 0, actions.count % rows == 0 else {
            fatalError("PPOMinibatch: needs the same positive number of rows in every column, got \(states.count) state values, \(actions.count) action values, \(rows) old log-probs, \(advantages.count) advantages and \(returns.count) returns")
        }
        self.states = states
        self.actions = actions
        self.oldLogProbs = oldLogProbs
        self.advantages = advantages
        self.returns = returns
    }

    /// The number of samples.
    public var count: Int { oldLogProbs.count }

    /// An empty minibatch, to be filled by `fill(from:rows:)`.
    init() {
        (states, actions, oldLogProbs, advantages, returns) = ([], [], [], [], [])
    }

    /// Replaces the rows with `batch`'s rows at `rows`, in that order, keeping the storage.
    mutating func fill(from batch: RolloutBatch, rows: ArraySlice<Int>) {
        let stateWidth = batch.states.shape[1], actionWidth = batch.actions.count / batch.count
        let stateValues = batch.states.scalars
        states.removeAll(keepingCapacity: true)
        actions.removeAll(keepingCapacity: true)
        oldLogProbs.removeAll(keepingCapacity: true)
        advantages.removeAll(keepingCapacity: true)
        returns.removeAll(keepingCapacity: true)
        for row in rows {
            states.append(contentsOf: stateValues[(row * stateWidth)..<((row + 1) * stateWidth)])
            actions.append(contentsOf: batch.actions[(row * actionWidth)..<((row + 1) * actionWidth)])
            oldLogProbs.append(batch.logProbs[row])
            advantages.append(batch.advantages[row])
            returns.append(batch.returns[row])
        }
    }
}
