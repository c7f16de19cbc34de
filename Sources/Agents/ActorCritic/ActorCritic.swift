import Environments
import SeededRandom
import Tensors

/// A one-step Actor-Critic for discrete actions, with the parts the lesson's entropy
/// exercise reaches into: `features` (the trunk), the `actor` and `critic` heads, `gamma`,
/// `optimizer`, `allParameters` and `maxGradNorm`. The actor gives logits, the critic one
/// state value per row. A notebook cell can write the exercise's update itself:
///
/// ```swift
/// let agent = ActorCritic(stateSize: 4, actionCount: 2, seed: 0)
/// let feats = agent.features(Tensor(state, shape: [1, 4]))
/// let dist = Categorical(probs: agent.actor(feats).softmax(axis: -1))
/// let action = dist.sample(using: &rng)
/// let value = agent.critic(feats).squeeze()
/// let result = env.step(Int(action.item))
/// let nextValue = noGrad { agent.critic(agent.features(Tensor(result.observation, shape: [1, 4]))).squeeze() }
/// let target = Float(result.reward) + agent.gamma * nextValue * (result.terminated ? 0 : 1)
/// let advantage = target - value
/// let loss = -(dist.logProb(action) * advantage.detach()).sum() + 0.5 * advantage.pow(2) - beta * dist.entropy().mean()
/// agent.optimizer.zeroGrad()
/// loss.backward()
/// clipGradNorm(agent.allParameters, maxNorm: agent.maxGradNorm)
/// agent.optimizer.step()
/// ```
///
/// With ``Configuration/default`` the actor and the critic are separate networks and
/// `features` passes the state through; with ``Configuration/collapsing`` they share one
/// hidden layer. Either way `agent.actor(agent.features(x))` and
/// `agent.critic(agent.features(x))` are the two outputs.
public final class ActorCritic {
    /// The shared trunk, or an empty `Sequential` (the identity) when the networks are separate.
    public let features: Sequential

    /// The policy head: trunk features in, one logit per action out.
    public let actor: any Module

    /// The value head: trunk features in, one state value out.
    public let critic: any Module

    /// The discount factor.
    public let gamma: Float

    /// The optimiser over ``allParameters`` (one Adam, or one per learning rate).
    public let optimizer: any Optimizer

    /// Every trainable tensor: trunk, actor, critic.
    public let allParameters: [Tensor]

    /// The number of actions the actor scores.
    public let actionCount: Int

    /// The total gradient norm is clipped to this before every step (infinity: no clipping).
    public let maxGradNorm: Float

    /// How the agent was built.
    public let configuration: Configuration

    /// The fused per-step update over the actor and critic networks, when the trunk is not shared.
    let fusedStep: ActorCriticFusedStep?

    /// The generator ``chooseAction(_:)`` samples from.
    var sampler: SeededGenerator

    /// Creates the agent; `seed` determines the initial weights and the action samples.
    public init(stateSize: Int, actionCount: Int, configuration: Configuration = .default, seed: Int) {
        let root = SeededGenerator(seed: seed)
        var generator = root.derived(stream: 1)
        let hidden = configuration.hiddenSize
        let activation: any Module = configuration.activation == .relu ? ReLU() : Tanh()
        if configuration.sharedTrunk {
            features = Sequential(Linear(stateSize, hidden, using: &generator), activation)
            actor = Linear(hidden, actionCount, using: &generator)
            critic = Linear(hidden, 1, using: &generator)
            fusedStep = nil
        } else {
            let actorNetwork = FeedForwardNetwork(sizes: [stateSize, hidden, actionCount], activation: configuration.activation, using: &generator)
            let criticNetwork = FeedForwardNetwork(sizes: [stateSize, hidden, 1], activation: configuration.activation, using: &generator)
            features = Sequential([])
            actor = actorNetwork
            critic = criticNetwork
            fusedStep = ActorCriticFusedStep(actor: actorNetwork, critic: criticNetwork)
        }
        allParameters = features.parameters + actor.parameters + critic.parameters
        if configuration.actorLearningRate == configuration.criticLearningRate {
            optimizer = Adam(allParameters, lr: configuration.actorLearningRate)
        } else {
            optimizer = OptimizerGroup(Adam(features.parameters + actor.parameters, lr: configuration.actorLearningRate),
                                       Adam(critic.parameters, lr: configuration.criticLearningRate))
        }
        self.actionCount = actionCount
        gamma = configuration.gamma
        maxGradNorm = configuration.maxGradNorm
        self.configuration = configuration
        sampler = root.derived(stream: 2)
    }
}
