extension Tensor {
    /// The matrix product of `[m, k]` and `[k, n]`, giving `[m, n]` (PyTorch's `a @ b`).
    public func matmul(_ other: Tensor) -> Tensor {
        guard rank == 2, other.rank == 2, shape[1] == other.shape[0] else {
            fatalError("matmul: shapes \(shape) and \(other.shape) do not chain; need [m, k] and [k, n]")
        }
        let (a, b) = (self, other)
        let (m, k, n) = (shape[0], shape[1], other.shape[1])
        guard m > 0, k > 0, n > 0 else {
            fatalError("matmul: shapes \(shape) and \(other.shape) have an empty dimension")
        }
        var values = [Float](repeating: 0, count: m * n)
        values.withUnsafeMutableBufferPointer { c in
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in
                    MatrixKernels.multiply(x.baseAddress!, aRowStride: k, aColumnStride: 1, y.baseAddress!,
                                           into: c.baseAddress!, m: m, k: k, n: n)
                }
            }
        }
        guard Tensor.needsGradient(a, b) else { return Tensor(shape: [m, n], scalars: values) }
        return Tensor.result(shape: [m, n], scalars: values, op: "matmul", inputs: [a, b]) { gradient in
            let dc = gradient.baseAddress!
            a.addToGradient { da in
                b.scalars.withUnsafeBufferPointer { y in
                    MatrixKernels.multiplyTransposed(dc, y.baseAddress!, into: da.baseAddress!, m: m, k: n, n: k)
                }
            }
            b.addToGradient { db in
                a.scalars.withUnsafeBufferPointer { x in
                    MatrixKernels.multiply(x.baseAddress!, aRowStride: 1, aColumnStride: k, dc,
                                           into: db.baseAddress!, m: k, k: m, n: n)
                }
            }
        }
    }

    /// `input · weightᵀ + bias`, then `activation` if one is given, as one operation with one
    /// backward step: the core of `Linear`. `input` is `[batch, in]` or `[in]`, `weight` is
    /// `[out, in]`, `bias` is `[out]`. Values and gradients are bit for bit those of the separate
    /// operations (`linear` then `tanh()` or `relu()`), with one tensor and one graph node fewer.
    public static func linear(_ input: Tensor, weight: Tensor, bias: Tensor?, activation: Activation? = nil) -> Tensor {
        guard weight.rank == 2, (1...2).contains(input.rank), input.shape.last == weight.shape[1] else {
            fatalError("linear: input of shape \(input.shape) does not fit a weight of shape \(weight.shape); the input's last size must be \(weight.shape.last ?? 0)")
        }
        let (outputs, inputs) = (weight.shape[0], weight.shape[1])
        let batch = input.rank == 2 ? input.shape[0] : 1
        guard batch > 0, outputs > 0, inputs > 0 else {
            fatalError("linear: input of shape \(input.shape) or weight of shape \(weight.shape) has an empty dimension")
        }
        if let bias, bias.shape != [outputs] {
            fatalError("linear: bias of shape \(bias.shape) does not fit a weight of shape \(weight.shape); expected [\(outputs)]")
        }
        let values = input.scalars.withUnsafeBufferPointer { x in
            Tensor.filledArray(count: batch * outputs) { y in
                LinearKernels.forward(x.baseAddress!, rows: batch, weight: weight, bias: bias, activation: activation, into: y.baseAddress!)
            }
        }
        let shape = input.rank == 2 ? [batch, outputs] : [outputs]
        guard Tensor.needsGradient(input, weight) || bias.map(Tensor.needsGradient) == true else {
            return Tensor(shape: shape, scalars: values)
        }
        let recorded = bias.map { [input, weight, $0] } ?? [input, weight]
        /// Adds the gradients of input, weight and bias given `dy`, the gradient before the activation.
        func propagate(_ dy: UnsafePointer<Float>) {
            input.addToGradient { dx in LinearKernels.addInputGradient(dy, rows: batch, weight: weight, into: dx.baseAddress!) }
            weight.addToGradient { dw in
                input.scalars.withUnsafeBufferPointer { x in
                    LinearKernels.addWeightGradient(dy, input: x.baseAddress!, rows: batch, outputs: outputs, inputs: inputs, into: dw.baseAddress!)
                }
            }
            bias?.addToGradient { db in LinearKernels.addBiasGradient(dy, rows: batch, outputs: outputs, into: db.baseAddress!) }
        }
        return result(shape: shape, scalars: values, op: activation == nil ? "linear" : "linear+activation", inputs: recorded) { gradient in
            guard let activation else { return propagate(gradient.baseAddress!) }
            let beforeActivation = values.withUnsafeBufferPointer { y in
                Tensor.filledArray(count: y.count) { activation.backward(gradient, output: y, into: $0) }
            }
            beforeActivation.withUnsafeBufferPointer { propagate($0.baseAddress!) }
        }
    }
}

/// The matrix product of `[m, k]` and `[k, n]`, giving `[m, n]` (PyTorch's `a @ b`).
public func matmul(_ lhs: Tensor, _ rhs: Tensor) -> Tensor {
    lhs.matmul(rhs)
}
