/// An element-wise function applied after a dense layer.
public enum Activation: Sendable {
    /// max(x, 0), as `Tensor.relu()`.
    case relu
    /// The hyperbolic tangent, as `Tensor.tanh()`.
    case tanh

    /// Applies the function to `count` values in place, with the same arithmetic as the tensor operation.
    func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            for index in 0..<count { values[index] = Swift.max(values[index], 0) }
        case .tanh:
            VectorMath.apply(VectorMath.tanh, UnsafeBufferPointer(start: values, count: count),
                             into: UnsafeMutableBufferPointer(start: values, count: count))
        }
    }
}
