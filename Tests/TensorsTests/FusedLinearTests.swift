import SeededRandom
import Tensors
import Testing

@Suite struct FusedLinearTests {
    /// The values and every gradient of `layer(x, then:)` against `layer(x)` then the activation.
    @Test(arguments: [(Activation.tanh, [64, 4]), (.relu, [64, 4]), (.tanh, [4]), (.relu, [3, 70])])
    func fusedLayerGivesTheBitsOfTheSeparateOperations(activation: Activation, inputShape: [Int]) {
        var generator = SeededGenerator(seed: 11)
        let inputs = inputShape.last!
        let layer = Linear(inputs, 37, using: &generator)
        let head = Linear(37, 3, using: &generator)
        let input = Tensor.randn(inputShape, using: &generator).requiringGrad()

        func run(fused: Bool) -> (values: [Float], gradients: [[Float]]) {
            for tensor in layer.parameters + head.parameters + [input] { tensor.grad = nil }
            let hidden = fused ? layer(input, then: activation) : (activation == .tanh ? layer(input).tanh() : layer(input).relu())
            (head(hidden) * head(hidden)).sum().backward()
            return (hidden.scalars, (layer.parameters + [input]).map { $0.grad!.scalars })
        }
        let separate = run(fused: false), fused = run(fused: true)
        #expect(fused.values == separate.values)
        #expect(fused.gradients == separate.gradients)
        #expect(fused.gradients.allSatisfy { $0.contains { $0 != 0 } })
    }

    @Test func sequentialFusesALinearWithTheActivationAfterIt() {
        var generator = SeededGenerator(seed: 5)
        let first = Linear(4, 16, using: &generator), second = Linear(16, 2, using: &generator)
        let input = Tensor.randn([8, 4], using: &generator)
        let viaSequential = Sequential(first, Tanh(), second, ReLU())(input).scalars
        let byHand = second(first(input).tanh()).relu().scalars
        #expect(viaSequential == byHand)
    }
}
