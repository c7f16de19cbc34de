import Agents
import Foundation
import SeededRandom
import Tensors
import Testing

/// `FisherVectorProduct` against the Hessian of the mean KL divergence, taken by finite
/// differences in Double precision from the network's weights, with no engine code involved.
@Suite struct FisherVectorProductTests {
    /// The policy's weights as Doubles: per layer `[outputs, inputs]` weights and biases, in
    /// the order of `FisherVectorProduct.parameters`.
    struct DoublePolicy {
        var layers: [(weight: [Double], bias: [Double], inputs: Int, outputs: Int)]

        init(_ parameters: [[Double]], shapes: [(inputs: Int, outputs: Int)]) {
            layers = shapes.indices.map { (parameters[2 * $0], parameters[2 * $0 + 1], shapes[$0].inputs, shapes[$0].outputs) }
        }

        /// Log-probabilities of every action for `state`.
        func logProbabilities(_ state: [Double]) -> [Double] {
            var activation = state
            for (index, layer) in layers.enumerated() {
                var output = layer.bias
                for row in 0..<layer.outputs {
                    for column in 0..<layer.inputs { output[row] += layer.weight[row * layer.inputs + column] * activation[column] }
                }
                activation = index < layers.count - 1 ? output.map { tanh($0) } : output
            }
            let largest = activation.max()!
            let logSum = log(activation.map { exp($0 - largest) }.reduce(0, +)) + largest
            return activation.map { $0 - logSum }
        }
    }

    @Test func theProductIsTheHessianOfTheMeanKLTimesTheVectorPlusDamping() {
        var config = PPOConfig.lesson
        config.hiddenSize = 6
        var generator = SeededGenerator(seed: 4)
        let network = PPONetwork(observationSize: 3, kind: .categorical(count: 3), config: config, using: &generator)
        let rows = 5
        let stateValues = (0..<(rows * 3)).map { _ in Float(generator.nextNormal()) }
        let damping: Float = 0.1
        let product = FisherVectorProduct(network: network, states: Tensor(stateValues, shape: [rows, 3]), damping: damping)

        let parameters = product.parameters
        let shapes = stride(from: 0, to: parameters.count, by: 2).map { (parameters[$0].shape[1], parameters[$0].shape[0]) }
        let flat = parameters.flatMap { $0.scalars.map(Double.init) }
        let sizes = parameters.map(\.count)
        func policy(_ vector: [Double]) -> DoublePolicy {
            var pieces: [[Double]] = [], start = 0
            for size in sizes { pieces.append(Array(vector[start..<(start + size)])); start += size }
            return DoublePolicy(pieces, shapes: shapes)
        }
        let states = (0..<rows).map { row in (0..<3).map { Double(stateValues[row * 3 + $0]) } }
        let fixed = states.map { policy(flat).logProbabilities($0) }
        func meanKL(_ vector: [Double]) -> Double {
            let moved = policy(vector)
            var total = 0.0
            for (state, old) in zip(states, fixed) {
                let new = moved.logProbabilities(state)
                for action in old.indices { total += exp(old[action]) * (old[action] - new[action]) }
            }
            return total / Double(rows)
        }

        let direction = (0..<flat.count).map { _ in Float(generator.nextNormal()) }
        let computed = product(direction)
        // (H v)_j = ∂²KL / ∂θ_j ∂(v) by central differences in both directions.
        let h = 1e-4
        let expected = (0..<flat.count).map { j -> Double in
            func kl(_ alongJ: Double, _ alongV: Double) -> Double {
                var moved = flat
                for i in moved.indices { moved[i] += alongV * Double(direction[i]) }
                moved[j] += alongJ
                return meanKL(moved)
            }
            let hessianTimesV = (kl(h, h) - kl(h, -h) - kl(-h, h) + kl(-h, -h)) / (4 * h * h)
            return hessianTimesV + Double(damping) * Double(direction[j])
        }
        let scale = expected.map(abs).max()!
        #expect(scale > 0.1)
        for (index, value) in computed.enumerated() {
            #expect(abs(Double(value) - expected[index]) <= 1e-4 * scale + 1e-6,
                    "entry \(index): product \(value), Hessian \(expected[index])")
        }
    }
}
