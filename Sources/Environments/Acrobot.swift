import Foundation

/// Gymnasium's `Acrobot-v1`: two links hanging in a chain; torque on the middle joint must
/// swing the free end above a line one link-length over the fixed joint.
///
/// Same dynamics as Gymnasium's `AcrobotEnv` (the "book" equations of Sutton and Barto,
/// one fourth-order Runge-Kutta step of 0.2 s, angles wrapped to `[-π, π]`, speeds clipped),
/// with `gym.make`'s 500-step time limit built in.
///
/// - State: `[theta1, theta2, thetaDot1, thetaDot2]` (angles in radians, 0 hanging down).
/// - Observation: `[cos θ1, sin θ1, cos θ2, sin θ2, θ̇1, θ̇2]`.
/// - Actions: `0`, `1`, `2` apply torque `-1`, `0`, `+1` at the middle joint.
/// - Reward: `-1` per step, `0` on the terminating step.
/// - Terminated: `-cos θ1 - cos(θ1 + θ2) > 1`.
/// - Initial state: each variable uniform in `[-0.1, 0.1)`, rounded to float32 as Gymnasium's is.
public final class Acrobot: DiscreteEnvironment {
    /// Seconds per step.
    public static let dt = 0.2
    /// Length of the first link, m.
    public static let link1Length = 1.0
    /// Mass of the first link, kg.
    public static let link1Mass = 1.0
    /// Mass of the second link, kg.
    public static let link2Mass = 1.0
    /// Distance from the first joint to the first link's centre of mass, m.
    public static let link1CenterOfMass = 0.5
    /// Distance from the second joint to the second link's centre of mass, m.
    public static let link2CenterOfMass = 0.5
    /// Moment of inertia of each link, kg·m².
    public static let linkMomentOfInertia = 1.0
    /// Gravity, m/s².
    public static let gravity = 9.8
    /// Largest angular speed of the first joint, rad/s.
    public static let maxVelocity1 = 4 * Double.pi
    /// Largest angular speed of the second joint, rad/s.
    public static let maxVelocity2 = 9 * Double.pi
    /// The torque applied by each action.
    public static let torques: [Double] = [-1.0, 0.0, 1.0]

    /// `"Acrobot-v1"`.
    public let id = "Acrobot-v1"
    /// Three actions: torque `-1`, `0`, `+1`.
    public let actionSpace = Discrete(3)
    /// Six values: four cosines and sines, then the two angular speeds.
    public let observationSpace = Box(
        low: [-1, -1, -1, -1, -Float(maxVelocity1), -Float(maxVelocity2)],
        high: [1, 1, 1, 1, Float(maxVelocity1), Float(maxVelocity2)],
        shape: [6])

    // Accessed only by this class's methods, never overlapping: the step path skips the runtime exclusivity check.
    @exclusivity(unchecked) private var joints = (theta1: 0.0, theta2: 0.0, thetaDot1: 0.0, thetaDot2: 0.0) {
        didSet { angles = AngleTrigonometry(theta1: joints.theta1, theta2: joints.theta2) }
    }
    /// cos and sin of both angles of `joints`, kept with them: the observation, the termination
    /// test and the next step's first slope all need them, so each is computed once per state.
    @exclusivity(unchecked) private var angles = AngleTrigonometry(theta1: 0, theta2: 0)
    @exclusivity(unchecked) private var clock: EpisodeClock
    /// The array `reset(seed:)` and `step(_:)` return the observation in.
    @exclusivity(unchecked) private var returnedObservation = ReusedObservation(count: 6)

    /// Creates the environment; call `reset(seed:)` before the first step.
    /// - Parameter maxEpisodeSteps: the time limit (`Acrobot-v1`'s 500 by default).
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

