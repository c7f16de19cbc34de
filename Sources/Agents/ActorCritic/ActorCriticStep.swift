import Foundation
import Tensors

extension ActorCritic {
    /// Samples an action for `state` from the actor's softmax, without recording gradients.
    public func chooseAction(_ state: [Float]) -> Int {
        if let networks = separateNetworks {
            return Categorical.sample(logits: networks.actor.rowEvaluator.evaluate(state), using: &sampler).index
        }
        let logits = noGrad { actor(features(Tensor(state))) }
        return logits.scalars.withUnsafeBufferPointer { Categorical.sample(logits: $0, using: &sampler).index }
    }

    /// One step of the lesson's per-step update for the transition `state, action, reward,
    /// nextState`: with δ = `reward + γ · V(nextState) · [bootstraps] - V(state)` (the next
    /// value without gradient), the loss `-log π(action|state) · δ + 0.5 · δ² - beta · entropy`
    /// (δ without gradient in the actor term) is backpropagated, the gradients are clipped to
    /// ``maxGradNorm`` and the optimiser steps. Returns δ.
    ///
    /// With separate networks this runs as one fused pass over the weights (gradients
    /// worked out by hand, the same values autodiff gives); with a shared trunk it runs on
    /// tensors with autodiff, exactly as the lesson's loop is written.
    @discardableResult
    public func update(state: [Float], action: Int, reward: Double, nextState: [Float], bootstraps: Bool, beta: Float) -> Float {
        guard (0..<actionCount).contains(action) else {
            fatalError("ActorCritic.update: action \(action) is out of range 0..<\(actionCount)")
        }
        if let networks = separateNetworks {
            return fusedUpdate(networks, state: state, action: action, reward: Float(reward), nextState: nextState,
                               bootstraps: bootstraps, beta: beta)
        }
        return tensorUpdate(state: state, action: action, reward: Float(reward), nextState: nextState,
                            bootstraps: bootstraps, beta: beta)
    }

    private func tensorUpdate(state: [Float], action: Int, reward: Float, nextState: [Float], bootstraps: Bool, beta: Float) -> Float {
        let feats = features(Tensor(state, shape: [1, state.count]))
        let dist = Categorical(logits: actor(feats))
        let value = critic(feats).squeeze()
        let nextValue = noGrad { critic(features(Tensor(nextState, shape: [1, nextState.count]))).squeeze() }
        let target = reward + gamma * nextValue * (bootstraps ? 1 : 0)
        let advantage = target - value
        let actorLoss = -(dist.logProb([action]) * advantage.detach()).sum()
        let criticLoss = advantage.pow(2)
        let entropy = dist.entropy().mean()
        let loss = actorLoss + 0.5 * criticLoss - beta * entropy
        optimizer.zeroGrad()
        loss.backward()
        clipGradNorm(allParameters, maxNorm: maxGradNorm)
        optimizer.step()
        return advantage.item
    }

    private func fusedUpdate(_ networks: (actor: FeedForwardNetwork, critic: FeedForwardNetwork), state: [Float],
                             action: Int, reward: Float, nextState: [Float], bootstraps: Bool, beta: Float) -> Float {
        let nextValue = bootstraps ? networks.critic.rowEvaluator.evaluate(nextState)[0] : 0
        let value = networks.critic.rowEvaluator.evaluate(state)[0]
        let criticHidden = Array(networks.critic.rowEvaluator.output(ofLayer: 0))
        let advantage = reward + gamma * nextValue - value

        // Actor: d loss / d logits = δ (p - onehot(a)) + β p (log p + H).
        let logits = Array(networks.actor.rowEvaluator.evaluate(state))
        let actorHidden = Array(networks.actor.rowEvaluator.output(ofLayer: 0))
        let largest = logits.max()!
        let logNormaliser = largest + Foundation.log(logits.reduce(0) { $0 + Foundation.exp($1 - largest) })
        let logProbs = logits.map { $0 - logNormaliser }
        let probs = logProbs.map { Foundation.exp($0) }
        let entropy = -zip(probs, logProbs).reduce(0) { $0 + $1.0 * $1.1 }
        var logitGradient = [Float](repeating: 0, count: logits.count)
        for index in logits.indices {
            let chosen: Float = index == action ? 1 : 0
            logitGradient[index] = advantage * (probs[index] - chosen) + beta * probs[index] * (logProbs[index] + entropy)
        }
        // Critic: d (0.5 δ²) / d V = -δ.
        backpropagate(logitGradient, through: networks.actor, input: state, hidden: actorHidden)
        backpropagate([-advantage], through: networks.critic, input: state, hidden: criticHidden)
        if maxGradNorm.isFinite { clipGradNorm(allParameters, maxNorm: maxGradNorm) }
        optimizer.step()
        return advantage
    }

    /// Sets the `grad` of a one-hidden-layer network's parameters for one input, given its
    /// hidden activations for that input and the gradient of the loss with respect to its outputs.
    private func backpropagate(_ outputGradient: [Float], through network: FeedForwardNetwork, input: [Float], hidden: [Float]) {
        let (hiddenLayer, outputLayer) = (network.layers[0], network.layers[1])
        let (inputs, width, outputs) = (network.sizes[0], network.sizes[1], network.sizes[2])
        var outputWeightGradient = [Float](repeating: 0, count: outputs * width)
        var hiddenGradient = [Float](repeating: 0, count: width)
        outputLayer.weight.scalars.withUnsafeBufferPointer { weights in
            for row in 0..<outputs {
                let g = outputGradient[row]
                for column in 0..<width {
                    outputWeightGradient[row * width + column] = g * hidden[column]
                    hiddenGradient[column] += g * weights[row * width + column]
                }
            }
        }
        for column in 0..<width {
            let slope: Float = network.activation == .relu ? (hidden[column] > 0 ? 1 : 0) : 1 - hidden[column] * hidden[column]
            hiddenGradient[column] *= slope
        }
        var hiddenWeightGradient = [Float](repeating: 0, count: width * inputs)
        for row in 0..<width {
            for column in 0..<inputs { hiddenWeightGradient[row * inputs + column] = hiddenGradient[row] * input[column] }
        }
        hiddenLayer.weight.grad = Tensor(hiddenWeightGradient, shape: [width, inputs])
        hiddenLayer.bias!.grad = Tensor(hiddenGradient)
        outputLayer.weight.grad = Tensor(outputWeightGradient, shape: [outputs, width])
        outputLayer.bias!.grad = Tensor(outputGradient)
    }
}
