import Agents
import SeededRandom
import Tensors
import Testing

@Suite struct FeedForwardNetworkTests {
    @Test(arguments: [FeedForwardNetwork.Activation.relu, .tanh])
    func fastSingleRowPassMatchesTheTensorPass(activation: FeedForwardNetwork.Activation) {
        var generator = SeededGenerator(seed: 7)
        let network = FeedForwardNetwork(sizes: [4, 19, 9, 3], activation: activation, using: &generator)
        let input: [Float] = [0.3, -1.2, 0.05, 2.0]
        let viaTensors = network(Tensor(input)).scalars
        let fast = Array(network.rowEvaluator.evaluate(input))
        #expect(fast.count == 3)
        #expect(fast == viaTensors)  // the same kernel and activation code, so the same bits
    }

    @Test func optimizerGroupStepsEveryMember() {
        var generator = SeededGenerator(seed: 1)
        let first = Linear(2, 2, using: &generator)
        let second = Linear(2, 1, using: &generator)
        let group = OptimizerGroup(SGD(first.parameters, lr: 0.1), SGD(second.parameters, lr: 1))
        #expect(group.parameters.count == 4)
        let before = (first.weight.scalars, second.bias!.scalars[0])
        second(first(Tensor([1, 1]))).sum().backward()
        group.step()
        #expect(first.weight.scalars != before.0)
        // d(sum)/d(bias) = 1, so plain SGD with lr 1 moves the bias down by exactly 1.
        #expect(abs(second.bias!.scalars[0] - (before.1 - 1)) < 1e-6)
        group.zeroGrad()
        #expect(group.parameters.allSatisfy { $0.grad == nil })
    }
}

@Suite struct ActingPathTests {
    /// `PPO.chooseAction` and `value(of:)` act through the one-row evaluator; what they give must be
    /// what the batched tensor forward gives for that row, bit for bit, shared trunk or not.
    @Test(arguments: [PPOConfig.lesson, .cartPole])
    func actingGivesTheTensorForwardsValuesAndLogProbs(config: PPOConfig) {
        let agent = PPO(observationSize: 4, kind: .categorical(count: 2), config: config, seed: 4)
        for state: [Float] in [[0.03, -0.2, 0.01, 0.4], [-1.5, 2, 0.2, -0.7]] {
            let (action, logProb, value) = agent.chooseAction(state)
            let (output, values) = noGrad { agent.network.forward(Tensor(state, shape: [1, 4])) }
            let expected = noGrad { agent.network.logProbsAndEntropy(actorOutput: output, actions: [Float(action)]).logProbs }
            #expect(value == values.item)
            #expect(agent.value(of: state) == values.item)
            #expect(logProb == expected.item)
        }
    }
}
