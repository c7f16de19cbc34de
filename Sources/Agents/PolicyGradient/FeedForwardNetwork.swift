import SeededRandom
import Tensors

/// A fully connected network of `Linear` layers with one activation between them, such as
/// the 4-128-2 policy of REINFORCE (`sizes: [4, 128, 2]`) or a 4-64-64-2 Q-network.
///
/// It is a `Module`, so calling it on a tensor records gradients as usual. For acting it
/// also has an allocation-free, gradient-free forward pass on one observation,
/// ``rowEvaluator``, which reads the current weights directly (an optimiser updates them
/// in place, so the fast pass always sees the latest values).
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let policy = FeedForwardNetwork(sizes: [4, 128, 2], activation: .relu, using: &rng)
/// let logits = policy(states)                               // [batch, 2], with gradients
/// let single = policy.rowEvaluator.evaluate(observation)   // [2] logits, no graph, no allocation
/// ```
public final class FeedForwardNetwork: Module {
    /// The activation applied after every layer but the last.
    public typealias Activation = Tensors.Activation

    /// The width of each layer, input first, output last.
    public let sizes: [Int]

    /// The activation between layers.
    public let activation: Activation

    /// The layers, input side first.
    public let layers: [Linear]

    /// The layers as a one-row, gradient-free evaluator (the acting path); its
    /// `output(ofLayer: 0)` holds the first hidden layer's activations after a call.
    public let rowEvaluator: RowEvaluator

    /// Creates the network with PyTorch's default initialisation, drawing from `generator`.
    public init(sizes: [Int], activation: Activation, using generator: inout SeededGenerator) {
        guard sizes.count >= 2, sizes.allSatisfy({ $0 > 0 }) else {
            fatalError("FeedForwardNetwork: needs at least an input and an output size, all positive; got \(sizes)")
        }
        self.sizes = sizes
        self.activation = activation
        var layers: [Linear] = []
        for index in 1..<sizes.count {
            layers.append(Linear(sizes[index - 1], sizes[index], using: &generator))
        }
        self.layers = layers
        rowEvaluator = RowEvaluator(layers.enumerated().map { index, layer in
            (layer, index < layers.count - 1 ? activation : nil)
        })
    }

    /// The number of inputs.
    public var inputSize: Int { sizes[0] }

    /// The number of outputs.
    public var outputSize: Int { sizes[sizes.count - 1] }

    /// Applies the network to `[batch, inputSize]` or `[inputSize]` input, recording gradients.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        var value = input
        for layer in layers.dropLast() { value = layer(value, then: activation) }
        return layers[layers.count - 1](value)
    }

    /// Every layer's weight and bias, input side first.
    public var parameters: [Tensor] {
        layers.flatMap(\.parameters)
    }
}
