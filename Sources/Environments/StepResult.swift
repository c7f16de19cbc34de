/// Gymnasium's `info` dictionary. The classic-control environments leave it empty.
public typealias EnvironmentInfo = [String: Double]

/// What one `step(_:)` returns, in Gymnasium's order:
/// `observation, reward, terminated, truncated, info`.
public struct StepResult: Equatable, Sendable {
    /// The observation after the step (float32, as Gymnasium's).
    public let observation: [Float]
    /// The reward for the step (float64, as Gymnasium's).
    public let reward: Double
    /// The episode reached a terminal state of the task (the pole fell, the car reached the flag).
    public let terminated: Bool
    /// The episode was cut off by its step limit (Gymnasium's `TimeLimit`), not by the task.
    public let truncated: Bool
    /// Extra information; empty for the classic-control environments.
    public let info: EnvironmentInfo

    /// Creates a step result from its parts.
    public init(observation: [Float], reward: Double, terminated: Bool, truncated: Bool, info: EnvironmentInfo = [:]) {
        self.observation = observation
        self.reward = reward
        self.terminated = terminated
        self.truncated = truncated
        self.info = info
    }

    /// Creates a step result from an observation and the rest of the step.
    public init(observation: [Float], outcome: StepOutcome) {
        self.init(observation: observation, reward: outcome.reward,
                  terminated: outcome.terminated, truncated: outcome.truncated)
    }

    /// The episode is over, for either reason: `terminated || truncated`.
    public var done: Bool { terminated || truncated }
}

/// A step's result without its observation, returned by the `step(_:writingObservationTo:)`
/// form, which writes the observation into a buffer the caller owns.
public struct StepOutcome: Equatable, Sendable {
    /// The reward for the step.
    public let reward: Double
    /// The episode reached a terminal state of the task.
    public let terminated: Bool
    /// The episode was cut off by its step limit.
    public let truncated: Bool

    /// Creates an outcome from its parts.
    public init(reward: Double, terminated: Bool, truncated: Bool) {
        self.reward = reward
        self.terminated = terminated
        self.truncated = truncated
    }

    /// The episode is over, for either reason: `terminated || truncated`.
    public var done: Bool { terminated || truncated }
}
