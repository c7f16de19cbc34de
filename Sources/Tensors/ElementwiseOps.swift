/// How an element-wise operation lines up its two operands with its result:
/// `nil` indices mean the operand already has the result's shape.
struct ElementwisePlan {
    let shape: [Int]
    let lhsIndices: [Int]?
    let rhsIndices: [Int]?

    init(_ op: String, _ lhs: Tensor, _ rhs: Tensor) {
        switch Tensor.broadcastShape(op, lhs.shape, rhs.shape) {
        case .failure(let error):
            fatalError(error.message)
        case .success(let shape):
            self.shape = shape
            lhsIndices = lhs.shape == shape ? nil : Tensor.broadcastIndices(from: lhs.shape, to: shape)
            rhsIndices = rhs.shape == shape ? nil : Tensor.broadcastIndices(from: rhs.shape, to: shape)
        }
    }

    /// Applies `body(x, y)` at every position of the result, reading `x` from `lhs`
    /// and `y` from `rhs` (stretched as planned).
    @inline(__always)
    func forEach(_ lhs: UnsafeBufferPointer<Float>, _ rhs: UnsafeBufferPointer<Float>, _ body: (Int, Float, Float) -> Void) {
        let count = shape.reduce(1, *)
        switch (lhsIndices, rhsIndices) {
        case (nil, nil):
            for index in 0..<count { body(index, lhs[index], rhs[index]) }
        case (let left?, nil):
            for index in 0..<count { body(index, lhs[left[index]], rhs[index]) }
        case (nil, let right?):
            for index in 0..<count { body(index, lhs[index], rhs[right[index]]) }
        case (let left?, let right?):
            for index in 0..<count { body(index, lhs[left[index]], rhs[right[index]]) }
        }
    }
}

extension Tensor {
    /// An element-wise operation with one-sided broadcasting. `derivatives(x, y)`
    /// returns d(result)/dx and d(result)/dy at one position.
    @inline(__always)
    static func elementwise(
        _ op: String, _ lhs: Tensor, _ rhs: Tensor,
        _ forward: (Float, Float) -> Float,
        derivatives: @escaping (Float, Float) -> (Float, Float)
    ) -> Tensor {
        let plan = ElementwisePlan(op, lhs, rhs)
        let values = Tensor.filledArray(count: plan.shape.reduce(1, *)) { out in
            lhs.scalars.withUnsafeBufferPointer { left in
                rhs.scalars.withUnsafeBufferPointer { right in
                    plan.forEach(left, right) { index, x, y in out[index] = forward(x, y) }
                }
            }
        }
        guard needsGradient(lhs, rhs) else { return Tensor(shape: plan.shape, scalars: values) }
        return result(shape: plan.shape, scalars: values, op: op, inputs: [lhs, rhs]) { gradient in
            lhs.scalars.withUnsafeBufferPointer { left in
                rhs.scalars.withUnsafeBufferPointer { right in
                    if lhs.requiresGrad {
                        lhs.addToGradient { target in
                            plan.forEach(left, right) { index, x, y in
                                target[plan.lhsIndices?[index] ?? index] += gradient[index] * derivatives(x, y).0
                            }
                        }
                    }
                    if rhs.requiresGrad {
                        rhs.addToGradient { target in
                            plan.forEach(left, right) { index, x, y in
                                target[plan.rhsIndices?[index] ?? index] += gradient[index] * derivatives(x, y).1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Element-wise sum; one operand may be broadcast (see `broadcastShape`).
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        elementwise("Tensor.add", lhs, rhs, +) { _, _ in (1, 1) }
    }

    /// Element-wise difference; one operand may be broadcast (see `broadcastShape`).
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        elementwise("Tensor.sub", lhs, rhs, -) { _, _ in (1, -1) }
    }

    /// Element-wise product; one operand may be broadcast (see `broadcastShape`).
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        elementwise("Tensor.mul", lhs, rhs, *) { x, y in (y, x) }
    }

    /// Element-wise quotient; one operand may be broadcast (see `broadcastShape`).
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        elementwise("Tensor.div", lhs, rhs, /) { x, y in (1 / y, -x / (y * y)) }
    }
}

/// The element-wise smaller of two tensors, like `torch.min(a, b)`; where they are
/// equal the gradient is split evenly between them, as PyTorch does.
public func minimum(_ lhs: Tensor, _ rhs: Tensor) -> Tensor {
    Tensor.elementwise("minimum", lhs, rhs, { Swift.min($0, $1) }) { x, y in
        x < y ? (1, 0) : (x > y ? (0, 1) : (0.5, 0.5))
    }
}

/// The element-wise larger of two tensors, like `torch.max(a, b)`; where they are
/// equal the gradient is split evenly between them, as PyTorch does.
public func maximum(_ lhs: Tensor, _ rhs: Tensor) -> Tensor {
    Tensor.elementwise("maximum", lhs, rhs, { Swift.max($0, $1) }) { x, y in
        x > y ? (1, 0) : (x < y ? (0, 1) : (0.5, 0.5))
    }
}
