import Agents
import SeededRandom
import Tensors
import Testing

/// PPO learns through a fused forward and backward pass; it must give, bit for bit, the loss and
/// gradients of the tape's loss written as the lesson writes it, for either policy and either architecture.
@Suite struct PPOMinibatchPassTests {
    struct Case: CustomStringConvertible, Sendable {
        let kind: PolicyKind
        let observationSize: Int
        let architecture: PPOConfig.Architecture
        let initialization: PPOConfig.Initialization
        let rows: Int
        var description: String { "\(kind) \(architecture) \(initialization) \(rows) rows" }
    }

    static let cases: [Case] = [
        Case(kind: .categorical(count: 2), observationSize: 4, architecture: .sharedTrunk, initialization: .pytorchDefault, rows: 64),
        Case(kind: .categorical(count: 2), observationSize: 4, architecture: .separateNetworks, initialization: .orthogonal, rows: 64),
        Case(kind: .categorical(count: 3), observationSize: 6, architecture: .sharedTrunk, initialization: .orthogonal, rows: 37),
        Case(kind: .categorical(count: 3), observationSize: 6, architecture: .separateNetworks, initialization: .pytorchDefault, rows: 5),
        Case(kind: .gaussian(low: [-2], high: [2]), observationSize: 3, architecture: .sharedTrunk, initialization: .pytorchDefault, rows: 64),
        Case(kind: .gaussian(low: [-2], high: [2]), observationSize: 3, architecture: .separateNetworks, initialization: .orthogonal, rows: 64),
        Case(kind: .gaussian(low: [-1, -1], high: [1, 1]), observationSize: 5, architecture: .sharedTrunk, initialization: .orthogonal, rows: 29),
        Case(kind: .gaussian(low: [-1, -1], high: [1, 1]), observationSize: 5, architecture: .separateNetworks, initialization: .pytorchDefault, rows: 64),
    ]

