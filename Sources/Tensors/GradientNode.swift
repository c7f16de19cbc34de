/// The record an operation leaves on its result: which tensors it read and how to
/// send the result's gradient back to them.
///
/// `propagate` receives the gradient of the result (same count as the result) and
/// adds each input's share into that input's pending gradient.
final class GradientNode {
    /// The operation's name, for messages.
    let op: String

    /// The tensors the operation read that require gradients.
    let inputs: [Tensor]

    /// Adds the inputs' gradient contributions, given the result's gradient.
    let propagate: (UnsafeBufferPointer<Float>) -> Void

    init(op: String, inputs: [Tensor], propagate: @escaping (UnsafeBufferPointer<Float>) -> Void) {
        self.op = op
        self.inputs = inputs
        self.propagate = propagate
    }
}

extension Tensor {
    /// Whether an operation reading `input` should record a gradient node.
    @inline(__always)
    static func needsGradient(_ input: Tensor) -> Bool {
        input.requiresGrad && ThreadContext.current.isGradEnabled
    }

    /// Whether an operation reading `first` and `second` should record a gradient node.
    @inline(__always)
    static func needsGradient(_ first: Tensor, _ second: Tensor) -> Bool {
        (first.requiresGrad || second.requiresGrad) && ThreadContext.current.isGradEnabled
    }

    /// Creates the result of an operation that records its gradient: the result
    /// requires gradients and carries the node that sends them back to `inputs`.
    static func result(
        shape: [Int], scalars: [Float], op: String, inputs: [Tensor],
        propagate: @escaping (UnsafeBufferPointer<Float>) -> Void
    ) -> Tensor {
        let output = Tensor(shape: shape, scalars: scalars, requiresGrad: true)
        let recorded = inputs.allSatisfy(\.requiresGrad) ? inputs : inputs.filter(\.requiresGrad)
        output.gradientNode = GradientNode(op: op, inputs: recorded, propagate: propagate)
        return output
    }

    /// A new array of `count` values, every one of which `fill` must write.
    @inline(__always)
    static func filledArray(count: Int, _ fill: (UnsafeMutableBufferPointer<Float>) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer)
            initialized = count
        }
    }

    /// Gives `body` this tensor's pending gradient buffer (zero-filled on first use),
    /// for a backward step to add into. Does nothing if the tensor needs no gradient.
    @inline(__always)
    func addToGradient(_ body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        guard requiresGrad else { return }
        if pendingGradient.isEmpty {
            pendingGradient = [Float](repeating: 0, count: scalars.count)
        }
        pendingGradient.withUnsafeMutableBufferPointer { body($0) }
    }
}
