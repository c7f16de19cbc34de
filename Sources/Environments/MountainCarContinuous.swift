import Foundation

/// Gymnasium's `MountainCarContinuous-v0`: the mountain car with a continuous throttle and
/// an energy cost.
///
/// Same dynamics as Gymnasium's `Continuous_MountainCarEnv`, with `gym.make`'s 999-step time
/// limit built in.
///
/// - State and observation: position in `[-1.2, 0.6]` and velocity in `[-0.07, 0.07]`.
/// - Action: one throttle value; the force uses it clipped to `[-1, 1]`.
/// - Reward: `-0.1 * action²` per step (of the action as given, unclipped), plus 100 on reaching the flag.
/// - Terminated: the position reaches the flag at `0.45` (with a velocity of at least 0).
/// - Initial state: position uniform in `[-0.6, -0.4)`, velocity 0.
///
/// Gymnasium stores this environment's state as float32 after every step (the state drawn
/// by `reset` stays float64), and NumPy 2 then computes part of the next step in float32:
/// the throttle term, the sums and the comparisons with the limits. This type follows
/// the same precision rules, so that a step from a recorded state matches bit for bit.
/// A `state` set directly counts as float32 when both its values are float32 numbers.
public final class MountainCarContinuous: ContinuousEnvironment {
    /// The left wall, where the car stops.
    public static let minPosition = -1.2
    /// The right end of the track.
    public static let maxPosition = 0.6
    /// Largest speed; faster speeds are clipped.
    public static let maxSpeed = 0.07
    /// The flag's position.
    public static let goalPosition = 0.45
    /// The least velocity at the flag that ends the episode.
    public static let goalVelocity = 0.0
    /// Acceleration per unit of throttle.
    public static let power = 0.0015
    /// The throttle's bounds.
    public static let maxAction: Float = 1.0

    /// `"MountainCarContinuous-v0"`.
    public let id = "MountainCarContinuous-v0"
    /// One throttle value in `[-1, 1]`.
    public let actionSpace = Box(low: -maxAction, high: maxAction, shape: [1])
    /// Position and velocity within their limits.
    public let observationSpace = Box(
        low: [Float(minPosition), Float(-maxSpeed)], high: [Float(maxPosition), Float(maxSpeed)], shape: [2])

    // Accessed only by this class's methods, never overlapping: the step path skips the runtime exclusivity check.
    @exclusivity(unchecked) private var position = 0.0, velocity = 0.0
    /// Whether Gymnasium would hold the state as float32 (after a step) rather than float64 (after a reset).
    @exclusivity(unchecked) private var stateIsSingle = false
    @exclusivity(unchecked) private var clock: EpisodeClock
    /// The array `reset(seed:)` and `step(_:)` return the observation in.
    @exclusivity(unchecked) private var returnedObservation = ReusedObservation(count: 2)

    /// Creates the environment; call `reset(seed:)` before the first step.
    /// - Parameter maxEpisodeSteps: the time limit (`MountainCarContinuous-v0`'s 999 by default).
    public init(maxEpisodeSteps: Int = 999) {
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
            stateIsSingle = newValue.allSatisfy { Double(Float($0)) == $0 }
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

    /// Applies the throttle `action[0]` (clipped to `[-1, 1]` for the force) for one step, returning observation, reward, terminated, truncated.
    public func step(_ action: [Float]) -> StepResult {
        let (outcome, observation) = returnedObservation.fill { step(action, writingObservationTo: $0) }
        return StepResult(observation: observation, outcome: outcome)
    }

    /// Applies the throttle `action[0]` (clipped to `[-1, 1]` for the force) for one step, writing the observation into `buffer`.
    public func step(_ action: [Float], writingObservationTo buffer: UnsafeMutablePointer<Float>) -> StepOutcome {
        let outcome = advance(action)
        (buffer[0], buffer[1]) = observation
        return outcome
    }

    /// Starts an episode at a position uniform in `[-0.6, -0.4)`, at rest.
    private func start(seed: Int?) {
        var generator = clock.startEpisode(seed: seed)
        position = generator.nextDouble(from: -0.6, to: -0.4)
        velocity = 0
        stateIsSingle = false
        clock.keep(generator)
    }

    /// Checks the action, advances the physics and the step count.
    private func advance(_ action: [Float]) -> StepOutcome {
        checkAction(action, in: actionSpace, of: id)
        clock.checkCanStep(id)
        let throttle = action[0]
        let slope = 0.0025 * cos(stateIsSingle ? Double(3 * Float(position)) : 3 * position)
        // Inside the bounds the throttle stays float32, and so does the whole change;
        // a clipped throttle is the float64 bound.
        let change = -Self.maxAction <= throttle && throttle <= Self.maxAction
            ? Double(throttle * Float(Self.power) - Float(slope))
            : Double(throttle > 0 ? Self.maxAction : -Self.maxAction) * Self.power - slope

        var speed = Number(stateIsSingle ? Double(Float(velocity) + Float(change)) : velocity + change, single: stateIsSingle)
        if speed > Self.maxSpeed { speed = Number(Self.maxSpeed) }
        if speed < -Self.maxSpeed { speed = Number(-Self.maxSpeed) }
        var place = Number(stateIsSingle ? Double(Float(position) + Float(speed.value)) : position + speed.value, single: stateIsSingle)
        if place > Self.maxPosition { place = Number(Self.maxPosition) }
        if place < Self.minPosition { place = Number(Self.minPosition) }
        if place == Self.minPosition && speed < 0 { speed = Number(0) }

        let terminated = place >= Self.goalPosition && speed >= Self.goalVelocity
        let reward = (terminated ? 100.0 : 0.0) - pythonSquare(Double(throttle)) * 0.1
        position = Double(Float(place.value))
        velocity = Double(Float(speed.value))
        stateIsSingle = true
        let truncated = clock.finishStep(terminated: terminated)
        return StepOutcome(reward: reward, terminated: terminated, truncated: truncated)
    }

    /// The observation of the current state, `[position, velocity]` in float32.
    private var observation: (Float, Float) {
        (Float(position), Float(velocity))
    }
}

/// A NumPy scalar as the step sees it: a float32 compares with a Python float after
/// rounding that float to float32 (NumPy 2's rule), a float64 compares exactly.
private struct Number {
    let value: Double
    let single: Bool

    init(_ value: Double, single: Bool = false) {
        self.value = value
        self.single = single
    }

    private func operands(_ bound: Double) -> (Double, Double) {
        single ? (value, Double(Float(bound))) : (value, bound)
    }

    static func > (lhs: Number, rhs: Double) -> Bool { let (a, b) = lhs.operands(rhs); return a > b }
    static func < (lhs: Number, rhs: Double) -> Bool { let (a, b) = lhs.operands(rhs); return a < b }
    static func >= (lhs: Number, rhs: Double) -> Bool { let (a, b) = lhs.operands(rhs); return a >= b }
    static func == (lhs: Number, rhs: Double) -> Bool { let (a, b) = lhs.operands(rhs); return a == b }
}
