import Foundation

/// Gymnasium's `MountainCar-v0`: drive an underpowered car out of a valley by rocking it.
///
/// Same dynamics as Gymnasium's `MountainCarEnv`, with `gym.make`'s 200-step time limit built in.
///
/// - State and observation: position in `[-1.2, 0.6]` and velocity in `[-0.07, 0.07]`.
/// - Actions: `0` accelerates left, `1` does not accelerate, `2` accelerates right.
/// - Reward: `-1` per step.
/// - Terminated: the position reaches the flag at `0.5` (with a velocity of at least 0).
/// - Initial state: position uniform in `[-0.6, -0.4)`, velocity 0.
public final class MountainCar: DiscreteEnvironment {
    /// The left wall, where the car stops.
    public static let minPosition = -1.2
    /// The right end of the track.
    public static let maxPosition = 0.6
    /// Largest speed; faster speeds are clipped.
    public static let maxSpeed = 0.07
    /// The flag's position.
    public static let goalPosition = 0.5
    /// The least velocity at the flag that ends the episode.
    public static let goalVelocity = 0.0
    /// Acceleration of one push.
    public static let force = 0.001
    /// Strength of the slope's pull, `gravity * cos(3 * position)`.
    public static let gravity = 0.0025

    /// `"MountainCar-v0"`.
    public let id = "MountainCar-v0"
    /// Three actions: accelerate left, do nothing, accelerate right.
    public let actionSpace = Discrete(3)
    /// Position and velocity within their limits.
    public let observationSpace = Box(
        low: [Float(minPosition), Float(-maxSpeed)], high: [Float(maxPosition), Float(maxSpeed)], shape: [2])

    // Accessed only by this class's methods, never overlapping: the step path skips the runtime exclusivity check.
    @exclusivity(unchecked) private var position = 0.0, velocity = 0.0
    @exclusivity(unchecked) private var clock: EpisodeClock
    /// The array `reset(seed:)` and `step(_:)` return the observation in.
    @exclusivity(unchecked) private var returnedObservation = ReusedObservation(count: 2)

    /// Creates the environment; call `reset(seed:)` before the first step.
    /// - Parameter maxEpisodeSteps: the time limit (`MountainCar-v0`'s 200 by default).
    public init(maxEpisodeSteps: Int = 200) {
        clock = EpisodeClock(limit: maxEpisodeSteps, of: id)
    }

    /// The time limit after which `step` reports `truncated`.
    public var maxEpisodeSteps: Int { clock.limit }

    /// Steps since the last reset.
    public var elapsedSteps: Int {
        get { clock.elapsed }
        set { clock.setElapsed(newValue, of: id) }
    }

    /// `[position, velocity]`, as Gymnasium's `state`.
    public var state: [Double] {
        get { [position, velocity] }
        set {
            guard newValue.count == 2 else { fatalError("\(id): state needs 2 values [position, velocity], got \(newValue)") }
            (position, velocity) = (newValue[0], newValue[1])
            clock.resume()
        }
    }

    /// Starts an episode and returns its first observation and an (empty) info dictionary.
    public func reset(seed: Int?) -> (observation: [Float], info: EnvironmentInfo) {
        (returnedObservation.fill { reset(seed: seed, writingObservationTo: $0) }.1, [:])
    }

    /// Starts an episode and writes its first observation into `buffer`.
    public func reset(seed: Int?, writingObservationTo buffer: UnsafeMutablePointer<Float>) {
        start(seed: seed)
        (buffer[0], buffer[1]) = observation
    }

    /// Accelerates left (`0`), not at all (`1`) or right (`2`) for one step, returning observation, reward, terminated, truncated.
    public func step(_ action: Int) -> StepResult {
        let (outcome, observation) = returnedObservation.fill { step(action, writingObservationTo: $0) }
        return StepResult(observation: observation, outcome: outcome)
    }

    /// Accelerates left (`0`), not at all (`1`) or right (`2`) for one step, writing the observation into `buffer`.
    public func step(_ action: Int, writingObservationTo buffer: UnsafeMutablePointer<Float>) -> StepOutcome {
        let outcome = advance(action)
        (buffer[0], buffer[1]) = observation
        return outcome
    }

    /// Starts an episode at a position uniform in `[-0.6, -0.4)`, at rest.
    private func start(seed: Int?) {
        var generator = clock.startEpisode(seed: seed)
        position = generator.nextDouble(from: -0.6, to: -0.4)
        velocity = 0
        clock.keep(generator)
    }

    /// Checks the action, advances the physics and the step count.
    private func advance(_ action: Int) -> StepOutcome {
        checkAction(action, in: actionSpace, of: id)
        clock.checkCanStep(id)
        velocity += Double(action - 1) * Self.force + cos(3 * position) * -Self.gravity
        velocity = min(max(velocity, -Self.maxSpeed), Self.maxSpeed)
        position += velocity
        position = min(max(position, Self.minPosition), Self.maxPosition)
        if position == Self.minPosition && velocity < 0 { velocity = 0 }

        let terminated = position >= Self.goalPosition && velocity >= Self.goalVelocity
        let truncated = clock.finishStep(terminated: terminated)
        return StepOutcome(reward: -1.0, terminated: terminated, truncated: truncated)
    }

    /// The observation of the current state, `[position, velocity]` in float32.
    private var observation: (Float, Float) {
        (Float(position), Float(velocity))
    }
}
