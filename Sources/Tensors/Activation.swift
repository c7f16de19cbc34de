/// An element-wise function applied after a dense layer.
public enum Activation: Sendable {
    /// max(x, 0), as `Tensor.relu()`.
    case relu
    /// The hyperbolic tangent, as `Tensor.tanh()`.
    case tanh

    /// Applies the function to `count` values in place, with the same arithmetic as the tensor operation.
    package func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            for index in 0..<count { values[index] = Swift.max(values[index], 0) }
        case .tanh:
            VectorMath.apply(VectorMath.tanh, UnsafeBufferPointer(start: values, count: count),
                             into: UnsafeMutableBufferPointer(start: values, count: count))
        }
    }

    /// The gradient before the function from the gradient after it and the function's output `y`,
    /// computed as the separate operations' backward steps do (adding into zero), so the bits agree.
    package func backward(_ gradient: UnsafeBufferPointer<Float>, output y: UnsafeBufferPointer<Float>,
                  into result: UnsafeMutableBufferPointer<Float>) {
        switch self {
        case .relu:
            for index in result.indices {
                var total: Float = 0
                total += gradient[index] * (y[index] > 0 ? 1 : 0)
                result[index] = total
            }
        case .tanh:
            for index in result.indices {
                var total: Float = 0
                total += gradient[index] * (1 - y[index] * y[index])
                result[index] = total
            }
        }
    }
}
