import Foundation

extension Tensor {
    /// An element-wise function of one tensor. `derivative(x, y)` gives dy/dx at an
    /// input value `x` whose output is `y`.
    @inline(__always)
    func unary(_ op: String, _ forward: (Float) -> Float, derivative: @escaping (Float, Float) -> Float) -> Tensor {
        let input = self
        let values = scalars.withUnsafeBufferPointer { x in
            Tensor.filledArray(count: x.count) { out in
                for index in x.indices { out[index] = forward(x[index]) }
            }
        }
        guard Tensor.needsGradient(input) else { return Tensor(shape: shape, scalars: values) }
        return Tensor.result(shape: shape, scalars: values, op: op, inputs: [input]) { gradient in
            input.addToGradient { target in
                input.scalars.withUnsafeBufferPointer { x in
                    values.withUnsafeBufferPointer { y in
                        for index in x.indices {
                            target[index] += gradient[index] * derivative(x[index], y[index])
                        }
                    }
                }
            }
        }
    }

    /// Element-wise e^x.
    public func exp() -> Tensor {
        unary("exp", { Foundation.exp($0) }) { _, y in y }
    }

    /// Element-wise natural logarithm.
    public func log() -> Tensor {
        unary("log", { Foundation.log($0) }) { x, _ in 1 / x }
    }

    /// Element-wise hyperbolic tangent (vectorised; within a few ulp of the C library's).
    public func tanh() -> Tensor {
        let input = self
        let values = scalars.withUnsafeBufferPointer { x in
            Tensor.filledArray(count: x.count) { out in VectorMath.apply(VectorMath.tanh, x, into: out) }
        }
        guard Tensor.needsGradient(input) else { return Tensor(shape: shape, scalars: values) }
        return Tensor.result(shape: shape, scalars: values, op: "tanh", inputs: [input]) { gradient in
            input.addToGradient { target in
                values.withUnsafeBufferPointer { y in
                    for index in target.indices { target[index] += gradient[index] * (1 - y[index] * y[index]) }
                }
            }
        }
    }

    /// Element-wise max(x, 0).
    public func relu() -> Tensor {
        unary("relu", { Swift.max($0, 0) }) { x, _ in x > 0 ? 1 : 0 }
    }

    /// Element-wise logistic function 1 / (1 + e^-x).
    public func sigmoid() -> Tensor {
        unary("sigmoid", { 1 / (1 + Foundation.exp(-$0)) }) { _, y in y * (1 - y) }
    }

    /// Element-wise square root.
    public func sqrt() -> Tensor {
        unary("sqrt", { $0.squareRoot() }) { _, y in 0.5 / y }
    }

    /// Element-wise absolute value (gradient 0 at 0, as in PyTorch).
    public func abs() -> Tensor {
        unary("abs", { Swift.abs($0) }) { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) }
    }

    /// Element-wise x raised to a constant `exponent`.
    public func pow(_ exponent: Float) -> Tensor {
        if exponent == 2 {
            return unary("pow", { $0 * $0 }) { x, _ in 2 * x }
        }
        return unary("pow", { Foundation.pow($0, exponent) }) { x, _ in exponent * Foundation.pow(x, exponent - 1) }
    }

    /// Element-wise limit to `[min, max]`, like `torch.clamp`; the gradient passes
    /// where `min <= x <= max` and is zero outside.
    public func clamp(min lower: Float, max upper: Float) -> Tensor {
        guard lower <= upper else { fatalError("clamp: min \(lower) is greater than max \(upper)") }
        return unary("clamp", { Swift.min(Swift.max($0, lower), upper) }) { x, _ in x >= lower && x <= upper ? 1 : 0 }
    }

    /// Element-wise limit from below, like `torch.clamp(min=)`.
    public func clamp(min lower: Float) -> Tensor {
        unary("clamp", { Swift.max($0, lower) }) { x, _ in x >= lower ? 1 : 0 }
    }

    /// Element-wise limit from above, like `torch.clamp(max=)`.
    public func clamp(max upper: Float) -> Tensor {
        unary("clamp", { Swift.min($0, upper) }) { x, _ in x <= upper ? 1 : 0 }
    }

    /// Element-wise negation.
    public static prefix func - (tensor: Tensor) -> Tensor {
        tensor.unary("neg", { -$0 }) { _, _ in -1 }
    }

    /// Adds a constant to every value.
    public static func + (lhs: Tensor, rhs: Float) -> Tensor {
        lhs.unary("Tensor.add", { $0 + rhs }) { _, _ in 1 }
    }

    /// Adds a constant to every value.
    public static func + (lhs: Float, rhs: Tensor) -> Tensor {
        rhs + lhs
    }

    /// Subtracts a constant from every value.
    public static func - (lhs: Tensor, rhs: Float) -> Tensor {
        lhs.unary("Tensor.sub", { $0 - rhs }) { _, _ in 1 }
    }

    /// Subtracts every value from a constant.
    public static func - (lhs: Float, rhs: Tensor) -> Tensor {
        rhs.unary("Tensor.sub", { lhs - $0 }) { _, _ in -1 }
    }

    /// Multiplies every value by a constant.
    public static func * (lhs: Tensor, rhs: Float) -> Tensor {
        lhs.unary("Tensor.mul", { $0 * rhs }) { _, _ in rhs }
    }

    /// Multiplies every value by a constant.
    public static func * (lhs: Float, rhs: Tensor) -> Tensor {
        rhs * lhs
    }

    /// Divides every value by a constant.
    public static func / (lhs: Tensor, rhs: Float) -> Tensor {
        lhs.unary("Tensor.div", { $0 / rhs }) { _, _ in 1 / rhs }
    }

    /// Divides a constant by every value.
    public static func / (lhs: Float, rhs: Tensor) -> Tensor {
        rhs.unary("Tensor.div", { lhs / $0 }) { x, _ in -lhs / (x * x) }
    }
}
