/// The lesson's `RolloutBuffer`: one environment's fixed-length stretch of experience, and GAE over it.
///
/// Each step stores the state, the action (its index for a categorical policy, the unclipped
/// vector for a Gaussian one), the action's log-probability under the policy that chose it, the
/// reward, the critic's value and how the step ended. A step that ended the episode by the time
/// limit (`truncated`) keeps the value of its final observation, so GAE can bootstrap from it;
/// a terminated step bootstraps from nothing.
public struct RolloutBuffer: Sendable {
    /// Values per stored state.
    public let observationSize: Int
    /// Values per stored action.
    public let actionSize: Int
    /// The states, `observationSize` values per step, in order.
    public private(set) var states: [Float] = []
    /// The actions, `actionSize` values per step.
    public private(set) var actions: [Float] = []
    /// The log-probability of each action when it was chosen.
    public private(set) var logProbs: [Float] = []
    /// The reward of each step.
    public private(set) var rewards: [Float] = []
    /// The critic's value of each state.
    public private(set) var values: [Float] = []
    /// Whether each step ended its episode (terminated or truncated): GAE does not look past it.
    public private(set) var episodeEnds: [Bool] = []
    /// The value to bootstrap from after each step that ended an episode: 0 after a termination,
    /// V(final observation) after a truncation.
    public private(set) var endValues: [Float] = []

    /// An empty buffer for states and actions of the given sizes.
    public init(observationSize: Int, actionSize: Int) {
        self.observationSize = observationSize
        self.actionSize = actionSize
    }

    /// The number of stored steps.
    public var count: Int { rewards.count }

    /// Stores one step as the lesson does: `done` marks the end of an episode and bootstraps
    /// nothing after it (the lesson passes `done or trunc`, which treats a time-limit cut-off like a fall).
    public mutating func store(state: [Float], action: [Float], logProb: Float, reward: Float, value: Float, done: Bool) {
        store(state: state, action: action, logProb: logProb, reward: reward, value: value,
              terminated: done, truncated: false, finalValue: 0)
    }

    /// Stores one step, telling a termination from a truncation; `finalValue` is V of the
    /// observation the truncated step reached (ignored otherwise).
    public mutating func store(state: [Float], action: [Float], logProb: Float, reward: Float, value: Float,
                               terminated: Bool, truncated: Bool, finalValue: Float) {
        guard state.count == observationSize, action.count == actionSize else {
            fatalError("RolloutBuffer.store: needs a state of \(observationSize) values and an action of \(actionSize), got \(state.count) and \(action.count)")
        }
        states.append(contentsOf: state)
        actions.append(contentsOf: action)
        appendScalars(logProb: logProb, reward: reward, value: value, terminated: terminated, truncated: truncated, finalValue: finalValue)
    }

    /// The allocation-free form of `store` used by the training loop.
    mutating func store(state: UnsafePointer<Float>, action: UnsafePointer<Float>, logProb: Float, reward: Float, value: Float,
                        terminated: Bool, truncated: Bool, finalValue: Float) {
        states.append(contentsOf: UnsafeBufferPointer(start: state, count: observationSize))
        actions.append(contentsOf: UnsafeBufferPointer(start: action, count: actionSize))
        appendScalars(logProb: logProb, reward: reward, value: value, terminated: terminated, truncated: truncated, finalValue: finalValue)
    }

    private mutating func appendScalars(logProb: Float, reward: Float, value: Float, terminated: Bool, truncated: Bool, finalValue: Float) {
        logProbs.append(logProb)
        rewards.append(reward)
        values.append(value)
        episodeEnds.append(terminated || truncated)
        endValues.append(truncated && !terminated ? finalValue : 0)
    }

    /// Generalised Advantage Estimation, backwards over the buffer:
    /// δₜ = rₜ + γ·V(next) − V(sₜ) and Aₜ = δₜ + γλ·Aₜ₊₁ (restarting at episode ends), where V(next)
    /// is the next stored value, `lastValue` after the final step, or the step's end value if it
    /// ended an episode. Returns `returns = advantages + values` and the advantages.
    public func computeGAE(lastValue: Float, gamma: Float = 0.99, lambda: Float = 0.95) -> (returns: [Float], advantages: [Float]) {
        var advantages = [Float](repeating: 0, count: count)
        var returns = [Float](repeating: 0, count: count)
        var running: Float = 0
        for t in stride(from: count - 1, through: 0, by: -1) {
            let ended = episodeEnds[t]
            let nextValue = ended ? endValues[t] : (t + 1 < count ? values[t + 1] : lastValue)
            let delta = rewards[t] + gamma * nextValue - values[t]
            running = delta + gamma * lambda * (ended ? 0 : running)
            advantages[t] = running
            returns[t] = running + values[t]
        }
        return (returns, advantages)
    }

    /// Empties the buffer, keeping its capacity.
    public mutating func clear() {
        states.removeAll(keepingCapacity: true)
        actions.removeAll(keepingCapacity: true)
        logProbs.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        episodeEnds.removeAll(keepingCapacity: true)
        endValues.removeAll(keepingCapacity: true)
    }
}
