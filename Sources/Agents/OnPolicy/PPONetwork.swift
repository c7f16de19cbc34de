import SeededRandom
import Tensors

/// The lesson's `PPONetwork`: a Tanh trunk with an actor head (logits, or a Gaussian mean) and
/// a critic head (the state value). With `.separateNetworks` the critic has a trunk of its own.
///
/// ```swift
/// let (logits, values) = network(states)      // [N, actions], [N]
/// ```
public final class PPONetwork: Module {
    /// The actor's hidden layers (each followed by Tanh); the critic uses the same ones when shared.
    public let actorTrunk: [Linear]
    /// The critic's hidden layers: the very same layers as `actorTrunk` when the trunk is shared.
    public let criticTrunk: [Linear]
    /// The policy head: logits over actions, or the Gaussian's mean.
    public let actor: Linear
    /// The value head: one number per state.
    public let critic: Linear
    /// The Gaussian policy's learned log standard deviation, shape `[actionDimensions]`; `nil` for a categorical policy.
    public let logStd: Tensor?
    /// The kind of policy this network parameterises.
    public let kind: PolicyKind

    /// Creates the network `config` describes (hidden size, architecture, initialisation, initial
    /// log-std) for `observationSize` inputs, drawing initial values from `generator`.
    public convenience init(observationSize: Int, kind: PolicyKind, config: PPOConfig, using generator: inout SeededGenerator) {
        self.init(observationSize: observationSize, kind: kind, hiddenSize: config.hiddenSize, architecture: config.architecture,
                  initialization: config.initialization, initialLogStd: config.initialLogStd, using: &generator)
    }

    /// Creates the network for `observationSize` inputs from its parts, drawing initial values from `generator`.
    public init(observationSize: Int, kind: PolicyKind, hiddenSize hidden: Int, architecture: PPOConfig.Architecture,
                initialization: PPOConfig.Initialization, initialLogStd: Float = 0, using generator: inout SeededGenerator) {
        guard observationSize > 0, kind.actorOutputSize > 0, hidden > 0 else {
            fatalError("PPONetwork: needs a positive observation size, hidden size and at least one action, got \(observationSize), \(hidden) and \(kind)")
        }
        let orthogonal = initialization == .orthogonal
        func layer(_ inputs: Int, _ outputs: Int, gain: Float) -> Linear {
            Linear(inputs, outputs, initialization: orthogonal ? .orthogonal(gain: gain) : .pytorchDefault, using: &generator)
        }
        func trunk() -> [Linear] {
            [layer(observationSize, hidden, gain: Float(2).squareRoot()), layer(hidden, hidden, gain: Float(2).squareRoot())]
        }
        actorTrunk = trunk()
        criticTrunk = architecture == .sharedTrunk ? actorTrunk : trunk()
        actor = layer(hidden, kind.actorOutputSize, gain: 0.01)
        critic = layer(hidden, 1, gain: 1)
        if case .gaussian(let low, _) = kind {
            logStd = Tensor.full([low.count], initialLogStd).requiringGrad()
        } else {
            logStd = nil
        }
        self.kind = kind
    }

    /// Whether actor and critic share their hidden layers.
    public var sharesTrunk: Bool { actorTrunk[0] === criticTrunk[0] }

    /// The actor head's output and the values for a batch of states `[N, observationSize]`:
    /// shapes `[N, actorOutputSize]` and `[N]`.
    public func forward(_ states: Tensor) -> (actorOutput: Tensor, values: Tensor) {
        let actorFeatures = Self.features(states, through: actorTrunk)
        let criticFeatures = sharesTrunk ? actorFeatures : Self.features(states, through: criticTrunk)
        let values = critic(criticFeatures)
        return (actor(actorFeatures), values.reshape([values.shape[0]]))
    }

    /// The values alone for a batch of states, shape `[N]`.
    public func values(_ states: Tensor) -> Tensor {
        let values = critic(Self.features(states, through: criticTrunk))
        return values.reshape([values.shape[0]])
    }

    /// The actor head's output (logits or means), so the network can sit where a `Module` is expected.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        actor(Self.features(input, through: actorTrunk))
    }

    /// Every trainable tensor once: actor trunk, critic trunk (if separate), heads, log-std.
    public var parameters: [Tensor] {
        var all = actorTrunk.flatMap(\.parameters)
        if !sharesTrunk { all += criticTrunk.flatMap(\.parameters) }
        all += actor.parameters + critic.parameters
        if let logStd { all.append(logStd) }
        return all
    }

    /// The policy's log-probabilities of `actions` (flat, `actionSize` values per row) and its
    /// entropies, both `[N]`; Gaussian log-probs and entropies are summed over action dimensions.
    public func logProbsAndEntropy(actorOutput: Tensor, actions: [Float]) -> (logProbs: Tensor, entropy: Tensor) {
        switch kind {
        case .categorical:
            let distribution = Categorical(logits: actorOutput)
            return (distribution.logProb(actions.map { Int($0) }), distribution.entropy())
        case .gaussian(let low, _):
            let rows = actorOutput.shape[0]
            let distribution = Normal(mean: actorOutput, std: logStd!.exp())
            let taken = Tensor(actions, shape: [rows, low.count])
            return (distribution.logProb(taken).sum(axis: 1), distribution.entropy().sum(axis: 1))
        }
    }

    private static func features(_ states: Tensor, through trunk: [Linear]) -> Tensor {
        trunk.reduce(states) { input, layer in layer(input, then: .tanh) }
    }
}
