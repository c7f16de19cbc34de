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

    /// Sets the tensors to the flat `values`, in order, bit for bit, and clears their gradients.
    static func assign(_ values: [Float], to tensors: [Tensor]) {
        var start = 0
        for tensor in tensors {
            tensor.assign(values[start ..< start + tensor.count])
            tensor.grad = nil
            start += tensor.count
        }
    }
}