    @Test(arguments: cases)
    func theFusedPassGivesTheTapesLossAndGradients(_ testCase: Case) {
        var config = PPOConfig.lesson
        config.architecture = testCase.architecture
        config.initialization = testCase.initialization
        config.hiddenSize = 24
        config.initialLogStd = -0.4
        var generator = SeededGenerator(seed: testCase.rows)
        let network = PPONetwork(observationSize: testCase.observationSize, kind: testCase.kind, config: config, using: &generator)
        let optimizer = Adam(network.parameters, lr: 0.05)
        let pass = PPOMinibatchPass(network: network)
        // Several steps, so that the weights move and ratios leave the clip range.
        for step in 0..<4 {
            let minibatch = randomMinibatch(testCase, network: network, using: &generator)
            for coefficients in [(value: Float(0.5), entropy: Float(0.01)), (value: 1, entropy: 0)] {
                let (tapeLoss, tapeLogProbs, tapeGradients) = tape(network, minibatch, clipEpsilon: config.clipEpsilon,
                                                                   valueCoefficient: coefficients.value,
                                                                   entropyCoefficient: coefficients.entropy)
                let loss = pass.run(minibatch, clipEpsilon: config.clipEpsilon, valueCoefficient: coefficients.value,
                                    entropyCoefficient: coefficients.entropy)
                let gradients = network.parameters.map { bits($0.grad!.scalars) }
                #expect(bits([loss.total, loss.policyLoss, loss.valueLoss, loss.entropy]) == bits(tapeLoss.values),
                        "\(testCase), step \(step)")
                #expect(loss.clipFraction == tapeLoss.clipFraction)
                #expect(bits(Array(pass.newLogProbs)) == bits(tapeLogProbs), "\(testCase), step \(step)")
                for (index, (fused, taped)) in zip(gradients, tapeGradients).enumerated() {
                    #expect(fused == taped, "\(testCase), step \(step): parameter \(index) differs")
                }
            }
            clipGradNorm(optimizer.parameters, maxNorm: 0.5)
            optimizer.step()
        }
    }

    @Test func aLargerMinibatchAfterASmallerOneIsHandled() {
        var generator = SeededGenerator(seed: 9)
        let testCase = Self.cases[0]
        let network = PPONetwork(observationSize: 4, kind: testCase.kind, config: .lesson, using: &generator)
        let pass = PPOMinibatchPass(network: network)
        for rows in [3, 64, 10] {
            let minibatch = randomMinibatch(Case(kind: testCase.kind, observationSize: 4, architecture: .sharedTrunk,
                                                 initialization: .pytorchDefault, rows: rows), network: network, using: &generator)
            let loss = pass.run(minibatch, clipEpsilon: 0.2, valueCoefficient: 0.5, entropyCoefficient: 0.01)
            let (tapeLoss, _, tapeGradients) = tape(network, minibatch, clipEpsilon: 0.2, valueCoefficient: 0.5, entropyCoefficient: 0.01)
            #expect(bits([loss.total]) == bits([tapeLoss.values[0]]))
            #expect(pass.newLogProbs.count == rows)
            _ = pass.run(minibatch, clipEpsilon: 0.2, valueCoefficient: 0.5, entropyCoefficient: 0.01)
            #expect(network.parameters.map { bits($0.grad!.scalars) } == tapeGradients)
        }
    }

    private func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

    /// Random states, actions drawn near the policy (so that the ratios are near 1, some clipped),
    /// advantages and returns.
    private func randomMinibatch(_ testCase: Case, network: PPONetwork, using generator: inout SeededGenerator) -> PPOMinibatch {
        let rows = testCase.rows
        let states = (0..<(rows * testCase.observationSize)).map { _ in Float(generator.nextNormal()) }
        let actions: [Float]
        switch testCase.kind {
        case .categorical(let count):
            actions = (0..<rows).map { _ in Float(Int(generator.nextDouble() * Double(count))) }
        case .gaussian(let low, _):
            actions = (0..<(rows * low.count)).map { _ in Float(generator.nextNormal()) }
        }
        let current = noGrad { () -> [Float] in
            let (output, _) = network.forward(Tensor(states, shape: [rows, testCase.observationSize]))
            return network.logProbsAndEntropy(actorOutput: output, actions: actions).logProbs.scalars
        }
        return PPOMinibatch(states: states, actions: actions,
                            oldLogProbs: current.map { $0 + Float(generator.nextNormal() * 0.2) },
                            advantages: (0..<rows).map { _ in Float(generator.nextNormal()) },
                            returns: (0..<rows).map { _ in Float(generator.nextNormal() * 3) })
    }

    /// The loss as the lesson writes it, on the tape, and every parameter's gradient from `backward()`.
    private func tape(_ network: PPONetwork, _ minibatch: PPOMinibatch, clipEpsilon: Float,
                      valueCoefficient: Float, entropyCoefficient: Float)
        -> (loss: (values: [Float], clipFraction: Double), newLogProbs: [Float], gradients: [[UInt32]]) {
        for parameter in network.parameters { parameter.grad = nil }
        let states = Tensor(minibatch.states, shape: [minibatch.count, minibatch.states.count / minibatch.count])
        let (output, values) = network.forward(states)
        let (newLogProbs, entropies) = network.logProbsAndEntropy(actorOutput: output, actions: minibatch.actions)
        let surrogate = ClippedSurrogate(newLogProbs: newLogProbs, oldLogProbs: Tensor(minibatch.oldLogProbs),
                                         advantages: Tensor(minibatch.advantages), clipEpsilon: clipEpsilon)
        let valueLoss = mseLoss(values, Tensor(minibatch.returns))
        let entropy = entropies.mean()
        let loss = surrogate.loss + valueCoefficient * valueLoss - entropyCoefficient * entropy
        loss.backward()
        let gradients = network.parameters.map { bits($0.grad!.scalars) }
        for parameter in network.parameters { parameter.grad = nil }
        return (([loss.item, surrogate.loss.item, valueLoss.item, entropy.item], surrogate.clipFraction),
                newLogProbs.scalars, gradients)
    }
}
