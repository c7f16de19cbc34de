import Environments
import SeededRandom

/// One environment as the training loop steps it: the current observation, an episode's running
/// return, and stepping from a raw action buffer (an index for discrete actions; an unclipped
/// vector for continuous ones, clipped to the action box before the environment sees it).
final class EnvironmentRunner {
    let observationSize: Int
    /// The current observation.
    private(set) var observation: [Float]
    /// The observation the last step reached.
    private(set) var nextObservation: [Float]
    private(set) var episodeReturn = 0.0
    private(set) var episodeLength = 0
    private let resetInto: (UnsafeMutablePointer<Float>) -> Void
    private let stepFrom: (UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> StepOutcome

    /// Wraps a discrete environment; the first reset uses `seed`, later ones continue its stream.
    convenience init(_ env: any DiscreteEnvironment, seed: Int) {
        self.init(observationSize: env.observationSpace.count, seed: seed,
                  reset: { seed, buffer in env.reset(seed: seed, writingObservationTo: buffer) },
                  step: { action, buffer in env.step(Int(action[0]), writingObservationTo: buffer) })
    }

    /// Wraps a continuous environment; actions are clipped to its box before each step.
    convenience init(_ env: any ContinuousEnvironment, seed: Int) {
        let box = env.actionSpace
        var clipped = [Float](repeating: 0, count: box.count)
        self.init(observationSize: env.observationSpace.count, seed: seed,
                  reset: { seed, buffer in env.reset(seed: seed, writingObservationTo: buffer) },
                  step: { action, buffer in
                      for index in 0..<box.count { clipped[index] = min(max(action[index], box.low[index]), box.high[index]) }
                      return env.step(clipped, writingObservationTo: buffer)
                  })
    }

    private init(observationSize: Int, seed: Int,
                 reset: @escaping (Int?, UnsafeMutablePointer<Float>) -> Void,
                 step: @escaping (UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> StepOutcome) {
        self.observationSize = observationSize
        observation = [Float](repeating: 0, count: observationSize)
        nextObservation = observation
        resetInto = { buffer in reset(nil, buffer) }
        stepFrom = step
        observation.withUnsafeMutableBufferPointer { reset(seed, $0.baseAddress!) }
    }

    /// The seed of environment `index`'s first reset in a training run with seed `runSeed`.
    static func firstResetSeed(runSeed: Int, index: Int) -> Int {
        var generator = SeededGenerator(seed: runSeed).derived(stream: 100 + UInt64(index))
        return Int(truncatingIfNeeded: generator.next() >> 1)
    }

    /// Steps with `action`, leaving the reached observation in `nextObservation`.
    func step(_ action: UnsafePointer<Float>) -> StepOutcome {
        let outcome = nextObservation.withUnsafeMutableBufferPointer { stepFrom(action, $0.baseAddress!) }
        episodeReturn += outcome.reward
        episodeLength += 1
        return outcome
    }

    /// Moves on after a step: to the reached observation, or to a fresh episode if it ended.
    func advance(episodeEnded: Bool) {
        if episodeEnded {
            episodeReturn = 0
            episodeLength = 0
            observation.withUnsafeMutableBufferPointer { resetInto($0.baseAddress!) }
        } else {
            swap(&observation, &nextObservation)
        }
    }
}
