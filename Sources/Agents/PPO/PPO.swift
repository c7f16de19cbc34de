import SeededRandom
import Tensors

/// The lesson's `PPOAgent`: choose actions, fill the rollout buffer, and `update` with the
/// clipped surrogate over several epochs of shuffled minibatches.
///
/// Each sample's new log-probability is compared with its own old one (both `[N]`). Randomness
/// comes from the seed alone, in separate streams for initialisation, action sampling and shuffling.
///
/// ```swift
/// let agent = PPO(observationSize: 4, kind: .categorical(count: 2), config: .lesson, seed: 0)
/// let (action, logProb, value) = agent.chooseAction(state)
/// agent.buffer.store(state: state, action: [Float(action)], logProb: logProb,
///                    reward: 1, value: value, done: false)
/// let stats = agent.update(lastValue: agent.value(of: nextState))
/// ```
public final class PPO {
    /// The hyperparameters.
    public let config: PPOConfig
    /// The actor-critic network being trained.
    public let network: PPONetwork
    /// Adam over every parameter of the network.
    public let optimizer: Adam
    /// One rollout buffer per environment.
    public var buffers: [RolloutBuffer]
    /// Draws the actions (shared by `chooseAction` and the training loop).
    var samplingGenerator: SeededGenerator
    /// The network acting on one state at a time: `chooseAction`, `value(of:)` and rollout collection.
    lazy var actingPolicy = ActingPolicy(network)
    /// The loss's forward and backward pass, fused (`.perSample` pairing).
    private lazy var minibatchPass = PPOMinibatchPass(network: network)
    /// The current minibatch's rows, refilled in place.
    private var minibatch = PPOMinibatch()
    private var shufflingGenerator: SeededGenerator

    /// Creates an agent; `seed` determines the initial weights, the actions drawn and the minibatch order.
    public init(observationSize: Int, kind: PolicyKind, config: PPOConfig = .lesson, seed: Int) {
        config.validate()
        let root = SeededGenerator(seed: seed)
        var initGenerator = root.derived(stream: 1)
        samplingGenerator = root.derived(stream: 2)
        shufflingGenerator = root.derived(stream: 3)
        self.config = config
        network = PPONetwork(observationSize: observationSize, kind: kind, config: config, using: &initGenerator)
        optimizer = Adam(network.parameters, lr: config.learningRate)
        buffers = (0..<config.environmentCount).map { _ in
            RolloutBuffer(observationSize: observationSize, actionSize: kind.actionSize)
        }
    }

    /// The rollout buffer of the first (with one environment, the only) environment.
    public var buffer: RolloutBuffer {
        get { buffers[0] }
        set { buffers[0] = newValue }
    }

    /// Samples a discrete action for `state` without recording gradients; returns it with its
    /// log-probability and the critic's value, as the lesson's `choose_action`.
    public func chooseAction(_ state: [Float]) -> (action: Int, logProb: Float, value: Float) {
        guard case .categorical = network.kind else {
            fatalError("PPO.chooseAction: this agent has a Gaussian policy; call chooseContinuousAction(_:)")
        }
        let (action, logProb, value) = act(state)
        return (Int(action[0]), logProb, value)
    }

    /// Samples a real-valued action (unclipped) for `state`; returns it with its log-probability
    /// (summed over dimensions) and the critic's value.
    public func chooseContinuousAction(_ state: [Float]) -> (action: [Float], logProb: Float, value: Float) {
        guard case .gaussian = network.kind else {
            fatalError("PPO.chooseContinuousAction: this agent has a categorical policy; call chooseAction(_:)")
        }
        return act(state)
    }

    /// The critic's value of `state`.
    public func value(of state: [Float]) -> Float {
        checkSize(of: state)
        return state.withUnsafeBufferPointer { actingPolicy.evaluate($0.baseAddress!) }
    }

    private func act(_ state: [Float]) -> (action: [Float], logProb: Float, value: Float) {
        checkSize(of: state)
        let value = state.withUnsafeBufferPointer { actingPolicy.evaluate($0.baseAddress!) }
        var action = [Float](repeating: 0, count: network.kind.actionSize)
        let logProb = action.withUnsafeMutableBufferPointer { actingPolicy.sample(into: $0.baseAddress!, using: &samplingGenerator) }
        return (action, logProb, value)
    }

    private func checkSize(of state: [Float]) {
        let expected = network.actorTrunk[0].weight.shape[1]
        guard state.count == expected else {
            fatalError("PPO: got a state of \(state.count) values, the network takes \(expected)")
        }
    }

    /// Learns from the single buffer, bootstrapping its cut-off tail from `lastValue`, then clears it.
    @discardableResult
    public func update(lastValue: Float) -> PPOUpdateStats {
        update(lastValues: [lastValue])
    }

