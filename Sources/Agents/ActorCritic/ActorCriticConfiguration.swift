import Tensors

extension ActorCritic {
    /// How an ``ActorCritic`` is built and how ``ActorCritic/trainWithEntropy(beta:seed:episodes:configuration:env:)``
    /// bootstraps. Start from ``default`` (learns CartPole) or ``collapsing`` (the common
    /// shared-trunk version that collapses) and change what you want to study.
    public struct Configuration: Sendable, Equatable {
        /// One hidden layer shared by actor and critic (`true`), or a separate hidden layer
        /// for each, with `features` passing the state through unchanged (`false`).
        public var sharedTrunk: Bool

        /// The width of the hidden layer (of each, when not shared).
        public var hiddenSize: Int

        /// The hidden layers' activation.
        public var activation: FeedForwardNetwork.Activation

        /// Adam's learning rate for the actor (and for the shared trunk, if there is one).
        public var actorLearningRate: Float

        /// Adam's learning rate for the critic (its head only, when the trunk is shared).
        public var criticLearningRate: Float

        /// The discount factor.
        public var gamma: Float

        /// The total gradient norm is clipped to this before every step (`.infinity`: never).
        public var maxGradNorm: Float

        /// Whether the TD target bootstraps from the next state when an episode is cut
        /// off by its time limit (it never does at a true termination). The lesson's loop
        /// multiplies by `1 - (done or trunc)`, i.e. `false`.
        public var bootstrapsOnTruncation: Bool

        /// Creates a configuration from its parts.
        public init(sharedTrunk: Bool, hiddenSize: Int, activation: FeedForwardNetwork.Activation,
                    actorLearningRate: Float, criticLearningRate: Float, gamma: Float = 0.99,
                    maxGradNorm: Float = 0.5, bootstrapsOnTruncation: Bool) {
            guard hiddenSize > 0, actorLearningRate >= 0, criticLearningRate >= 0, (0...1).contains(gamma), maxGradNorm > 0 else {
                fatalError("ActorCritic.Configuration: need hiddenSize > 0, learning rates >= 0, gamma in [0, 1] and maxGradNorm > 0; got hiddenSize \(hiddenSize), rates \(actorLearningRate)/\(criticLearningRate), gamma \(gamma), maxGradNorm \(maxGradNorm)")
            }
            self.sharedTrunk = sharedTrunk
            self.hiddenSize = hiddenSize
            self.activation = activation
            self.actorLearningRate = actorLearningRate
            self.criticLearningRate = criticLearningRate
            self.gamma = gamma
            self.maxGradNorm = maxGradNorm
            self.bootstrapsOnTruncation = bootstrapsOnTruncation
        }

        /// The common per-step Actor-Critic the lesson's exercise assumes: a shared
        /// Linear(4, 128) + ReLU trunk, one Adam at 1e-3 over everything, no bootstrap at
        /// truncation. On CartPole it collapses within a few dozen episodes to a policy that
        /// always pushes one way (8-10-step episodes), with or without an entropy bonus.
        public static let collapsing = Configuration(
            sharedTrunk: true, hiddenSize: 128, activation: .relu,
            actorLearningRate: 1e-3, criticLearningRate: 1e-3, bootstrapsOnTruncation: false)

        /// Settings under which the exercise's per-step loop learns CartPole-v1: separate
        /// actor and critic networks (4-128-2 and 4-128-1, ReLU), a slow actor (Adam 1e-4) and a
        /// faster critic (Adam 3e-3), no gradient clipping, and a bootstrap at truncation.
        ///
        /// Clipping is what breaks the common version: clipping every step's gradient to norm
        /// 0.5 cuts the rare large TD errors at episode ends far more than the frequent small
        /// ones, so the critic's value estimates climb without bound, δ stays positive, and the
        /// actor is pushed towards whatever it already does most.
        public static let `default` = Configuration(
            sharedTrunk: false, hiddenSize: 128, activation: .relu,
            actorLearningRate: 1e-4, criticLearningRate: 3e-3, maxGradNorm: .infinity, bootstrapsOnTruncation: true)
    }
}
