import Tensors

/// A list of parameter tensors seen as one flat vector, as TRPO's second-order step needs.
enum ParameterVector {
    /// The values of every tensor, concatenated in order.
    static func values(of tensors: [Tensor]) -> [Float] {
        tensors.flatMap(\.scalars)
    }

    /// The gradients of every tensor, concatenated (zeros for a tensor without one).
    static func gradients(of tensors: [Tensor]) -> [Float] {
        tensors.flatMap { $0.grad?.scalars ?? [Float](repeating: 0, count: $0.count) }
    }

    /// Splits a flat vector into tensors shaped like `tensors`.
    static func split(_ vector: [Float], like tensors: [Tensor]) -> [Tensor] {
        var start = 0
        return tensors.map { tensor in
            defer { start += tensor.count }
            return Tensor(Array(vector[start ..< start + tensor.count]), shape: tensor.shape)
        }
    }

    /// Sets the tensors to the flat `values`: a plain-SGD step of size 1 along (current − target),
    /// which is the public way to write a parameter's values in place. Gradients are cleared after.
    static func assign(_ values: [Float], to tensors: [Tensor]) {
        let targets = split(values, like: tensors)
        for (tensor, target) in zip(tensors, targets) {
            tensor.grad = noGrad { tensor - target }
        }
        SGD(tensors, lr: 1).step()
        for tensor in tensors { tensor.grad = nil }
    }
}
