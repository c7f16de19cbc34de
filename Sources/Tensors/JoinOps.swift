extension Tensor {
    /// Joins tensors of the same shape along a new dimension `axis`, like `torch.stack`:
    /// N tensors of shape `[4]` stacked on axis 0 give `[N, 4]`.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        guard let first = tensors.first else { fatalError("Tensor.stack: needs at least one tensor") }
        for (index, tensor) in tensors.enumerated() where tensor.shape != first.shape {
            fatalError("Tensor.stack: tensor \(index) has shape \(tensor.shape) but tensor 0 has \(first.shape); stacked tensors must have the same shape")
        }
        let resolved = axis < 0 ? axis + first.rank + 1 : axis
        guard resolved >= 0 && resolved <= first.rank else {
            fatalError("Tensor.stack: axis \(axis) is out of range for shape \(first.shape)")
        }
        return cat(tensors.map { $0.unsqueeze(resolved) }, axis: resolved)
    }

    /// Joins tensors along an existing dimension `axis`, like `torch.cat`: all other
    /// sizes must agree.
    public static func cat(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        guard let first = tensors.first else { fatalError("Tensor.cat: needs at least one tensor") }
        let layout = AxisLayout(shape: first.shape, axis: axis, op: "Tensor.cat")
        var sizes: [Int] = []
        for (index, tensor) in tensors.enumerated() {
            var expected = tensor.shape
            if expected.count == first.rank { expected[layout.axis] = first.shape[layout.axis] }
            guard expected == first.shape else {
                fatalError("Tensor.cat: tensor \(index) has shape \(tensor.shape) but tensor 0 has \(first.shape); only dimension \(layout.axis) may differ")
            }
            sizes.append(tensor.shape[layout.axis])
        }
        let total = sizes.reduce(0, +)
        var shape = first.shape
        shape[layout.axis] = total
        let inner = layout.inner
        var values = [Float]()
        values.reserveCapacity(layout.outer * total * inner)
        for o in 0..<layout.outer {
            for (tensor, size) in zip(tensors, sizes) {
                let block = size * inner
                values.append(contentsOf: tensor.scalars[(o * block)..<((o + 1) * block)])
            }
        }
        guard tensors.contains(where: { Tensor.needsGradient($0) }) else { return Tensor(shape: shape, scalars: values) }
        return result(shape: shape, scalars: values, op: "Tensor.cat", inputs: tensors) { gradient in
            var offset = 0
            for (tensor, size) in zip(tensors, sizes) {
                let block = size * inner
                tensor.addToGradient { target in
                    for o in 0..<layout.outer {
                        let from = o * total * inner + offset
                        for index in 0..<block { target[o * block + index] += gradient[from + index] }
                    }
                }
                offset += block
            }
        }
    }

    /// The rows (entries along the first dimension) at `indices`, in that order, like
    /// `states[b]` in PyTorch with an index array: the way to take a minibatch.
    public subscript(rows indices: [Int]) -> Tensor {
        guard rank >= 1 else { fatalError("Tensor[rows:]: needs at least one dimension, got a scalar") }
        let input = self
        let rowCount = shape[0]
        let width = shape.dropFirst().reduce(1, *)
        var values = [Float](repeating: 0, count: indices.count * width)
        values.withUnsafeMutableBufferPointer { out in
            scalars.withUnsafeBufferPointer { x in
                for (position, row) in indices.enumerated() {
                    guard row >= 0 && row < rowCount else {
                        fatalError("Tensor[rows:]: row \(row) is out of range for shape \(input.shape)")
                    }
                    for column in 0..<width { out[position * width + column] = x[row * width + column] }
                }
            }
        }
        let shape = [indices.count] + self.shape.dropFirst()
        guard Tensor.needsGradient(input) else { return Tensor(shape: shape, scalars: values) }
        return Tensor.result(shape: shape, scalars: values, op: "Tensor[rows:]", inputs: [input]) { gradient in
            input.addToGradient { target in
                for (position, row) in indices.enumerated() {
                    for column in 0..<width { target[row * width + column] += gradient[position * width + column] }
                }
            }
        }
    }

    /// Picks one entry per row: for a `[batch, n]` tensor, `result[i] = self[i, indices[i]]`
    /// (shape `[batch]`); for a vector `[n]`, one index gives a scalar. It is PyTorch's
    /// `x.gather(1, idx.unsqueeze(1)).squeeze(1)`.
    public func gather(_ indices: [Int]) -> Tensor {
        let input = self
        let (rows, width, resultShape): (Int, Int, [Int])
        switch rank {
        case 1: (rows, width, resultShape) = (1, shape[0], [])
        case 2: (rows, width, resultShape) = (shape[0], shape[1], [shape[0]])
        default: fatalError("gather: needs a vector or a matrix, got shape \(shape)")
        }
        guard indices.count == rows else {
            fatalError("gather: \(indices.count) indices for \(rows) rows of shape \(shape); give one index per row")
        }
        for index in indices where index < 0 || index >= width {
            fatalError("gather: index \(index) is out of range 0..<\(width) for shape \(shape)")
        }
        let values = scalars.withUnsafeBufferPointer { x in (0..<rows).map { x[$0 * width + indices[$0]] } }
        guard Tensor.needsGradient(input) else { return Tensor(shape: resultShape, scalars: values) }
        return Tensor.result(shape: resultShape, scalars: values, op: "gather", inputs: [input]) { gradient in
            input.addToGradient { target in
                for row in 0..<rows { target[row * width + indices[row]] += gradient[row] }
            }
        }
    }

    /// `gather` with indices held in a tensor of whole numbers (as `sample()` returns them).
    public func gather(_ indices: Tensor) -> Tensor {
        gather(indices.wholeNumbers(op: "gather"))
    }

    /// The values as integers; stops with a message if one is not a whole number.
    public func wholeNumbers(op: String = "wholeNumbers") -> [Int] {
        scalars.map { value in
            guard value.rounded() == value, Swift.abs(value) < 1e9 else {
                fatalError("\(op): expected whole-number indices, got \(value) in a tensor of shape \(shape)")
            }
            return Int(value)
        }
    }
}
