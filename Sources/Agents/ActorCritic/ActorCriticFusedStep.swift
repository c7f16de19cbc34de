import Tensors

/// The per-step Actor-Critic loss on separate actor and critic networks, forward and backward
/// in one pass on one transition: no graph, no tensor per operation, the same buffers reused
/// from step to step.
///
/// It computes what the tape computes for the loss of ``ActorCritic/update(state:action:reward:nextState:bootstraps:beta:)``,
/// `-log π(a|s)·δ + 0.5·δ² - β·entropy`, bit for bit: the layers through `LinearKernels`, the policy
/// through the categorical's row kernels, the activations through their shared derivative, and the
/// scalar part operation by operation as the tape's backward pass runs it.
final class ActorCriticFusedStep {
    /// The policy network: state in, one logit per action out.
    let actor: FeedForwardNetwork
    /// The value network: state in, one value out.
    let critic: FeedForwardNetwork

    /// The log-softmax of the logits, their probabilities, and the logits' gradient.
    private let normalised, probabilities, logitGradients: UnsafeMutablePointer<Float>
    /// Scratch for `Linear.backward`: a gradient before the activation, and two layer outputs' gradients.
    private let beforeActivation, spare, otherSpare: UnsafeMutablePointer<Float>

    /// Creates the pass over `actor` and `critic`, reading their current weights on every run.
    init(actor: FeedForwardNetwork, critic: FeedForwardNetwork) {
        self.actor = actor
        self.critic = critic
        let actions = actor.outputSize
        normalised = .allocate(capacity: actions)
        probabilities = .allocate(capacity: actions)
        logitGradients = .allocate(capacity: actions)
        let widest = (actor.sizes.dropFirst() + critic.sizes.dropFirst()).max()!
        beforeActivation = .allocate(capacity: widest)
        spare = .allocate(capacity: widest)
        otherSpare = .allocate(capacity: widest)
    }

    deinit {
        for buffer in [normalised, probabilities, logitGradients, beforeActivation, spare, otherSpare] { buffer.deallocate() }
    }

    /// Sets every parameter's `grad` to the gradient of the loss for the transition, as `zeroGrad()`
    /// and then `backward()` on the tape's loss would, and returns δ = `reward + γ·V(nextState)·[bootstraps] - V(state)`.
    func run(state: [Float], action: Int, reward: Float, nextState: [Float], bootstraps: Bool,
             gamma: Float, beta: Float) -> Float {
        let nextValue = bootstraps ? critic.rowEvaluator.evaluate(nextState)[0] : 0
        let value = critic.rowEvaluator.evaluate(state)[0]
        let advantage = reward + gamma * nextValue - value
        let logits = actor.rowEvaluator.evaluate(state)

        var chosen = action
        var logProb: Float = 0, entropy: Float = 0
        Categorical.logProbsAndEntropies(logits: logits.baseAddress!, rows: 1, count: logits.count, actions: &chosen,
                                         normalised: normalised, probabilities: probabilities,
                                         logProbs: &logProb, entropies: &entropy)
        let loss = -(logProb * advantage) + 0.5 * (advantage * advantage) - beta * entropy
        guard loss.isFinite else {
            fatalError("backward: the loss is \(loss) (computed by Tensor.sub); look for log of 0, division by 0 or exploding values upstream")
        }

        // The tape's backward pass through (actorLoss + 0.5·criticLoss) - β·entropy.mean(), operation by
        // operation, each adding into zero.
        let sumGradient: Float = 0 + 1 * 1                                      // the subtraction, left
        let entropyTermGradient: Float = 0 + 1 * -1                             // the subtraction, right
        let actorLossGradient: Float = 0 + sumGradient * 1                      // the sum, left
        let criticLossGradient: Float = 0 + (0 + sumGradient * 1) * 0.5         // the sum, right; × 0.5
        let advantageGradient: Float = 0 + criticLossGradient * (2 * advantage) // pow(2)
        var valueGradient: Float = 0 + (0 + advantageGradient * -1)             // target - value; squeeze
        var logProbGradient: Float = 0 + (0 + (0 + actorLossGradient * -1)) * advantage  // neg; sum; × δ
        var entropyGradient: Float = 0 + (0 + (0 + entropyTermGradient * beta) * 1)     // × β; mean's × 1/1; its sum

        Categorical.logitGradients(logProbGradients: &logProbGradient, entropyGradients: &entropyGradient,
                                   normalised: normalised, probabilities: probabilities, actions: &chosen,
                                   rows: 1, count: logits.count, into: logitGradients)
        backward(actor, outputGradients: logitGradients, input: state)
        backward(critic, outputGradients: &valueGradient, input: state)
        return advantage
    }

    /// Sets the parameters' gradients of `network` for `input`, its row evaluator's latest input,
    /// from the gradient of its outputs.
    private func backward(_ network: FeedForwardNetwork, outputGradients dy: UnsafePointer<Float>, input: [Float]) {
        let last = network.layers.count - 1
        input.withUnsafeBufferPointer { input in
            Linear.backward(network.layers, rows: 1, input: input.baseAddress!, outputGradient: dy,
                            activation: { $0 == last ? nil : network.activation },
                            output: { network.rowEvaluator.output(ofLayer: $0).baseAddress! },
                            beforeActivation: beforeActivation, spare: spare, otherSpare: otherSpare)
        }
    }
}
