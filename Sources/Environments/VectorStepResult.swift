/// What one step of a vectorised environment returns: one row per copy, observations
/// flattened row after row (`count * observationSize` values).
///
/// Copies whose episode ended in this step were already reset (same-step auto-reset):
/// their row of `observations` is the new episode's first observation, and their row of
/// `finalObservations` is the last observation of the episode that ended. For the other
/// copies both rows hold the same observation, so `finalObservations` is always the
/// observation that followed the action (the one to bootstrap a value from), and
/// `observations` is always the one to act on next.
///
/// This is Gymnasium's `AutoresetMode.SAME_STEP`. Gymnasium 1.x defaults to next-step
/// auto-reset instead, where the step after an ending only resets the copy (ignoring its
/// action, with zero reward); same-step wastes no step and hands over the final
/// observation directly, which is what rollout collection needs to bootstrap a value
/// after a truncation.
public struct VectorStepResult: Equatable, Sendable {
    /// The observations to act on next, `count * observationSize` values.
    public let observations: [Float]
    /// The observations that followed the actions, before any reset, `count * observationSize` values.
    public let finalObservations: [Float]
    /// Each copy's reward.
    public let rewards: [Double]
    /// Whether each copy's episode terminated in this step.
    public let terminated: [Bool]
    /// Whether each copy's episode was cut off by its time limit in this step.
    public let truncated: [Bool]

    /// Creates a result from its parts.
    public init(observations: [Float], finalObservations: [Float], rewards: [Double], terminated: [Bool], truncated: [Bool]) {
        self.observations = observations
        self.finalObservations = finalObservations
        self.rewards = rewards
        self.terminated = terminated
        self.truncated = truncated
    }
}
