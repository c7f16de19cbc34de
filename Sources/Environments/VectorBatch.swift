/// The copies of a vectorised environment and the buffers their steps are written into,
/// shared by ``DiscreteVectorEnvironment`` and ``ContinuousVectorEnvironment``.
final class VectorBatch<Action> {
    /// Checks a copy count before the copies are made.
    static func check(count: Int) {
        guard count > 0 else { fatalError("a vectorised environment needs at least one copy, got count \(count)") }
    }

    let environments: [any Environment<Action>]
    let observationSize: Int
    // Accessed only by this class's methods, never overlapping: the step path skips the runtime exclusivity check.
    @exclusivity(unchecked) private var observations: [Float]
    @exclusivity(unchecked) private var finalObservations: [Float]
    @exclusivity(unchecked) private var rewards: [Double]
    @exclusivity(unchecked) private var terminated: [Bool]
    @exclusivity(unchecked) private var truncated: [Bool]
    private var wasSeeded = false

    /// `environment` seen through its action type alone; opening the existential lets
    /// `any DiscreteEnvironment` become `any Environment<Int>`, which Swift does not convert directly.
    static func erase<Copy: Environment>(_ environment: Copy) -> any Environment<Action> where Copy.Action == Action {
        environment
    }

    /// Takes the copies, at least one, all with the same observation space.
    init(environments: [any Environment<Action>]) {
        self.environments = environments
        observationSize = environments[0].observationSpace.count
        observations = Array(repeating: 0, count: environments.count * observationSize)
        finalObservations = observations
        rewards = Array(repeating: 0, count: environments.count)
        terminated = Array(repeating: false, count: environments.count)
        truncated = terminated
    }

    /// Resets every copy: copy `i` with `seed + i`, or, without a seed, continuing its own
    /// stream (a batch never seeded starts as with seed 0).
    func reset(seed: Int?) -> [Float] {
        let base = seed ?? (wasSeeded ? nil : 0)
        return reset(seeds: environments.indices.map { index in base.map { $0 + index } })
    }

    /// Resets copy `i` with `seeds[i]` (without one, continuing its own stream).
    func reset(seeds: [Int?]) -> [Float] {
        guard seeds.count == environments.count else {
            fatalError("\(environments[0].id) vector of \(environments.count): reset needs \(environments.count) seeds, got \(seeds.count)")
        }
        wasSeeded = true
        let size = observationSize
        observations.withUnsafeMutableBufferPointer { rows in
            for (index, environment) in environments.enumerated() {
                environment.reset(seed: seeds[index], writingObservationTo: rows.baseAddress! + index * size)
            }
        }
        return observations
    }

    /// Steps copy `i` with `action(i)` for every `i`, resetting the copies whose episode ended.
    func step(action: (Int) -> Action) -> VectorStepResult {
        let size = observationSize
        observations.withUnsafeMutableBufferPointer { rows in
            finalObservations.withUnsafeMutableBufferPointer { finalRows in
                for (index, environment) in environments.enumerated() {
                    let row = rows.baseAddress! + index * size
                    let outcome = environment.step(action(index), writingObservationTo: row)
                    (finalRows.baseAddress! + index * size).update(from: row, count: size)
                    rewards[index] = outcome.reward
                    terminated[index] = outcome.terminated
                    truncated[index] = outcome.truncated
                    if outcome.done {
                        environment.reset(seed: nil, writingObservationTo: row)
                    }
                }
            }
        }
        return VectorStepResult(observations: observations, finalObservations: finalObservations,
                                rewards: rewards, terminated: terminated, truncated: truncated)
    }
}
