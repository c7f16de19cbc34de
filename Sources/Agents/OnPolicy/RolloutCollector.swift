import Environments
import SeededRandom

/// Steps copies of an environment, as one vector environment with same-step auto-reset, with
/// an acting policy; fills one rollout buffer per copy and records finished episodes (their
/// return and length, as Gymnasium's `RecordEpisodeStatistics`). Shared by PPO and TRPO.
///
/// Actions are the policy's raw draws: an index for discrete actions; for continuous ones the
/// unclipped vector, which the buffers keep, clipped to the action box before the copies see it.
struct RolloutCollector {
    /// Whether truncated episodes are bootstrapped from V(final observation) (see `PPOConfig`).
    let bootstrapsTruncatedEpisodes: Bool
    /// Every episode finished so far, and the steps taken.
    private(set) var log = EpisodeLog()
    private let count: Int
    private let observationSize: Int
    private let actionSize: Int
    /// Steps every copy with its row of the policy's actions.
    private let stepCopies: ([Float]) -> VectorStepResult
    /// The observations to act on, one row per copy.
    private var observations: [Float]
    /// This step's actions, values and log-probabilities, one row or value per copy.
    private var actions: [Float]
    private var values: [Float]
    private var logProbs: [Float]
    /// The running return and length of each copy's current episode.
    private var episodeReturns: [Double]
    private var episodeLengths: [Int]

    /// Collects from discrete copies; copy `i` starts with the reset seeded by `firstResetSeed(runSeed:index:)`.
    init(_ copies: DiscreteVectorEnvironment, runSeed: Int, bootstrapsTruncatedEpisodes: Bool) {
        var indices = [Int](repeating: 0, count: copies.count)
        self.init(copies, actionSize: 1, runSeed: runSeed, bootstrapsTruncatedEpisodes: bootstrapsTruncatedEpisodes) { actions in
            for copy in indices.indices { indices[copy] = Int(actions[copy]) }
            return copies.step(indices)
        }
    }

    /// Collects from continuous copies; copy `i` starts with the reset seeded by `firstResetSeed(runSeed:index:)`.
    init(_ copies: ContinuousVectorEnvironment, runSeed: Int, bootstrapsTruncatedEpisodes: Bool) {
        let box = copies.actionSpace
        var clipped = [Float](repeating: 0, count: copies.count * box.count)
        self.init(copies, actionSize: box.count, runSeed: runSeed, bootstrapsTruncatedEpisodes: bootstrapsTruncatedEpisodes) { actions in
            for index in clipped.indices {
                let dimension = index % box.count
                clipped[index] = min(max(actions[index], box.low[dimension]), box.high[dimension])
            }
            return copies.step(clipped)
        }
    }

    private init(_ copies: some VectorEnvironment, actionSize: Int, runSeed: Int, bootstrapsTruncatedEpisodes: Bool,
                 step: @escaping ([Float]) -> VectorStepResult) {
        count = copies.count
        observationSize = copies.observationSpace.count
        self.actionSize = actionSize
        self.bootstrapsTruncatedEpisodes = bootstrapsTruncatedEpisodes
        stepCopies = step
        observations = copies.reset(seeds: (0..<count).map { Self.firstResetSeed(runSeed: runSeed, index: $0) })
        actions = [Float](repeating: 0, count: count * actionSize)
        values = [Float](repeating: 0, count: count)
        logProbs = values
        episodeReturns = [Double](repeating: 0, count: count)
        episodeLengths = [Int](repeating: 0, count: count)
    }

    /// The seed of copy `index`'s first reset in a training run with seed `runSeed`.
    static func firstResetSeed(runSeed: Int, index: Int) -> Int {
        var generator = SeededGenerator(seed: runSeed).derived(stream: 100 + UInt64(index))
        return Int(truncatingIfNeeded: generator.next() >> 1)
    }

    /// Takes `length` steps in every copy, acting with `policy` and drawing from `generator`;
    /// returns the value of each copy's current observation, to bootstrap the cut-off tails.
    mutating func collect(length: Int, policy: ActingPolicy, into buffers: inout [RolloutBuffer],
                          using generator: inout SeededGenerator) -> [Float] {
        for _ in 0..<length {
            chooseActions(policy: policy, using: &generator)
            let result = stepCopies(actions)
            for copy in 0..<count {
                record(result, of: copy, policy: policy, into: &buffers[copy])
            }
            observations.withUnsafeMutableBufferPointer { rows in
                result.observations.withUnsafeBufferPointer { _ = rows.update(fromContentsOf: $0) }
            }
        }
        return observations.withUnsafeBufferPointer { rows in
            (0..<count).map { policy.evaluate(rows.baseAddress! + $0 * observationSize) }
        }
    }

    /// Evaluates each copy's observation and draws its action, in copy order.
    private mutating func chooseActions(policy: ActingPolicy, using generator: inout SeededGenerator) {
        let (observationSize, actionSize) = (observationSize, actionSize)
        observations.withUnsafeBufferPointer { rows in
            actions.withUnsafeMutableBufferPointer { actionRows in
                for copy in 0..<count {
                    values[copy] = policy.evaluate(rows.baseAddress! + copy * observationSize)
                    logProbs[copy] = policy.sample(into: actionRows.baseAddress! + copy * actionSize, using: &generator)
                }
            }
        }
    }

    /// Stores copy `copy`'s step in its buffer and, when its episode ended, records the episode.
    private mutating func record(_ result: VectorStepResult, of copy: Int, policy: ActingPolicy, into buffer: inout RolloutBuffer) {
        let (observationSize, actionSize) = (observationSize, actionSize)
        let (terminated, truncated, reward) = (result.terminated[copy], result.truncated[copy], result.rewards[copy])
        let ended = terminated || truncated
        let bootstraps = truncated && !terminated && bootstrapsTruncatedEpisodes
        let finalValue = bootstraps
            ? result.finalObservations.withUnsafeBufferPointer { policy.evaluate($0.baseAddress! + copy * observationSize) } : 0
        observations.withUnsafeBufferPointer { rows in
            actions.withUnsafeBufferPointer { actionRows in
                buffer.store(state: rows.baseAddress! + copy * observationSize, action: actionRows.baseAddress! + copy * actionSize,
                             logProb: logProbs[copy], reward: Float(reward), value: values[copy],
                             terminated: ended && !bootstraps, truncated: bootstraps, finalValue: finalValue)
            }
        }
        log.totalSteps += 1
        episodeReturns[copy] += reward
        episodeLengths[copy] += 1
        if ended {
            log.recordEpisode(return: episodeReturns[copy], length: episodeLengths[copy])
            episodeReturns[copy] = 0
            episodeLengths[copy] = 0
        }
    }
}
