/// `count` copies of a continuous-action environment stepped together, as Gymnasium's
/// `SyncVectorEnv`, with flat observation buffers and same-step auto-reset (see ``VectorStepResult``).
///
/// ```swift
/// let envs = ContinuousVectorEnvironment("Pendulum-v1", count: 8)
/// var observations = envs.reset(seed: 0)          // 8 * 3 values
/// let result = envs.step(Array(repeating: 0.5, count: 8))   // one torque per copy
/// observations = result.observations
/// ```
public final class ContinuousVectorEnvironment: VectorEnvironment {
    private let batch: VectorBatch<[Float]>
    /// One copy's action, refilled for each copy (accessed only by `step`, never overlapping).
    @exclusivity(unchecked) private var actionScratch: [Float]

    /// Steps the given copies together, in row order: at least one, all with the same spaces.
    /// They are the vector environment's own from then on (stepping one alone would break its episode).
    public init(_ copies: [any ContinuousEnvironment]) {
        VectorBatch<[Float]>.check(count: copies.count)
        actionSpace = copies[0].actionSpace
        actionScratch = Array(repeating: 0, count: actionSpace.count)
        batch = VectorBatch(environments: copies.map { VectorBatch.erase($0) })
    }

    /// Creates `count` copies, each made by `makeEnvironment`.
    public convenience init(count: Int, _ makeEnvironment: () -> any ContinuousEnvironment) {
        VectorBatch<[Float]>.check(count: count)
        self.init((0..<count).map { _ in makeEnvironment() })
    }

    /// Creates `count` copies of the environment with Gymnasium's `id`.
    public convenience init(_ id: String, count: Int) {
        self.init(count: count) { make(id) }
    }

    /// The copies, in row order.
    public var environments: [any Environment<[Float]>] { batch.environments }
    /// The number of copies.
    public var count: Int { batch.environments.count }
    /// The action space of one copy.
    public let actionSpace: Box
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

    /// Steps every copy, auto-resetting the copies whose episode ended. `actions` is flat:
    /// copy `i` takes `actions[i * actionSpace.count ..< (i + 1) * actionSpace.count]`.
    public func step(_ actions: [Float]) -> VectorStepResult {
        let size = actionSpace.count
        guard actions.count == count * size else {
            fatalError("\(environments[0].id) vector of \(count): step needs \(count) x \(size) action values, got \(actions.count)")
        }
        return batch.step { index in
            // One reused array: after each copy's step it is uniquely held again, so no allocation.
            for offset in 0..<size { actionScratch[offset] = actions[index * size + offset] }
            return actionScratch
        }
    }
}