    /// `[theta1, theta2, thetaDot1, thetaDot2]`, as Gymnasium's `state`.
    public var state: [Double] {
        get { [joints.theta1, joints.theta2, joints.thetaDot1, joints.thetaDot2] }
        set {
            guard newValue.count == 4 else {
                fatalError("\(id): state needs 4 values [theta1, theta2, thetaDot1, thetaDot2], got \(newValue)")
            }
            joints = (newValue[0], newValue[1], newValue[2], newValue[3])
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
        (buffer[0], buffer[1], buffer[2], buffer[3], buffer[4], buffer[5]) = observation
    }

    /// Applies torque `-1`, `0` or `+1` (actions `0`, `1`, `2`) for one step, returning observation, reward, terminated, truncated.
    public func step(_ action: Int) -> StepResult {
        let (outcome, observation) = returnedObservation.fill { step(action, writingObservationTo: $0) }
        return StepResult(observation: observation, outcome: outcome)
    }

    /// Applies torque `-1`, `0` or `+1` (actions `0`, `1`, `2`) for one step, writing the observation into `buffer`.
    public func step(_ action: Int, writingObservationTo buffer: UnsafeMutablePointer<Float>) -> StepOutcome {
        let outcome = advance(action)
        (buffer[0], buffer[1], buffer[2], buffer[3], buffer[4], buffer[5]) = observation
        return outcome
    }

    /// Starts an episode with each variable uniform in `[-0.1, 0.1)`, rounded to float32.
    private func start(seed: Int?) {
        var generator = clock.startEpisode(seed: seed)
        func draw() -> Double { Double(Float(generator.nextDouble(from: -0.1, to: 0.1))) }
        let theta1 = draw(), theta2 = draw(), thetaDot1 = draw(), thetaDot2 = draw()
        joints = (theta1, theta2, thetaDot1, thetaDot2)
        clock.keep(generator)
    }

    /// Checks the action, advances the physics and the step count.
    private func advance(_ action: Int) -> StepOutcome {
        checkAction(action, in: actionSpace, of: id)
        clock.checkCanStep(id)
        let next = Self.rungeKuttaStep(from: joints, angles: angles, torque: Self.torques[action])
        joints = (Self.wrap(next.theta1), Self.wrap(next.theta2),
                  min(max(next.thetaDot1, -Self.maxVelocity1), Self.maxVelocity1),
                  min(max(next.thetaDot2, -Self.maxVelocity2), Self.maxVelocity2))

        let terminated = -angles.cos1 - cos(joints.theta2 + joints.theta1) > 1.0
        let truncated = clock.finishStep(terminated: terminated)
        return StepOutcome(reward: terminated ? 0.0 : -1.0, terminated: terminated, truncated: truncated)
    }

    private typealias Joints = (theta1: Double, theta2: Double, thetaDot1: Double, thetaDot2: Double)

    /// One classical Runge-Kutta step of `dt` with the torque held constant,
    /// combining the slopes as Gymnasium's `rk4` does: `y + dt/6 * (k1 + 2k2 + 2k3 + k4)`.
    /// `angles` are those of `y`, which the first slope needs.
    private static func rungeKuttaStep(from y: Joints, angles: AngleTrigonometry, torque: Double) -> Joints {
        let half = dt / 2.0
        func offset(_ y: Joints, _ h: Double, _ k: Joints) -> Joints {
            (y.theta1 + h * k.theta1, y.theta2 + h * k.theta2, y.thetaDot1 + h * k.thetaDot1, y.thetaDot2 + h * k.thetaDot2)
        }
        let k1 = derivatives(y, cosTheta2: angles.cos2, sinTheta2: angles.sin2, torque: torque)
        let k2 = derivatives(offset(y, half, k1), torque: torque)
        let k3 = derivatives(offset(y, half, k2), torque: torque)
        let k4 = derivatives(offset(y, dt, k3), torque: torque)
        let sixth = dt / 6.0
        func combine(_ y: Double, _ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
            y + sixth * (a + 2 * b + 2 * c + d)
        }
        return (combine(y.theta1, k1.theta1, k2.theta1, k3.theta1, k4.theta1),
                combine(y.theta2, k1.theta2, k2.theta2, k3.theta2, k4.theta2),
                combine(y.thetaDot1, k1.thetaDot1, k2.thetaDot1, k3.thetaDot1, k4.thetaDot1),
                combine(y.thetaDot2, k1.thetaDot2, k2.thetaDot2, k3.thetaDot2, k4.thetaDot2))
    }

    /// The time derivative of the joints under `torque` (Gymnasium's `_dsdt`, "book" dynamics).
    /// Squares of constants are exact either way; squares of variables use `pow`, as NumPy's `**`.
    private static func derivatives(_ y: Joints, torque a: Double) -> Joints {
        // Gymnasium evaluates cos(theta2) and sin(theta2) several times; once gives the same numbers.
        let (cosTheta2, sinTheta2) = cosAndSin(y.theta2)
        return derivatives(y, cosTheta2: cosTheta2, sinTheta2: sinTheta2, torque: a)
    }

    /// The time derivative given cos and sin of `y.theta2`, already computed.
    private static func derivatives(_ y: Joints, cosTheta2: Double, sinTheta2: Double, torque a: Double) -> Joints {
        let m1 = link1Mass, m2 = link2Mass, l1 = link1Length
        let lc1 = link1CenterOfMass, lc2 = link2CenterOfMass
        let i1 = linkMomentOfInertia, i2 = linkMomentOfInertia, g = gravity
        let (theta1, theta2, dtheta1, dtheta2) = y
        let d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cosTheta2) + i1 + i2
        let d2 = m2 * (lc2 * lc2 + l1 * lc2 * cosTheta2) + i2
        let phi2 = m2 * lc2 * g * cos(theta1 + theta2 - Double.pi / 2.0)
        let phi1 = -m2 * l1 * lc2 * pythonSquare(dtheta2) * sinTheta2
            - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sinTheta2
            + (m1 * lc1 + m2 * l1) * g * cos(theta1 - Double.pi / 2)
            + phi2
        let ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * pythonSquare(dtheta1) * sinTheta2 - phi2)
            / (m2 * (lc2 * lc2) + i2 - pythonSquare(d2) / d1)
        let ddtheta1 = -(d2 * ddtheta2 + phi1) / d1
        return (dtheta1, dtheta2, ddtheta1, ddtheta2)
    }

    /// `angle` brought into `[-π, π]` by whole turns, as Gymnasium's `wrap`.
    private static func wrap(_ angle: Double) -> Double {
        let turn = Double.pi - -Double.pi
        var wrapped = angle
        while wrapped > Double.pi { wrapped = wrapped - turn }
        while wrapped < -Double.pi { wrapped = wrapped + turn }
        return wrapped
    }

    /// The observation of the current state, `[cos θ1, sin θ1, cos θ2, sin θ2, θ̇1, θ̇2]` in float32.
    private var observation: (Float, Float, Float, Float, Float, Float) {
        (Float(angles.cos1), Float(angles.sin1), Float(angles.cos2), Float(angles.sin2), Float(joints.thetaDot1), Float(joints.thetaDot2))
    }
}

/// cos and sin of Acrobot's two joint angles.
private struct AngleTrigonometry {
    let cos1, sin1, cos2, sin2: Double

    init(theta1: Double, theta2: Double) {
        (cos1, sin1) = cosAndSin(theta1)
        (cos2, sin2) = cosAndSin(theta2)
    }
}