    /// Learns from every buffer (`lastValues[i]` bootstraps buffer `i`'s tail), then clears them:
    /// GAE per buffer, advantage normalisation over all, then `epochs` passes of shuffled
    /// minibatches minimising clipped surrogate + `valueCoefficient`·MSE − `entropyCoefficient`·entropy,
    /// with the gradient norm clipped before each Adam step.
    @discardableResult
    public func update(lastValues: [Float]) -> PPOUpdateStats {
        guard lastValues.count == buffers.count else {
            fatalError("PPO.update: needs one last value per buffer (\(buffers.count)), got \(lastValues.count)")
        }
        let batch = RolloutBatch(buffers: buffers, lastValues: lastValues, gamma: config.gamma, lambda: config.lambda,
                                 normalizesAdvantages: config.normalizesAdvantages)
        guard batch.count > 0 else { fatalError("PPO.update: the rollout buffers are empty; store steps first") }
        var stats = PPOUpdateStats(klPerEpoch: [], stoppedEarly: false, clipFraction: 0, policyLoss: 0, valueLoss: 0, entropy: 0)
        var minibatches = 0
        var clippedSamples = 0.0
        for _ in 0..<config.epochs {
            var order = Array(0..<batch.count)
            order.shuffle(using: &shufflingGenerator)
            var klTotal = 0.0
            for start in stride(from: 0, to: batch.count, by: config.batchSize) {
                minibatch.fill(from: batch, rows: order[start..<min(start + config.batchSize, batch.count)])
                let (loss, klSum) = minibatchStep(minibatch)
                klTotal += klSum
                clippedSamples += loss.clipFraction * Double(minibatch.count)
                stats.policyLoss += Double(loss.policyLoss)
                stats.valueLoss += Double(loss.valueLoss)
                stats.entropy += Double(loss.entropy)
                minibatches += 1
            }
            let kl = klTotal / Double(batch.count)
            stats.klPerEpoch.append(kl)
            if let target = config.targetKL, kl > target {
                stats.stoppedEarly = true
                break
            }
        }
        stats.clipFraction = clippedSamples / Double(batch.count * stats.epochsCompleted)
        stats.policyLoss /= Double(minibatches)
        stats.valueLoss /= Double(minibatches)
        stats.entropy /= Double(minibatches)
        for index in buffers.indices { buffers[index].clear() }
        return stats
    }

    /// One gradient step on `minibatch`, as `update` takes one per minibatch: the loss's gradient,
    /// its norm clipped to `maxGradNorm`, then one Adam step. Returns the minibatch's losses.
    @discardableResult
    public func step(on minibatch: PPOMinibatch) -> PPOMinibatchPass.Loss {
        minibatchStep(minibatch).loss
    }

    /// One gradient step: the loss's gradient (the fused pass, or the tape for the `[N, N]` ratio
    /// of `.everyPairAsPrinted`), its norm clipped, then Adam; returns the losses and the KL terms' sum.
    private func minibatchStep(_ minibatch: PPOMinibatch) -> (loss: PPOMinibatchPass.Loss, klSum: Double) {
        let loss: PPOMinibatchPass.Loss
        let klSum: Double
        switch config.ratioPairing {
        case .perSample:
            loss = minibatchPass.run(minibatch, clipEpsilon: config.clipEpsilon, valueCoefficient: config.valueCoefficient,
                                     entropyCoefficient: config.entropyCoefficient)
            klSum = klTermsSum(old: minibatch.oldLogProbs, new: minibatchPass.newLogProbs)
        case .everyPairAsPrinted:
            let newLogProbs: [Float]
            (loss, newLogProbs) = tapeGradient(minibatch)
            klSum = klTermsSum(old: minibatch.oldLogProbs, new: newLogProbs)
        }
        clipGradNorm(optimizer.parameters, maxNorm: config.maxGradNorm)
        optimizer.step()
        return (loss, klSum)
    }

    /// The sum of the KL estimator's terms over each sample's old and new log-probabilities.
    private func klTermsSum<NewLogProbs: Sequence<Float>>(old: [Float], new: NewLogProbs) -> Double {
        var sum = 0.0
        for (old, new) in zip(old, new) {
            sum += config.klEstimator.term(logRatio: Double(new) - Double(old))
        }
        return sum
    }

    /// The loss built on the tape, as the lesson writes it, and its gradient by `backward()`.
    private func tapeGradient(_ minibatch: PPOMinibatch) -> (loss: PPOMinibatchPass.Loss, newLogProbs: [Float]) {
        let states = Tensor(minibatch.states, shape: [minibatch.count, minibatch.states.count / minibatch.count])
        let (output, values) = network.forward(states)
        let (newLogProbs, entropies) = network.logProbsAndEntropy(actorOutput: output, actions: minibatch.actions)
        let surrogate = ClippedSurrogate(newLogProbs: newLogProbs, oldLogProbs: Tensor(minibatch.oldLogProbs),
                                         advantages: Tensor(minibatch.advantages),
                                         clipEpsilon: config.clipEpsilon, pairing: config.ratioPairing)
        let valueLoss = mseLoss(values, Tensor(minibatch.returns))
        let entropy = entropies.mean()
        let loss = surrogate.loss + config.valueCoefficient * valueLoss - config.entropyCoefficient * entropy
        optimizer.zeroGrad()
        loss.backward()
        return (PPOMinibatchPass.Loss(total: loss.item, policyLoss: surrogate.loss.item, valueLoss: valueLoss.item,
                                      entropy: entropy.item, clipFraction: surrogate.clipFraction), newLogProbs.scalars)
    }
}
