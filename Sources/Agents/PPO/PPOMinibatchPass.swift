import Foundation
import Tensors

/// PPO's loss on one minibatch, forward and backward through a `PPONetwork` in one fused pass:
/// no graph, no tensor per operation, the same buffers reused from step to step.
///
/// It computes exactly what the tape computes for the loss `PPO.update` minimises, the clipped
/// surrogate (each sample's ratio against its own old log-probability) + `valueCoefficient`·MSE
/// − `entropyCoefficient`·entropy, values and gradients bit for bit: every operation's arithmetic,
/// and where gradients meet (a shared trunk, the log-softmax, the standard deviation) the order
/// in which the tape's backward pass adds them.
///
/// ```swift
/// let pass = PPOMinibatchPass(network: agent.network)
/// let loss = pass.run(minibatch, clipEpsilon: 0.2, valueCoefficient: 0.5, entropyCoefficient: 0.01)
/// clipGradNorm(agent.optimizer.parameters, maxNorm: 0.5)
/// agent.optimizer.step()
/// ```
public final class PPOMinibatchPass {
    /// The loss and the numbers an update reports, from the latest `run`.
    public struct Loss: Equatable {
        /// The minimised total: policy loss + `valueCoefficient`·value loss − `entropyCoefficient`·entropy.
        public var total: Float
        /// The clipped surrogate's loss, `-mean(min(r·A, clip(r, 1-ε, 1+ε)·A))`.
        public var policyLoss: Float
        /// The mean squared error of the values against the returns.
        public var valueLoss: Float
        /// The mean entropy of the policy over the minibatch.
        public var entropy: Float
        /// The fraction of ratios outside `[1-ε, 1+ε]`.
        public var clipFraction: Double
    }

    /// The network whose parameters get the gradients.
    public let network: PPONetwork

    private let actorWidth: Int
    /// The buffers of the latest run, replaced by larger ones when a minibatch has more rows.
    private var workspace: Workspace
    /// The Gaussian's standard deviations.
    private let std: UnsafeMutablePointer<Float>
    /// The rows of the latest run.
    private var lastCount = 0

    /// Creates the pass for `network`, reading its current weights on every run.
    public init(network: PPONetwork) {
        self.network = network
        actorWidth = network.kind.actorOutputSize
        std = .allocate(capacity: actorWidth)
        workspace = Workspace(rows: 0, network: network)
    }

    deinit {
        std.deallocate()
    }

