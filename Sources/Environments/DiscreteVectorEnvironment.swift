/// `count` copies of a discrete-action environment stepped together, as Gymnasium's
/// `SyncVectorEnv`, with flat observation buffers and same-step auto-reset (see ``VectorStepResult``).
///
/// ```swift
/// let envs = DiscreteVectorEnvironment("CartPole-v1", count: 8)
/// var observations = envs.reset(seed: 0)          // 8 * 4 values
/// let result = envs.step(Array(repeating: 1, count: 8))
/// observations = result.observations
/// ```
public final class DiscreteVectorEnvironment: VectorEnvironment {
    private let batch: VectorBatch<Int>

    /// Steps the given copies together, in row order: at least one, all with the same spaces.
    /// They are the vector environment's own from then on (stepping one alone would break its episode).
    public init(_ copies: [any DiscreteEnvironment]) {
        VectorBatch<Int>.check(count: copies.count)
        actionSpace = copies[0].actionSpace
        batch = VectorBatch(environments: copies.map { VectorBatch.erase($0) })
    }

    /// Creates `count` copies, each made by `makeEnvironment`.
    public convenience init(count: Int, _ makeEnvironment: () -> any DiscreteEnvironment) {
        VectorBatch<Int>.check(count: count)
        self.init((0..<count).map { _ in makeEnvironment() })
    }

    /// Creates `count` copies of the environment with Gymnasium's `id`.
    public convenience init(_ id: String, count: Int) {
        self.init(count: count) { make(id) }
    }

    /// The copies, in row order.
    public var environments: [any Environment<Int>] { batch.environments }
    /// The number of copies.
    public var count: Int { batch.environments.count }
    /// The action space of one copy.
    public let actionSpace: Discrete
    /// The observation space of one copy.
    public var observationSpace: Box { batch.environments[0].observationSpace }

    /// Resets every copy and returns their observations, `count * observationSpace.count` values.
    /// Copy `i` is seeded with `seed + i`; without a seed each continues its own stream,
    /// and a vector environment never seeded starts as with `seed: 0`.
    public func reset(seed: Int? = nil) -> [Float] {
        batch.reset(seed: seed)
    }

    /// Resets copy `i` with `seeds[i]`, one seed per copy (Gymnasium's `reset(seed=[...])`),
    /// and returns their observations, `count * observationSpace.count` values.
    public func reset(seeds: [Int]) -> [Float] {
        batch.reset(seeds: seeds)
    }

    /// Steps copy `i` with `actions[i]`, auto-resetting the copies whose episode ended.
    public func step(_ actions: [Int]) -> VectorStepResult {
        guard actions.count == count else {
            fatalError("\(environments[0].id) vector of \(count): step needs \(count) actions, got \(actions.count)")
        }
        return batch.step { actions[$0] }
    }
}
