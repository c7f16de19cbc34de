import Foundation
import SeededRandom
import Tensors

/// A fully connected network of `Linear` layers with one activation between them, such as
/// the 4-128-2 policy of REINFORCE (`sizes: [4, 128, 2]`) or a 4-64-64-2 Q-network.
///
/// It is a `Module`, so calling it on a tensor records gradients as usual. For acting it
/// also has an allocation-free, gradient-free forward pass on one observation,
/// ``output(for:)``, which reads the current weights directly (an optimiser updates them
/// in place, so the fast pass always sees the latest values).
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let policy = FeedForwardNetwork(sizes: [4, 128, 2], activation: .relu, using: &rng)
/// let logits = policy(states)                   // [batch, 2], with gradients
/// let single = policy.output(for: observation)  // [2] logits, no graph, no allocation
/// ```
public final class FeedForwardNetwork: Module {
    /// The activation applied after every layer but the last.
    public enum Activation: Sendable {
        /// max(x, 0).
        case relu
        /// The hyperbolic tangent.
        case tanh
    }

    /// The width of each layer, input first, output last.
    public let sizes: [Int]

    /// The activation between layers.
    public let activation: Activation

    /// The layers, input side first.
    public let layers: [Linear]

    /// One scratch buffer per layer, holding that layer's latest single-row output.
    private let buffers: [UnsafeMutablePointer<Float>]

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
        buffers = sizes.dropFirst().map { size in
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: size)
            buffer.initialize(repeating: 0, count: size)
            return buffer
        }
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    /// The number of inputs.
    public var inputSize: Int { sizes[0] }

    /// The number of outputs.
    public var outputSize: Int { sizes[sizes.count - 1] }

    /// Applies the network to `[batch, inputSize]` or `[inputSize]` input, recording gradients.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        var value = input
        for (index, layer) in layers.enumerated() {
            value = layer(value)
            if index < layers.count - 1 {
                value = activation == .relu ? value.relu() : value.tanh()
            }
        }
        return value
    }

    /// Every layer's weight and bias, input side first.
    public var parameters: [Tensor] {
        layers.flatMap(\.parameters)
    }

    /// The outputs for one observation, computed without gradients into a buffer the
    /// network owns: the result is valid until the next call on this network.
    public func output(for input: UnsafePointer<Float>) -> UnsafeBufferPointer<Float> {
        var source = input
        for (index, layer) in layers.enumerated() {
            let (outputs, inputs) = (sizes[index + 1], sizes[index])
            let target = buffers[index]
            let activate = index < layers.count - 1
            layer.weight.scalars.withUnsafeBufferPointer { w in
                layer.bias!.scalars.withUnsafeBufferPointer { b in
                    for row in 0..<outputs {
                        let weights = w.baseAddress! + row * inputs
                        var total = b[row] + FeedForwardNetwork.dot(weights, source, count: inputs)
                        if activate {
                            total = activation == .relu ? Swift.max(total, 0) : Foundation.tanh(total)
                        }
                        target[row] = total
                    }
                }
            }
            source = UnsafePointer(target)
        }
        return UnsafeBufferPointer(start: source, count: outputSize)
    }

    /// The first hidden layer's activations from the latest ``output(for:)`` call
    /// (valid until the next call).
    public var hiddenActivations: UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(start: buffers[0], count: sizes[1])
    }

    /// The dot product of two vectors of `count` values, eight lanes at a time.
    @inline(__always)
    private static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var index = 0
        while index + 8 <= count {
            lanes += UnsafeRawPointer(x + index).loadUnaligned(as: SIMD8<Float>.self)
                * UnsafeRawPointer(y + index).loadUnaligned(as: SIMD8<Float>.self)
            index += 8
        }
        var total = lanes.sum()
        while index < count {
            total += x[index] * y[index]
            index += 1
        }
        return total
    }

    /// The outputs for one observation given as an array; see ``output(for:)``.
    public func output(for input: [Float]) -> UnsafeBufferPointer<Float> {
        guard input.count == inputSize else {
            fatalError("FeedForwardNetwork.output(for:): got \(input.count) inputs, the network takes \(inputSize)")
        }
        return input.withUnsafeBufferPointer { output(for: $0.baseAddress!) }
    }
}