    /// The new log-probability of each sample's action from the latest `run` (valid until the next).
    public var newLogProbs: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: workspace.logProbs, count: lastCount) }

    /// Computes the loss on `minibatch` and sets every parameter's `grad` to its gradient, as
    /// `zeroGrad()` and then `backward()` on the tape's loss would.
    public func run(_ minibatch: PPOMinibatch, clipEpsilon: Float, valueCoefficient: Float, entropyCoefficient: Float) -> Loss {
        let rows = minibatch.count
        let observationSize = network.actorTrunk[0].weight.shape[1]
        guard minibatch.states.count == rows * observationSize, minibatch.actions.count == rows * network.kind.actionSize else {
            fatalError("PPOMinibatchPass.run: \(rows) rows need \(rows * observationSize) state values and \(rows * network.kind.actionSize) action values, got \(minibatch.states.count) and \(minibatch.actions.count)")
        }
        if rows > workspace.rows { workspace = Workspace(rows: rows, network: network) }
        lastCount = rows
        return minibatch.states.withUnsafeBufferPointer { states in
            minibatch.actions.withUnsafeBufferPointer { actions in
                forward(states.baseAddress!, actions.baseAddress!, rows: rows)
                let loss = lossGradients(minibatch, rows: rows, clipEpsilon: clipEpsilon,
                                         valueCoefficient: valueCoefficient, entropyCoefficient: entropyCoefficient)
                backward(states.baseAddress!, actions.baseAddress!, rows: rows)
                return loss
            }
        }
    }

    // MARK: Forward

    /// Trunks, heads and the policy's log-probabilities and entropies.
    private func forward(_ states: UnsafePointer<Float>, _ actions: UnsafePointer<Float>, rows: Int) {
        Self.forward(network.actorTrunk, states, rows: rows, into: workspace.actorHidden)
        let actorFeatures = UnsafePointer(workspace.actorHidden[workspace.actorHidden.count - 1])
        var criticFeatures = actorFeatures
        if !network.sharesTrunk {
            Self.forward(network.criticTrunk, states, rows: rows, into: workspace.criticHidden)
            criticFeatures = UnsafePointer(workspace.criticHidden[workspace.criticHidden.count - 1])
        }
        LinearKernels.forward(criticFeatures, rows: rows, weight: network.critic.weight, bias: network.critic.bias,
                              activation: nil, into: workspace.values)
        LinearKernels.forward(actorFeatures, rows: rows, weight: network.actor.weight, bias: network.actor.bias,
                              activation: nil, into: workspace.actorOutput)
        switch network.kind {
        case .categorical:
            for row in 0..<rows { workspace.actionIndices[row] = Int(actions[row]) }
            Categorical.logProbsAndEntropies(logits: workspace.actorOutput, rows: rows, count: actorWidth, actions: workspace.actionIndices,
                                             normalised: workspace.policyScratch, probabilities: workspace.probabilities,
                                             logProbs: workspace.logProbs, entropies: workspace.entropies)
        case .gaussian:
            network.logStd!.scalars.withUnsafeBufferPointer { logStd in
                Normal.logProbsAndEntropies(means: workspace.actorOutput, logStd: logStd.baseAddress!, actions: actions, rows: rows,
                                            dimensions: actorWidth, std: std, standardised: workspace.policyScratch,
                                            logProbs: workspace.logProbs, entropies: workspace.entropies)
            }
        }
    }

    private static func forward(_ trunk: [Linear], _ states: UnsafePointer<Float>, rows: Int,
                                into outputs: [UnsafeMutablePointer<Float>]) {
        var input = states
        for (layer, output) in zip(trunk, outputs) {
            LinearKernels.forward(input, rows: rows, weight: layer.weight, bias: layer.bias, activation: .tanh, into: output)
            input = UnsafePointer(output)
        }
    }

    // MARK: Loss

    /// The loss and its gradients with respect to each log-probability, entropy and value, operation by
    /// operation as the tape builds them (`ClippedSurrogate`, `mseLoss`, `mean()`, the weighted sum).
    private func lossGradients(_ minibatch: PPOMinibatch, rows: Int, clipEpsilon: Float,
                               valueCoefficient: Float, entropyCoefficient: Float) -> Loss {
        let inverseCount = 1 / Float(rows)
        let (lower, upper) = (1 - clipEpsilon, 1 + clipEpsilon)
        var surrogateSum: Float = 0, squaredErrorSum: Float = 0, entropySum: Float = 0
        var outside = 0
        let ratios = workspace.ratios
        for row in 0..<rows {
            let ratio = Foundation.exp(workspace.logProbs[row] - minibatch.oldLogProbs[row])
            ratios[row] = ratio
            let advantage = minibatch.advantages[row]
            surrogateSum += Swift.min(ratio * advantage, Swift.min(Swift.max(ratio, lower), upper) * advantage)
            if ratio < lower || ratio > upper { outside += 1 }
            let error = workspace.values[row] - minibatch.returns[row]
            squaredErrorSum += error * error
            entropySum += workspace.entropies[row]
        }
        let policyLoss = -(surrogateSum * inverseCount)
        let valueLoss = squaredErrorSum * inverseCount
        let entropy = entropySum * inverseCount
        let total = (policyLoss + valueLoss * valueCoefficient) - entropy * entropyCoefficient
        guard total.isFinite else {
            fatalError("backward: the loss is \(total) (computed by Tensor.sub); look for log of 0, division by 0 or exploding values upstream")
        }

        let sumGradient: Float = 0 + 1 * 1
        let entropyTermGradient: Float = 0 + 1 * -1
        let policySumGradient: Float = 0 + (0 + (0 + sumGradient * 1) * -1) * inverseCount
        let squaredErrorSumGradient: Float = 0 + (0 + (0 + sumGradient * 1) * valueCoefficient) * inverseCount
        let entropySumGradient: Float = 0 + (0 + entropyTermGradient * entropyCoefficient) * inverseCount
        for row in 0..<rows {
            let ratio = ratios[row]
            let advantage = minibatch.advantages[row]
            let unclipped = ratio * advantage, clipped = Swift.min(Swift.max(ratio, lower), upper) * advantage
            let minimumGradient: Float = 0 + policySumGradient
            let (toUnclipped, toClipped): (Float, Float) =
                unclipped < clipped ? (1, 0) : (unclipped > clipped ? (0, 1) : (0.5, 0.5))
            let unclippedGradient: Float = 0 + minimumGradient * toUnclipped
            let clippedGradient: Float = 0 + minimumGradient * toClipped
            var ratioGradient: Float = 0 + unclippedGradient * advantage
            let clampedGradient: Float = 0 + clippedGradient * advantage
            ratioGradient += clampedGradient * (ratio >= lower && ratio <= upper ? 1 : 0)
            workspace.logProbGradients[row] = 0 + (0 + ratioGradient * ratio) * 1

            let error = workspace.values[row] - minibatch.returns[row]
            let squareGradient: Float = 0 + squaredErrorSumGradient
            let errorGradient: Float = (0 + squareGradient * error) + squareGradient * error
            workspace.valueGradients[row] = 0 + (0 + errorGradient * 1)

            workspace.entropyGradients[row] = 0 + entropySumGradient
        }
        return Loss(total: total, policyLoss: policyLoss, valueLoss: valueLoss, entropy: entropy,
                    clipFraction: Double(outside) / Double(rows))
    }

    // MARK: Backward

    /// The policy's gradient, then the heads', then the trunks'.
    private func backward(_ states: UnsafePointer<Float>, _ actions: UnsafePointer<Float>, rows: Int) {
        switch network.kind {
        case .categorical:
            Categorical.logitGradients(logProbGradients: workspace.logProbGradients, entropyGradients: workspace.entropyGradients,
                                       normalised: workspace.policyScratch, probabilities: workspace.probabilities, actions: workspace.actionIndices,
                                       rows: rows, count: actorWidth, into: workspace.actorOutputGradients)
        case .gaussian:
            let logStd = network.logStd!
            logStd.withFreshGradient { logStdGradient in
                Normal.gradients(logProbGradients: workspace.logProbGradients, entropyGradients: workspace.entropyGradients,
                                 means: workspace.actorOutput, actions: actions, std: std, standardised: workspace.policyScratch,
                                 rows: rows, dimensions: actorWidth, meanGradients: workspace.actorOutputGradients,
                                 logStdGradients: logStdGradient)
            }
        }
        let actorFeatures = UnsafePointer(workspace.actorHidden[workspace.actorHidden.count - 1])
        let actorFeatureGradients = workspace.hiddenGradients[0]
        if network.sharesTrunk {
            // The tape's backward pass reaches the shared features from the critic first when the
            // entropy path runs through the actor head (categorical), from the actor first otherwise.
            if case .categorical = network.kind {
                backwardHead(network.critic, workspace.valueGradients, input: actorFeatures, rows: rows, into: actorFeatureGradients, fromZero: true)
                backwardHead(network.actor, workspace.actorOutputGradients, input: actorFeatures, rows: rows, into: actorFeatureGradients, fromZero: false)
            } else {
                backwardHead(network.actor, workspace.actorOutputGradients, input: actorFeatures, rows: rows, into: actorFeatureGradients, fromZero: true)
                backwardHead(network.critic, workspace.valueGradients, input: actorFeatures, rows: rows, into: actorFeatureGradients, fromZero: false)
            }
            backwardTrunk(network.actorTrunk, hidden: workspace.actorHidden, states: states, rows: rows, gradients: workspace.hiddenGradients[0..<4])
        } else {
            backwardHead(network.actor, workspace.actorOutputGradients, input: actorFeatures, rows: rows, into: actorFeatureGradients, fromZero: true)
            let criticFeatureGradients = workspace.hiddenGradients[4]
            backwardHead(network.critic, workspace.valueGradients, input: UnsafePointer(workspace.criticHidden[workspace.criticHidden.count - 1]),
                         rows: rows, into: criticFeatureGradients, fromZero: true)
            backwardTrunk(network.actorTrunk, hidden: workspace.actorHidden, states: states, rows: rows, gradients: workspace.hiddenGradients[0..<4])
            backwardTrunk(network.criticTrunk, hidden: workspace.criticHidden, states: states, rows: rows, gradients: workspace.hiddenGradients[4..<8])
        }
    }

    /// A head without activation: its weight and bias gradients, and its input's added into `inputGradients`
    /// (written there as `0 + gradient` when `fromZero`, for the first head to reach the features).
    private func backwardHead(_ head: Linear, _ outputGradients: UnsafePointer<Float>, input: UnsafePointer<Float>,
                              rows: Int, into inputGradients: UnsafeMutablePointer<Float>, fromZero: Bool) {
        head.setGradients(outputGradients: outputGradients, input: input, rows: rows)
        LinearKernels.addInputGradient(outputGradients, rows: rows, weight: head.weight, into: inputGradients, fromZero: fromZero)
    }

    /// A Tanh trunk from its output's gradient (in the first of `gradients`; the other three are scratch).
    private func backwardTrunk(_ trunk: [Linear], hidden: [UnsafeMutablePointer<Float>], states: UnsafePointer<Float>,
                               rows: Int, gradients: ArraySlice<UnsafeMutablePointer<Float>>) {
        let first = gradients.startIndex
        Linear.backward(trunk, rows: rows, input: states, outputGradient: gradients[first],
                        activation: { _ in .tanh }, output: { UnsafePointer(hidden[$0]) },
                        beforeActivation: gradients[first + 1], spare: gradients[first + 2], otherSpare: gradients[first + 3])
    }
}

