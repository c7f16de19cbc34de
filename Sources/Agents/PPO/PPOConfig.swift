/// Every knob of PPO, named as in the lesson's table, with the lesson's numbers as defaults.
///
/// ```swift
/// var config = PPOConfig.lesson
/// config.clipEpsilon = 100          // exercise 1: a clip that never bites
/// config.targetKL = 0.015           // exercise 2: stop an update's epochs early
/// let result = PPO.train(env: "CartPole-v1", config: config, seed: 0, totalSteps: 200_000)
/// ```
public struct PPOConfig: Sendable, Equatable {
    /// Whether actor and critic share one trunk (the lesson) or have a trunk each (Stable-Baselines3).
    public enum Architecture: Sendable, Equatable {
        /// One trunk feeds both heads; the value loss also shapes the policy's features.
        case sharedTrunk
        /// The actor and the critic each have their own trunk of the same size.
        case separateNetworks
    }

    /// How the layers start out.
    public enum Initialization: Sendable, Equatable {
        /// PyTorch's `nn.Linear` default, as the lesson's code gets it.
        case pytorchDefault
        /// Orthogonal weights and zero biases: gain √2 in the trunk, 0.01 on the policy head,
        /// 1 on the value head (Stable-Baselines3 and CleanRL).
        case orthogonal
    }

    /// Adam's learning rate (`lr`).
    public var learningRate: Float = 3e-4
    /// Whether the learning rate falls linearly to zero over the run (the table's "often linearly decayed").
    public var annealsLearningRate = false
    /// The discount factor (`gamma`).
    public var gamma: Float = 0.99
    /// GAE's λ (`lam`): 0 is the one-step TD advantage, 1 the Monte Carlo one.
    public var lambda: Float = 0.95
    /// The clip's half-width ε (`clip_eps`): ratios are held to `[1 - ε, 1 + ε]`.
    public var clipEpsilon: Float = 0.2
    /// Passes over each rollout (`epochs`).
    public var epochs = 4
    /// Rows per minibatch (`batch_size`).
    public var batchSize = 64
    /// Weight of the entropy bonus (`entropy_coef`).
    public var entropyCoefficient: Float = 0.01
    /// Weight of the value loss (`value_coef`).
    public var valueCoefficient: Float = 0.5
    /// Steps gathered from each environment before an update (`rollout_len`).
    public var rolloutLength = 2048
    /// Environments stepped side by side; a rollout holds `rolloutLength * environmentCount` steps.
    public var environmentCount = 1
    /// The gradient's global norm is clipped to this before each Adam step.
    public var maxGradNorm: Float = 0.5
    /// Units in each of the two hidden Tanh layers.
    public var hiddenSize = 64
    /// Shared trunk (the lesson) or separate actor and critic networks.
    public var architecture = Architecture.sharedTrunk
    /// How the layers are initialised.
    public var initialization = Initialization.pytorchDefault
    /// Whether advantages are normalised to mean 0 and standard deviation 1 per update.
    public var normalizesAdvantages = true
    /// When set, an update stops its epochs as soon as the approximate KL of an epoch exceeds it.
    public var targetKL: Double? = nil
    /// How the approximate KL is estimated (for the early stop and the per-update record).
    public var klEstimator = KLEstimator.meanLogRatio
    /// Whether an episode cut off by the time limit is bootstrapped from the value of its last
    /// observation. The lesson's code stores `done or trunc` as one flag and so treats a cut-off
    /// like a fall (no bootstrap); `true` is the correct handling.
    public var bootstrapsTruncatedEpisodes = true
    /// Which old log-probability each new one is compared with: `.perSample` (PPO as meant) or
    /// `.everyPairAsPrinted` (the lesson's printed code, whose ratio broadcasts to `[N, N]`).
    public var ratioPairing = ClippedSurrogate.Pairing.perSample
    /// The starting log standard deviation of the Gaussian policy (continuous actions only).
    public var initialLogStd: Float = 0

    /// A configuration with the lesson's numbers; change fields with `var` and assignment.
    public init() {}

    /// The lesson's `PPOAgent` defaults and `train_ppo` rollout: lr 3e-4, γ 0.99, λ 0.95, ε 0.2,
    /// 4 epochs of 64-row minibatches, entropy 0.01, value 0.5, 2048-step rollouts from one
    /// environment, a shared Tanh 64-64 trunk with PyTorch's initialisation.
    public static let lesson = PPOConfig()

    /// A CartPole configuration that holds 500: the lesson's numbers with Stable-Baselines3's
    /// structural defaults (separate actor and critic networks, orthogonal initialisation,
    /// 10 epochs, no entropy bonus).
    public static let cartPole: PPOConfig = {
        var config = PPOConfig()
        config.architecture = .separateNetworks
        config.initialization = .orthogonal
        config.epochs = 10
        config.entropyCoefficient = 0
        return config
    }()

    /// Pendulum settings after rl-baselines3-zoo: γ 0.9, lr 1e-3, 10 epochs, 4 environments ×
    /// 1024-step rollouts, λ 0.95, ε 0.2, no entropy bonus, with Stable-Baselines3's separate
    /// networks and orthogonal initialisation; a plain Gaussian with a learned state-independent log-std.
    public static let pendulum: PPOConfig = {
        var config = PPOConfig()
        config.gamma = 0.9
        config.learningRate = 1e-3
        config.epochs = 10
        config.environmentCount = 4
        config.rolloutLength = 1024
        config.entropyCoefficient = 0
        config.architecture = .separateNetworks
        config.initialization = .orthogonal
        return config
    }()

    /// Stops with a message naming the first setting that cannot work.
    func validate() {
        func fail(_ message: String) -> Never { fatalError("PPOConfig: \(message)") }
        if !(learningRate > 0) { fail("learningRate must be positive, got \(learningRate)") }
        if !(0...1).contains(gamma) { fail("gamma must lie in [0, 1], got \(gamma)") }
        if !(0...1).contains(lambda) { fail("lambda must lie in [0, 1], got \(lambda)") }
        if !(clipEpsilon > 0) { fail("clipEpsilon must be positive, got \(clipEpsilon)") }
        if epochs < 1 { fail("epochs must be at least 1, got \(epochs)") }
        if batchSize < 1 { fail("batchSize must be at least 1, got \(batchSize)") }
        if rolloutLength < 1 { fail("rolloutLength must be at least 1, got \(rolloutLength)") }
        if environmentCount < 1 { fail("environmentCount must be at least 1, got \(environmentCount)") }
        if hiddenSize < 1 { fail("hiddenSize must be at least 1, got \(hiddenSize)") }
        if !(maxGradNorm > 0) { fail("maxGradNorm must be positive, got \(maxGradNorm)") }
        if let targetKL, !(targetKL > 0) { fail("targetKL must be positive when set, got \(targetKL)") }
    }
}
