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
