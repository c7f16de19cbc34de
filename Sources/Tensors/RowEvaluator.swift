/// Evaluates a stack of dense layers on one row at a time, without gradients and without
/// allocating: the path every agent acts through (choosing an action, a state's value).
///
/// It reads the layers' current weights on every call (optimisers update them in place), and each
/// layer computes exactly what `Tensor.linear` followed by `relu()` or `tanh()` gives for a
/// one-row input, bit for bit: the same `LinearKernels` code.
///
/// ```swift
/// let evaluator = RowEvaluator([(hidden, .tanh), (head, nil)])
/// let logits = evaluator.evaluate(observation)     // valid until the next call
/// let features = evaluator.output(ofLayer: 0)      // the hidden layer's activations
/// ```
public final class RowEvaluator {
    /// The layers, input side first, each with the activation that follows it (`nil`: none).
    public let layers: [(linear: Linear, activation: Activation?)]

    /// One buffer per layer holding that layer's latest output.
    private let buffers: [UnsafeMutablePointer<Float>]

    /// Creates an evaluator over `layers`, whose sizes must chain (each layer's inputs are the previous one's outputs).
    public init(_ layers: [(linear: Linear, activation: Activation?)]) {
        guard !layers.isEmpty else { fatalError("RowEvaluator: needs at least one layer") }
        for (previous, next) in zip(layers, layers.dropFirst()) where previous.linear.weight.shape[0] != next.linear.weight.shape[1] {
            fatalError("RowEvaluator: a layer with \(previous.linear.weight.shape[0]) outputs feeds one taking \(next.linear.weight.shape[1]) inputs")
        }
        self.layers = layers
        buffers = layers.map { layer in
            let size = layer.linear.weight.shape[0]
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: size)
            buffer.initialize(repeating: 0, count: size)
            return buffer
        }
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    /// The number of inputs the first layer takes.
    public var inputSize: Int { layers[0].linear.weight.shape[1] }

    /// The number of outputs of the last layer.
    public var outputSize: Int { layers[layers.count - 1].linear.weight.shape[0] }

    /// The last layer's output for `input` (`inputSize` values); valid until the next call.
    @discardableResult
    public func evaluate(_ input: UnsafePointer<Float>) -> UnsafeBufferPointer<Float> {
        var source = input
        for (index, layer) in layers.enumerated() {
            let target = buffers[index]
            LinearKernels.forward(source, rows: 1, weight: layer.linear.weight, bias: layer.linear.bias,
                                  activation: layer.activation, into: target)
            source = UnsafePointer(target)
        }
        return output(ofLayer: layers.count - 1)
    }

    /// The last layer's output for `input` given as an array; see ``evaluate(_:)-(UnsafePointer<Float>)``.
    @discardableResult
    public func evaluate(_ input: [Float]) -> UnsafeBufferPointer<Float> {
        guard input.count == inputSize else {
            fatalError("RowEvaluator.evaluate: got \(input.count) inputs, the first layer takes \(inputSize)")
        }
        return input.withUnsafeBufferPointer { evaluate($0.baseAddress!) }
    }

    /// Layer `index`'s output (after its activation) from the latest ``evaluate(_:)-(UnsafePointer<Float>)`` call.
    public func output(ofLayer index: Int) -> UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(start: buffers[index], count: layers[index].linear.weight.shape[0])
    }
}
