/// TRPO's settings; the defaults are the CartPole settings `TRPO.train` is benchmarked with.
public struct TRPOConfig: Sendable, Equatable {
    /// The trust region: the largest mean KL(π_old ‖ π_new) an update may reach (δ).
    public var maxKL: Double = 0.01
    /// Added to the Fisher matrix (F + damping·I) so conjugate gradient stays well posed.
    public var damping: Float = 0.1
    /// Conjugate-gradient iterations per update.
    public var conjugateGradientIterations = 10
    /// Each backtracking step multiplies the step by this.
    public var backtrackRatio: Float = 0.8
    /// The most step sizes the line search tries before keeping the old policy.
    public var backtrackSteps = 10
    /// The discount factor γ.
    public var gamma: Float = 0.99
    /// GAE's λ.
    public var lambda: Float = 0.95
    /// Steps gathered before each update.
    public var rolloutLength = 1024
    /// Whether advantages are normalised to mean 0 and standard deviation 1 per update.
    public var normalizesAdvantages = true
    /// Units in each of the two hidden Tanh layers of the policy and of the value network.
    public var hiddenSize = 64
    /// Adam's learning rate for the value network.
    public var valueLearningRate: Float = 1e-3
    /// Passes over each rollout that train the value network.
    public var valueEpochs = 10
    /// Rows per value-network minibatch.
    public var valueBatchSize = 64

    /// The default settings.
    public init() {}

    /// CartPole settings (the defaults): δ 0.01, damping 0.1, 10 CG iterations, 1024-step rollouts.
    public static let cartPole = TRPOConfig()

    /// Stops with a message naming the first setting that cannot work.
    func validate() {
        func fail(_ message: String) -> Never { fatalError("TRPOConfig: \(message)") }
        if !(maxKL > 0) { fail("maxKL must be positive, got \(maxKL)") }
        if !(damping >= 0) { fail("damping must be non-negative, got \(damping)") }
        if conjugateGradientIterations < 1 { fail("conjugateGradientIterations must be at least 1, got \(conjugateGradientIterations)") }
        if !(backtrackRatio > 0 && backtrackRatio < 1) { fail("backtrackRatio must lie in (0, 1), got \(backtrackRatio)") }
        if backtrackSteps < 1 { fail("backtrackSteps must be at least 1, got \(backtrackSteps)") }
        if !(0...1).contains(gamma) || !(0...1).contains(lambda) { fail("gamma and lambda must lie in [0, 1], got \(gamma) and \(lambda)") }
        if rolloutLength < 2 { fail("rolloutLength must be at least 2, got \(rolloutLength)") }
        if valueEpochs < 1 || valueBatchSize < 1 { fail("valueEpochs and valueBatchSize must be at least 1, got \(valueEpochs) and \(valueBatchSize)") }
    }
}
