/// Copies of one environment stepped together, as Gymnasium's `SyncVectorEnv`: flat
/// observation buffers, one row per copy, and same-step auto-reset (see ``VectorStepResult``).
///
/// ``DiscreteVectorEnvironment`` takes one `Int` per copy; ``ContinuousVectorEnvironment``
/// takes `actionSpace.count` `Float` values per copy, in one flat array.
public protocol VectorEnvironment: AnyObject {
    /// One element of the flat actions array: `Int` or `Float`.
    associatedtype ActionElement

    /// The number of copies.
    var count: Int { get }

    /// The observation space of one copy; a row of observations has `observationSpace.count` values.
    var observationSpace: Box { get }

    /// Resets every copy and returns their observations, `count * observationSpace.count` values;
    /// copy `i` is seeded with `seed + i`.
    func reset(seed: Int?) -> [Float]

    /// Resets copy `i` with `seeds[i]`, one seed per copy, and returns their observations.
    func reset(seeds: [Int]) -> [Float]

    /// Steps every copy with its actions, auto-resetting the copies whose episode ended.
    func step(_ actions: [ActionElement]) -> VectorStepResult
}
