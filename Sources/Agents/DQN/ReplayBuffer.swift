import SeededRandom

/// A fixed-capacity store of transitions `(s, a, r, s', terminated)` for DQN; when full,
/// each new transition overwrites the oldest. Minibatches are drawn uniformly with replacement.
public struct ReplayBuffer {
    /// A minibatch: states and next states as rows of `stateSize` values.
    public struct Batch {
        /// The states, `count * stateSize` values.
        public var states: [Float]
        /// The actions taken.
        public var actions: [Int]
        /// The rewards received.
        public var rewards: [Float]
        /// The states reached, `count * stateSize` values.
        public var nextStates: [Float]
        /// 1 where the episode terminated at the next state (no bootstrap), else 0.
        public var terminals: [Float]
    }

    /// The most transitions kept.
    public let capacity: Int

    /// The values per state.
    public let stateSize: Int

    /// The number of transitions stored (at most `capacity`).
    public private(set) var count = 0

    private var nextSlot = 0
    private var states: [Float]
    private var nextStates: [Float]
    private var actions: [Int]
    private var rewards: [Float]
    private var terminals: [Float]

    /// An empty buffer.
    public init(capacity: Int, stateSize: Int) {
        guard capacity > 0, stateSize > 0 else {
            fatalError("ReplayBuffer: capacity and stateSize must be positive, got \(capacity) and \(stateSize)")
        }
        self.capacity = capacity
        self.stateSize = stateSize
        states = []
        nextStates = []
        actions = []
        rewards = []
        terminals = []
    }

    /// Stores one transition; `terminated` is true only at a real end of the task (a time-limit
    /// cut-off is not terminal: its next state still has a value).
    public mutating func add(state: [Float], action: Int, reward: Double, nextState: [Float], terminated: Bool) {
        guard state.count == stateSize, nextState.count == stateSize else {
            fatalError("ReplayBuffer.add: states must have \(stateSize) values, got \(state.count) and \(nextState.count)")
        }
        if count < capacity {
            states.append(contentsOf: state)
            nextStates.append(contentsOf: nextState)
            actions.append(action)
            rewards.append(Float(reward))
            terminals.append(terminated ? 1 : 0)
            count += 1
        } else {
            let offset = nextSlot * stateSize
            states.replaceSubrange(offset..<offset + stateSize, with: state)
            nextStates.replaceSubrange(offset..<offset + stateSize, with: nextState)
            actions[nextSlot] = action
            rewards[nextSlot] = Float(reward)
            terminals[nextSlot] = terminated ? 1 : 0
        }
        nextSlot = (nextSlot + 1) % capacity
    }

    /// `size` transitions drawn uniformly (with replacement) using `generator`.
    public func sample(_ size: Int, using generator: inout SeededGenerator) -> Batch {
        guard count > 0 else { fatalError("ReplayBuffer.sample: the buffer is empty") }
        var batch = Batch(states: [], actions: [], rewards: [], nextStates: [], terminals: [])
        batch.states.reserveCapacity(size * stateSize)
        batch.nextStates.reserveCapacity(size * stateSize)
        for _ in 0..<size {
            let index = generator.nextInt(below: count)
            let offset = index * stateSize
            batch.states.append(contentsOf: states[offset..<offset + stateSize])
            batch.nextStates.append(contentsOf: nextStates[offset..<offset + stateSize])
            batch.actions.append(actions[index])
            batch.rewards.append(rewards[index])
            batch.terminals.append(terminals[index])
        }
        return batch
    }
}
