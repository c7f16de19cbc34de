import Tensors

extension ActorCritic {
    /// Samples an action for `state` from the actor's softmax, without recording gradients.
    public func chooseAction(_ state: [Float]) -> Int {
        if let fusedStep {
            return Categorical.sample(logits: fusedStep.actor.rowEvaluator.evaluate(state), using: &sampler).index
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
    /// With separate networks this runs as one fused pass over the weights, through the engine's
    /// dense-layer and categorical kernels, giving the same bits autodiff gives; with a shared trunk
    /// it runs on tensors with autodiff, exactly as the lesson's loop is written.
    @discardableResult
    public func update(state: [Float], action: Int, reward: Double, nextState: [Float], bootstraps: Bool, beta: Float) -> Float {
        guard (0..<actionCount).contains(action) else {
            fatalError("ActorCritic.update: action \(action) is out of range 0..<\(actionCount)")
        }
        let advantage = fusedStep?.run(state: state, action: action, reward: Float(reward), nextState: nextState,
                                       bootstraps: bootstraps, gamma: gamma, beta: beta)
            ?? tapeGradients(state: state, action: action, reward: Float(reward), nextState: nextState,
                             bootstraps: bootstraps, beta: beta)
        if maxGradNorm.isFinite { clipGradNorm(allParameters, maxNorm: maxGradNorm) }
        optimizer.step()
        return advantage
    }

    /// Sets every parameter's `grad` with autodiff on tensors and returns δ.
    private func tapeGradients(state: [Float], action: Int, reward: Float, nextState: [Float], bootstraps: Bool, beta: Float) -> Float {
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
        return advantage.item
    }
}
