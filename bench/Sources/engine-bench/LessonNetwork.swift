import RL

/// The lesson's PPO network: a shared 4 -> 64 -> 64 tanh trunk with a 2-way actor
/// head and a value head, plus the Adam optimiser over all of it.
final class LessonNetwork {
    let shared = Sequential(Linear(4, 64), Tanh(), Linear(64, 64), Tanh())
    let actor = Linear(64, 2)
    let critic = Linear(64, 1)
    lazy var optimizer = Adam(shared.parameters + actor.parameters + critic.parameters, lr: 3e-4)

    /// The dense layers, `(inputs, outputs)`: trunk, actor head, critic head.
    static let layers = [(4, 64), (64, 64), (64, 2), (64, 1)]

    /// One acting forward pass for a single state, without gradients.
    func forward(state: Tensor) -> (logits: Tensor, value: Tensor) {
        noGrad {
            let features = shared(state.unsqueeze(0))
            return (actor(features), critic(features))
        }
    }

    /// One PPO minibatch update as the lesson writes it.
    func update(states: Tensor, actions: [Int], oldLogProbs: Tensor, returns: Tensor, advantages: Tensor) {
        let eps: Float = 0.2
        let features = shared(states)
        let dist = Categorical(logits: actor(features))
        let newLogProbs = dist.logProb(actions)
        let entropy = dist.entropy().mean()
        let ratio = (newLogProbs - oldLogProbs).exp()
        let surr1 = ratio * advantages
        let surr2 = ratio.clamp(min: 1 - eps, max: 1 + eps) * advantages
        let actorLoss = -minimum(surr1, surr2).mean()
        let criticLoss = mseLoss(critic(features).squeeze(), returns)
        let loss = actorLoss + 0.5 * criticLoss - 0.01 * entropy
        optimizer.zeroGrad()
        loss.backward()
        clipGradNorm(optimizer.parameters, maxNorm: 0.5)
        optimizer.step()
    }
}
