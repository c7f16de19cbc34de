import Foundation

/// Gymnasium's `Pendulum-v1`: swing a pendulum up and hold it upright with a limited torque.
///
/// Same dynamics as Gymnasium's `PendulumEnv` (semi-implicit Euler, 0.05 s per step,
/// `g = 10`), with `gym.make`'s 200-step time limit built in. The episode never terminates;
/// it is always truncated.
///
/// - State: angle `theta` (0 is upright) and angular velocity `thetaDot`.
/// - Observation: `[cos(theta), sin(theta), thetaDot]`.
/// - Action: one torque in `[-2, 2]`; values outside are clipped.
/// - Reward: `-(normalizedAngle² + 0.1 thetaDot² + 0.001 torque²)`.
/// - Initial state: `theta` uniform in `[-π, π)`, `thetaDot` uniform in `[-1, 1)`.
///
/// The torque is float32 in Gymnasium, and so are the products it enters
/// (`3 * torque` and `0.001 * torque²`); this type computes them in `Float` too, and
/// squares with `pow` as NumPy's `**` does, so that rewards match bit for bit.
public final class Pendulum: ContinuousEnvironment {
    /// Gravity, m/s².
    public static let gravity = 10.0
    /// Mass of the pendulum, kg.
    public static let mass = 1.0
    /// Length of the pendulum, m.
    public static let length = 1.0
    /// Seconds per step.
    public static let dt = 0.05
    /// Largest angular speed; faster speeds are clipped, rad/s.
    public static let maxSpeed = 8.0
    /// Largest torque; larger actions are clipped, N·m.
    public static let maxTorque: Float = 2.0
    /// Weight of the squared angular speed in a step's cost.
    public static let speedCostWeight = 0.1
    /// Weight of the squared torque in a step's cost (float32, as in Gymnasium).
    public static let torqueCostWeight: Float = 0.001
    /// The most one step can cost: hanging straight down (angle π) at full speed with full torque.
    /// A return is never below `-largestStepCost` times the number of steps.
    public static var largestStepCost: Double {
        Double.pi * Double.pi + speedCostWeight * maxSpeed * maxSpeed + Double(torqueCostWeight * maxTorque * maxTorque)
    }

    /// `"Pendulum-v1"`.
    public let id = "Pendulum-v1"
    /// One torque in `[-2, 2]`.
    public let actionSpace = Box(low: -maxTorque, high: maxTorque, shape: [1])
    /// `[cos(theta), sin(theta), thetaDot]`, bounded by `[1, 1, 8]`.
    public let observationSpace = Box(low: [-1, -1, -Float(maxSpeed)], high: [1, 1, Float(maxSpeed)], shape: [3])

    // Accessed only by this class's methods, never overlapping: the step path skips the runtime exclusivity check.
    @exclusivity(unchecked) private var theta = 0.0, thetaDot = 0.0
    @exclusivity(unchecked) private var clock: EpisodeClock
    /// The array `reset(seed:)` and `step(_:)` return the observation in.
    @exclusivity(unchecked) private var returnedObservation = ReusedObservation(count: 3)

    /// Creates the environment; call `reset(seed:)` before the first step.
    /// - Parameter maxEpisodeSteps: the time limit (`Pendulum-v1`'s 200 by default).
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

    /// `[theta, thetaDot]`, as Gymnasium's `state`.
    public var state: [Double] {
        get { [theta, thetaDot] }
        set {
            guard newValue.count == 2 else { fatalError("\(id): state needs 2 values [theta, thetaDot], got \(newValue)") }
            (theta, thetaDot) = (newValue[0], newValue[1])
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
        (buffer[0], buffer[1], buffer[2]) = observation
    }

    /// Applies the torque `action[0]`, clipped to `[-2, 2]`, for one step, returning observation, reward, terminated, truncated.
    public func step(_ action: [Float]) -> StepResult {
        let (outcome, observation) = returnedObservation.fill { step(action, writingObservationTo: $0) }
        return StepResult(observation: observation, outcome: outcome)
    }

    /// Applies the torque `action[0]`, clipped to `[-2, 2]`, for one step, writing the observation into `buffer`.
    public func step(_ action: [Float], writingObservationTo buffer: UnsafeMutablePointer<Float>) -> StepOutcome {
        let outcome = advance(action)
        (buffer[0], buffer[1], buffer[2]) = observation
        return outcome
    }

    /// Starts an episode with `theta` uniform in `[-π, π)` and `thetaDot` in `[-1, 1)`.
    private func start(seed: Int?) {
        var generator = clock.startEpisode(seed: seed)
        theta = generator.nextDouble(from: -Double.pi, to: Double.pi)
        thetaDot = generator.nextDouble(from: -1, to: 1)
        clock.keep(generator)
    }

    /// Checks the action, advances the physics and the step count.
    private func advance(_ action: [Float]) -> StepOutcome {
        checkAction(action, in: actionSpace, of: id)
        clock.checkCanStep(id)
        let torque = min(max(action[0], -Self.maxTorque), Self.maxTorque)
        let angle = Self.normalizedAngle(theta)
        let cost = pythonSquare(angle) + Self.speedCostWeight * pythonSquare(thetaDot)
            + Double(Self.torqueCostWeight * pythonSquare(torque))

        let gravityTerm = 3 * Self.gravity / (2 * Self.length) * sin(theta)
        let torqueTerm = Float(3.0 / (Self.mass * (Self.length * Self.length))) * torque
        let newThetaDot = min(max(thetaDot + (gravityTerm + Double(torqueTerm)) * Self.dt, -Self.maxSpeed), Self.maxSpeed)
        theta = theta + newThetaDot * Self.dt
        thetaDot = newThetaDot

        let truncated = clock.finishStep(terminated: false)
        return StepOutcome(reward: -cost, terminated: false, truncated: truncated)
    }

    /// `theta` brought into `[-π, π)`, with NumPy's floored remainder.
    private static func normalizedAngle(_ theta: Double) -> Double {
        let period = 2 * Double.pi
        var remainder = (theta + Double.pi).truncatingRemainder(dividingBy: period)
        if remainder < 0 { remainder += period }
        if remainder == 0 { remainder = 0 }  // NumPy gives +0, never -0
        return remainder - Double.pi
    }

    /// The observation of the current state, `[cos(theta), sin(theta), thetaDot]` in float32.
    private var observation: (Float, Float, Float) {
        let (cosTheta, sinTheta) = cosAndSin(theta)
        return (Float(cosTheta), Float(sinTheta), Float(thetaDot))
    }
}