/// The buffers of a `PPOMinibatchPass` for up to `rows` rows.
private final class Workspace {
    let rows: Int
    /// Each trunk layer's output (after Tanh), per trunk.
    let actorHidden: [UnsafeMutablePointer<Float>]
    let criticHidden: [UnsafeMutablePointer<Float>]
    /// Gradients of hidden activations, four per trunk: the trunk's output gradient, then `Linear.backward`'s scratch.
    let hiddenGradients: [UnsafeMutablePointer<Float>]
    let actorOutput: UnsafeMutablePointer<Float>
    /// The categorical's normalised logits, or the Gaussian's z-scores.
    let policyScratch: UnsafeMutablePointer<Float>
    /// The categorical's probabilities.
    let probabilities: UnsafeMutablePointer<Float>
    let actorOutputGradients: UnsafeMutablePointer<Float>
    let values: UnsafeMutablePointer<Float>
    let logProbs: UnsafeMutablePointer<Float>
    let entropies: UnsafeMutablePointer<Float>
    /// The probability ratios `exp(new - old)`.
    let ratios: UnsafeMutablePointer<Float>
    let logProbGradients: UnsafeMutablePointer<Float>
    let entropyGradients: UnsafeMutablePointer<Float>
    let valueGradients: UnsafeMutablePointer<Float>
    let actionIndices: UnsafeMutablePointer<Int>

