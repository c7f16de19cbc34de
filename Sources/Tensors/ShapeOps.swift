extension Tensor {
    /// The same values under a new shape with the same count; one size may be -1,
    /// meaning "whatever makes the count match".
    public func reshape(_ newShape: [Int]) -> Tensor {
        var resolved = newShape
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        let known = newShape.filter { $0 != -1 }.reduce(1, *)
        if unknown.count == 1, known > 0, count % known == 0 {
            resolved[unknown[0]] = count / known
        }
        guard unknown.count <= 1, resolved.allSatisfy({ $0 >= 0 }), resolved.reduce(1, *) == count else {
            fatalError("reshape: cannot view shape \(shape) (\(count) values) as \(newShape)")
        }
        return relabelled(resolved, op: "reshape")
    }

    /// Removes every dimension of size 1, like PyTorch's `.squeeze()`.
    public func squeeze() -> Tensor {
        relabelled(shape.filter { $0 != 1 }, op: "squeeze")
    }

    /// Removes dimension `axis` if its size is 1 (negative counts from the end); a
    /// dimension of another size is left alone, as in PyTorch.
    public func squeeze(_ axis: Int) -> Tensor {
        let resolved = axis < 0 ? axis + rank : axis
        guard resolved >= 0 && resolved < rank else {
            fatalError("squeeze: axis \(axis) is out of range for shape \(shape)")
        }
        guard shape[resolved] == 1 else { return self }
        var newShape = shape
        newShape.remove(at: resolved)
        return relabelled(newShape, op: "squeeze")
    }

    /// Inserts a dimension of size 1 at `axis` (negative counts from the end, -1 appends),
    /// like PyTorch's `.unsqueeze(axis)`: `[4]` becomes `[1, 4]` with `unsqueeze(0)`.
    public func unsqueeze(_ axis: Int) -> Tensor {
        let resolved = axis < 0 ? axis + rank + 1 : axis
        guard resolved >= 0 && resolved <= rank else {
            fatalError("unsqueeze: axis \(axis) is out of range for shape \(shape)")
        }
        var newShape = shape
        newShape.insert(1, at: resolved)
        return relabelled(newShape, op: "unsqueeze")
    }

    /// The same values under another shape with the same count; the gradient passes straight through.
    private func relabelled(_ newShape: [Int], op: String) -> Tensor {
        let input = self
        guard Tensor.needsGradient(input) else { return Tensor(shape: newShape, scalars: scalars) }
        return Tensor.result(shape: newShape, scalars: scalars, op: op, inputs: [input]) { gradient in
            input.addToGradient { target in
                for index in target.indices { target[index] += gradient[index] }
            }
        }
    }

    /// Stretches size-1 (or missing leading) dimensions to `target`, copying values;
    /// the gradient sums back. This is the explicit way to combine every pair, e.g.
    /// `a.expand(to: [64, 64]) - b.expand(to: [64, 64])`.
    public func expand(to target: [Int]) -> Tensor {
        switch Tensor.broadcastShape("expand(to:)", shape, target) {
        case .success(let combined) where combined == target:
            break
        default:
            fatalError("expand(to:): shape \(shape) cannot be expanded to \(target); only sizes of 1 (or missing leading sizes) stretch")
        }
        let input = self
        let indices = Tensor.broadcastIndices(from: shape, to: target)
        let values = scalars.withUnsafeBufferPointer { x in indices.map { x[$0] } }
        guard Tensor.needsGradient(input) else { return Tensor(shape: target, scalars: values) }
        return Tensor.result(shape: target, scalars: values, op: "expand(to:)", inputs: [input]) { gradient in
            input.addToGradient { source in
                for (index, from) in indices.enumerated() { source[from] += gradient[index] }
            }
        }
    }

    /// The transpose of a matrix: `[m, n]` becomes `[n, m]`.
    public func transposed() -> Tensor {
        guard rank == 2 else { fatalError("transposed: needs a matrix, got shape \(shape)") }
        let input = self
        let (rows, columns) = (shape[0], shape[1])
        let values = Tensor.transpose(scalars, rows: rows, columns: columns)
        guard Tensor.needsGradient(input) else { return Tensor(shape: [columns, rows], scalars: values) }
        return Tensor.result(shape: [columns, rows], scalars: values, op: "transposed", inputs: [input]) { gradient in
            input.addToGradient { target in
                for r in 0..<rows {
                    for c in 0..<columns { target[r * columns + c] += gradient[c * rows + r] }
                }
            }
        }
    }

    static func transpose(_ values: [Float], rows: Int, columns: Int) -> [Float] {
        var result = [Float](repeating: 0, count: values.count)
        result.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { x in
                for r in 0..<rows {
                    for c in 0..<columns { out[c * rows + r] = x[r * columns + c] }
                }
            }
        }
        return result
    }

    /// A tensor with the same values that does not require gradients and has no
    /// history, like PyTorch's `.detach()`.
    public func detach() -> Tensor {
        Tensor(shape: shape, scalars: scalars)
    }
}
