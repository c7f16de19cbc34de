extension Tensor {
    /// The shape of an element-wise operation on shapes `lhs` and `rhs`, or why there is none.
    ///
    /// Sizes are matched from the last dimension, as in PyTorch, and a size of 1 (or a
    /// missing dimension) stretches to the other size. Unlike PyTorch, only ONE operand
    /// may be stretched: a scalar onto anything, a bias row `[n]` onto `[batch, n]`, a
    /// column `[b, 1]` onto `[b, n]`. When both would be stretched (a `[64]` against a
    /// `[64, 1]` gives `[64, 64]`), that is almost always a bug, and the error says how
    /// to fix it or how to ask for it explicitly with `expand(to:)`.
    public static func broadcastShape(_ op: String, _ lhs: [Int], _ rhs: [Int]) -> Result<[Int], TensorError> {
        if lhs == rhs { return .success(lhs) }
        let rank = max(lhs.count, rhs.count)
        var shape = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let left = axis - (rank - lhs.count) >= 0 ? lhs[axis - (rank - lhs.count)] : 1
            let right = axis - (rank - rhs.count) >= 0 ? rhs[axis - (rank - rhs.count)] : 1
            guard left == right || left == 1 || right == 1 else {
                return .failure(TensorError(
                    "\(op): shapes \(lhs) and \(rhs) do not match (size \(left) against \(right) in dimension \(axis) counting from the left of the longer shape)"))
            }
            shape[axis] = left == 1 ? right : left
        }
        if shape == lhs || shape == rhs { return .success(shape) }
        return .failure(TensorError(
            "\(op): shapes \(lhs) and \(rhs) would both be expanded to \(shape). "
                + "If you meant one value per row, make the shapes match\(matchingHint(lhs, rhs)); "
                + "if you really want every pair, ask for it with .expand(to: \(shape)) first."))
    }

    /// A concrete way to make two shapes equal, e.g. ` (e.g. .squeeze(1) or .reshape([64]) on the [64, 1] tensor)`.
    private static func matchingHint(_ lhs: [Int], _ rhs: [Int]) -> String {
        for (longer, shorter) in [(lhs, rhs), (rhs, lhs)] where longer.count == shorter.count + 1 {
            for axis in longer.indices where longer[axis] == 1 {
                var squeezed = longer
                squeezed.remove(at: axis)
                if squeezed == shorter {
                    return " (e.g. .squeeze(\(axis)) or .reshape(\(shorter)) on the \(longer) tensor)"
                }
            }
        }
        if lhs.reduce(1, *) == rhs.reduce(1, *) {
            return " (e.g. .reshape(\(lhs)) on the \(rhs) tensor)"
        }
        return ""
    }

    /// For each position of a tensor of shape `target`, the position in a tensor of
    /// shape `source` it reads when `source` is stretched to `target`.
    static func broadcastIndices(from source: [Int], to target: [Int]) -> [Int] {
        let rank = target.count
        var strides = [Int](repeating: 0, count: rank)
        var step = 1
        for axis in stride(from: source.count - 1, through: 0, by: -1) {
            strides[axis + rank - source.count] = source[axis] == 1 ? 0 : step
            step *= source[axis]
        }
        let count = target.reduce(1, *)
        var indices = [Int](repeating: 0, count: count)
        guard count > 0 else { return indices }
        var position = [Int](repeating: 0, count: rank)
        var offset = 0
        for index in 0..<count {
            indices[index] = offset
            var axis = rank - 1
            while axis >= 0 {
                position[axis] += 1
                offset += strides[axis]
                if position[axis] < target[axis] { break }
                offset -= strides[axis] * target[axis]
                position[axis] = 0
                axis -= 1
            }
        }
        return indices
    }
}
