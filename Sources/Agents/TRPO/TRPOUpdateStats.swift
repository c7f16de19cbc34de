/// What one TRPO update did.
public struct TRPOUpdateStats: Codable, Equatable, Sendable {
    /// The mean KL(π_old ‖ π_new) of the accepted step (0 when no step was accepted).
    public var kl: Double
    /// The fraction of the full natural-gradient step that was accepted (0 when the line search failed).
    public var stepFraction: Double
    /// How much the surrogate advantage rose with the accepted step.
    public var surrogateImprovement: Double
    /// The mean value loss over the value network's minibatches.
    public var valueLoss: Double
    /// The policy's mean entropy on the rollout before the step.
    public var entropy: Double
}

/// What `TRPO.train` returns: the episodes and every update's statistics.
public struct TRPOResult: Codable, Equatable, Sendable {
    /// The returns and lengths of the episodes finished during training.
    public var log: EpisodeLog
    /// One entry per update, in order.
    public var updates: [TRPOUpdateStats]

    /// The number of updates whose line search found no acceptable step.
    public var rejectedUpdateCount: Int { updates.filter { $0.stepFraction == 0 }.count }
}
