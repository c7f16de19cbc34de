import Foundation
import SeededRandom
import Tensors

/// A `PPONetwork` seen as a policy that acts on one state at a time: its actor and critic as
/// `RowEvaluator`s (no graph, no allocation, the current weights), plus drawing an action.
/// Rollout collection and `PPO.chooseAction` both act through it, and the values it gives are
/// the ones `network.forward` gives for a one-row batch, bit for bit.
final class ActingPolicy {
    /// The actor trunk (Tanh after each layer) and the policy head.
    private let actor: RowEvaluator
    /// The critic trunk and value head; with a shared trunk, the value head alone, fed from the actor trunk.
    private let critic: RowEvaluator
    private let sharesTrunk: Bool
    private let network: PPONetwork

    init(_ network: PPONetwork) {
        self.network = network
        sharesTrunk = network.sharesTrunk
        actor = RowEvaluator(network.actorTrunk.map { ($0, .tanh) } + [(network.actor, nil)])
        critic = RowEvaluator((sharesTrunk ? [] : network.criticTrunk.map { ($0, .tanh) }) + [(network.critic, nil)])
    }

    /// The actor head's output for the last evaluated state (`kind.actorOutputSize` values).
    var actorOutput: UnsafeBufferPointer<Float> { actor.output(ofLayer: actor.layers.count - 1) }

    /// Evaluates `observation`; leaves the actor head's output in `actorOutput` and returns the value.
    func evaluate(_ observation: UnsafePointer<Float>) -> Float {
        actor.evaluate(observation)
        let criticInput = sharesTrunk ? actor.output(ofLayer: actor.layers.count - 2).baseAddress! : observation
        return critic.evaluate(criticInput)[0]
    }

    /// Draws an action for the last evaluated state into `action` (`kind.actionSize` values, unclipped)
    /// and returns its log-probability, as `Categorical`/`Normal` compute it.
    func sample(into action: UnsafeMutablePointer<Float>, using generator: inout SeededGenerator) -> Float {
        switch network.kind {
        case .categorical:
            let (index, logProb) = Categorical.sample(logits: actorOutput, using: &generator)
            action[0] = Float(index)
            return logProb
        case .gaussian:
            let logStd = network.logStd!.scalars
            var logProb: Float = 0
            for d in logStd.indices {
                let noise = Float(generator.nextNormal())
                let std = Foundation.exp(logStd[d])
                action[d] = actorOutput[d] + std * noise
                logProb += -0.5 * noise * noise - Foundation.log(std) - Self.halfLogTwoPi
            }
            return logProb
        }
    }

    private static let halfLogTwoPi = Float(0.5 * Foundation.log(2 * Double.pi))
}
