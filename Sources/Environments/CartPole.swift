import Foundation

/// Gymnasium's `CartPole-v1`: balance a pole hinged on a cart by pushing the cart left or right.
///
/// Same dynamics as Gymnasium's `CartPoleEnv` (Barto, Sutton and Anderson's cart-pole with
/// explicit Euler integration, 0.02 s per step), with `gym.make`'s 500-step time limit built in.
///
/// - State and observation: cart position, cart velocity, pole angle, pole angular velocity.
/// - Actions: `0` pushes the cart left, `1` pushes it right (10 N).
/// - Reward: `+1` for every step, the terminating one included.
/// - Terminated: the cart leaves `±2.4` or the pole tilts beyond `±12°`.
/// - Initial state: each variable uniform in `[-0.05, 0.05)`.
///
/// ```swift
/// let env = CartPole()
/// var (observation, _) = env.reset(seed: 0)
/// let result = env.step(1)
/// ```
public final class CartPole: DiscreteEnvironment {
    /// Gravity, m/s².
    public static let gravity = 9.8
    /// Mass of the cart, kg.
    public static let cartMass = 1.0
    /// Mass of the pole, kg.
    public static let poleMass = 0.1
    /// Half the pole's length, m (Gymnasium's `length`).
    public static let halfPoleLength = 0.5
    /// Magnitude of the push, N.
    public static let forceMagnitude = 10.0
    /// Seconds per step.
    public static let tau = 0.02
    /// The episode terminates when the pole angle leaves `±thetaThreshold` (12°, in radians).
    public static let thetaThreshold = 12 * 2 * Double.pi / 360
    /// The episode terminates when the cart position leaves `±xThreshold`, m.
    public static let xThreshold = 2.4

    private static let totalMass = poleMass + cartMass
    private static let poleMassLength = poleMass * halfPoleLength

    /// `"CartPole-v1"`.
    public let id = "CartPole-v1"
    /// Two actions: push left (`0`) or right (`1`).
    public let actionSpace = Discrete(2)
    /// Four values, bounded by twice the termination thresholds for position and angle.
    public let observationSpace = Box(
        low: [Float(-xThreshold * 2), -.infinity, Float(-thetaThreshold * 2), -.infinity],
        high: [Float(xThreshold * 2), .infinity, Float(thetaThreshold * 2), .infinity],
        shape: [4])

    // Accessed only by this class's methods, never overlapping: the step path skips the runtime exclusivity check.
    @exclusivity(unchecked) private var x = 0.0, xDot = 0.0, theta = 0.0, thetaDot = 0.0
    @exclusivity(unchecked) private var clock: EpisodeClock
    /// The array `reset(seed:)` and `step(_:)` return the observation in.
    @exclusivity(unchecked) private var returnedObservation = ReusedObservation(count: 4)

    /// Creates the environment; call `reset(seed:)` before the first step.
    /// - Parameter maxEpisodeSteps: the time limit (`CartPole-v1`'s 500 by default).
    public init(maxEpisodeSteps: Int = 500) {
        clock = EpisodeClock(limit: maxEpisodeSteps, of: id)
    }

    /// The time limit after which `step` reports `truncated`.
    public var maxEpisodeSteps: Int { clock.limit }

    /// Steps since the last reset.
    public var elapsedSteps: Int {
        get { clock.elapsed }
        set { clock.setElapsed(newValue, of: id) }
    }

    /// `[x, xDot, theta, thetaDot]`, as Gymnasium's `state`.
    public var state: [Double] {
        get { [x, xDot, theta, thetaDot] }
        set {
            guard newValue.count == 4 else { fatalError("\(id): state needs 4 values [x, xDot, theta, thetaDot], got \(newValue)") }
            (x, xDot, theta, thetaDot) = (newValue[0], newValue[1], newValue[2], newValue[3])
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
        (buffer[0], buffer[1], buffer[2], buffer[3]) = observation
    }

    /// Pushes the cart left (`0`) or right (`1`) for one step, returning observation, reward, terminated, truncated.
    public func step(_ action: Int) -> StepResult {
        let (outcome, observation) = returnedObservation.fill { step(action, writingObservationTo: $0) }
        return StepResult(observation: observation, outcome: outcome)
    }

    /// Pushes the cart left (`0`) or right (`1`) for one step, writing the observation into `buffer`.
    public func step(_ action: Int, writingObservationTo buffer: UnsafeMutablePointer<Float>) -> StepOutcome {
        let outcome = advance(action)
        (buffer[0], buffer[1], buffer[2], buffer[3]) = observation
        return outcome
    }

    /// Starts an episode from a state uniform in `[-0.05, 0.05)`.
    private func start(seed: Int?) {
        var generator = clock.startEpisode(seed: seed)
        x = generator.nextDouble(from: -0.05, to: 0.05)
        xDot = generator.nextDouble(from: -0.05, to: 0.05)
        theta = generator.nextDouble(from: -0.05, to: 0.05)
        thetaDot = generator.nextDouble(from: -0.05, to: 0.05)
        clock.keep(generator)
    }

    /// Checks the action, advances the physics and the step count.
    private func advance(_ action: Int) -> StepOutcome {
        checkAction(action, in: actionSpace, of: id)
        clock.checkCanStep(id)
        let force = action == 1 ? Self.forceMagnitude : -Self.forceMagnitude
        let (cosTheta, sinTheta) = cosAndSin(theta)
        let temp = (force + Self.poleMassLength * (thetaDot * thetaDot) * sinTheta) / Self.totalMass
        let thetaAcc = (Self.gravity * sinTheta - cosTheta * temp)
            / (Self.halfPoleLength * (4.0 / 3.0 - Self.poleMass * (cosTheta * cosTheta) / Self.totalMass))
        let xAcc = temp - Self.poleMassLength * thetaAcc * cosTheta / Self.totalMass

        x = x + Self.tau * xDot
        xDot = xDot + Self.tau * xAcc
        theta = theta + Self.tau * thetaDot
        thetaDot = thetaDot + Self.tau * thetaAcc

        let terminated = x < -Self.xThreshold || x > Self.xThreshold
            || theta < -Self.thetaThreshold || theta > Self.thetaThreshold
        let truncated = clock.finishStep(terminated: terminated)
        return StepOutcome(reward: 1.0, terminated: terminated, truncated: truncated)
    }

    /// The observation of the current state, `[x, xDot, theta, thetaDot]` in float32.
    private var observation: (Float, Float, Float, Float) {
        (Float(x), Float(xDot), Float(theta), Float(thetaDot))
    }
}