    init(rows: Int, network: PPONetwork) {
        self.rows = rows
        let hiddenValues = rows * network.actorTrunk.map { $0.weight.shape[0] }.max()!
        let actorValues = rows * network.kind.actorOutputSize
        actorHidden = network.actorTrunk.map { _ in .allocate(capacity: hiddenValues) }
        criticHidden = network.sharesTrunk ? [] : network.criticTrunk.map { _ in .allocate(capacity: hiddenValues) }
        hiddenGradients = (0..<8).map { _ in .allocate(capacity: hiddenValues) }
        actorOutput = .allocate(capacity: actorValues)
        policyScratch = .allocate(capacity: actorValues)
        probabilities = .allocate(capacity: actorValues)
        actorOutputGradients = .allocate(capacity: actorValues)
        values = .allocate(capacity: rows)
        logProbs = .allocate(capacity: rows)
        entropies = .allocate(capacity: rows)
        ratios = .allocate(capacity: rows)
        logProbGradients = .allocate(capacity: rows)
        entropyGradients = .allocate(capacity: rows)
        valueGradients = .allocate(capacity: rows)
        actionIndices = .allocate(capacity: rows)
    }

    deinit {
        for buffer in actorHidden + criticHidden + hiddenGradients { buffer.deallocate() }
        for buffer in [actorOutput, policyScratch, probabilities, actorOutputGradients, values, logProbs, entropies, ratios,
                       logProbGradients, entropyGradients, valueGradients] { buffer.deallocate() }
        actionIndices.deallocate()
    }
}
