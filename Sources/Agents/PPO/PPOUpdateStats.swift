/// What one PPO update did: how far the policy moved and what the losses were.
public struct PPOUpdateStats: Codable, Equatable, Sendable {
    /// The approximate KL of each epoch that ran (see `PPOConfig.klEstimator`): the mean over the
    /// epoch's samples, each sample's new log-probability taken in its minibatch just before that
    /// minibatch's step (the way CleanRL measures it, at no extra forward pass).
    public var klPerEpoch: [Double]
    /// Whether the epochs were cut short because an epoch's KL exceeded `targetKL`.
    public var stoppedEarly: Bool
    /// The fraction of samples whose ratio fell outside `[1-ε, 1+ε]`, over all minibatches.
    public var clipFraction: Double
    /// The mean clipped-surrogate loss over the minibatches.
    public var policyLoss: Double
    /// The mean value loss (MSE against the GAE returns) over the minibatches.
    public var valueLoss: Double
    /// The mean policy entropy over the minibatches.
    public var entropy: Double

    /// The KL of the last epoch that ran.
    public var approximateKL: Double { klPerEpoch.last ?? 0 }
    /// The number of epochs that ran.
    public var epochsCompleted: Int { klPerEpoch.count }
}
