import Foundation

/// A tensor seen as `[outer, size, inner]` around one axis, for operations along that axis.
struct AxisLayout {
    let axis: Int
    let outer: Int
    let size: Int
    let inner: Int

    init(shape: [Int], axis requested: Int, op: String) {
        let axis = requested < 0 ? requested + shape.count : requested
        guard axis >= 0 && axis < shape.count else {
            fatalError("\(op): axis \(requested) is out of range for shape \(shape)")
        }
        self.axis = axis
        outer = shape[..<axis].reduce(1, *)
        size = shape[axis]
        inner = shape[(axis + 1)...].reduce(1, *)
    }
}

extension Tensor {
    /// The sum of all values, as a scalar tensor.
    public func sum() -> Tensor {
        let input = self
        let total = scalars.withUnsafeBufferPointer { $0.reduce(0, +) }
        guard Tensor.needsGradient(input) else { return Tensor(total) }
        return Tensor.result(shape: [], scalars: [total], op: "sum", inputs: [input]) { gradient in
            input.addToGradient { target in
                for index in target.indices { target[index] += gradient[0] }
            }
        }
    }

    /// The mean of all values, as a scalar tensor.
    public func mean() -> Tensor {
        guard count > 0 else { fatalError("mean: the tensor is empty (shape \(shape))") }
        return sum() * (1 / Float(count))
    }

    /// Sums along `axis` (negative counts from the end), removing it unless `keepDims`.
    public func sum(axis: Int, keepDims: Bool = false) -> Tensor {
        let input = self
        let layout = AxisLayout(shape: shape, axis: axis, op: "sum(axis:)")
        var values = [Float](repeating: 0, count: layout.outer * layout.inner)
        values.withUnsafeMutableBufferPointer { out in
            scalars.withUnsafeBufferPointer { x in
                for o in 0..<layout.outer {
                    for k in 0..<layout.size {
                        let row = (o * layout.size + k) * layout.inner
                        for i in 0..<layout.inner { out[o * layout.inner + i] += x[row + i] }
                    }
                }
            }
        }
        var reduced = shape
        if keepDims { reduced[layout.axis] = 1 } else { reduced.remove(at: layout.axis) }
        guard Tensor.needsGradient(input) else { return Tensor(shape: reduced, scalars: values) }
        return Tensor.result(shape: reduced, scalars: values, op: "sum(axis:)", inputs: [input]) { gradient in
            input.addToGradient { target in
                for o in 0..<layout.outer {
                    for k in 0..<layout.size {
                        let row = (o * layout.size + k) * layout.inner
                        for i in 0..<layout.inner { target[row + i] += gradient[o * layout.inner + i] }
                    }
                }
            }
        }
    }

    /// Averages along `axis` (negative counts from the end), removing it unless `keepDims`.
    public func mean(axis: Int, keepDims: Bool = false) -> Tensor {
        let layout = AxisLayout(shape: shape, axis: axis, op: "mean(axis:)")
        guard layout.size > 0 else { fatalError("mean(axis:): axis \(axis) of shape \(shape) is empty") }
        return sum(axis: axis, keepDims: keepDims) * (1 / Float(layout.size))
    }

    /// The standard deviation of all values with Bessel's correction (divides by
    /// n - 1), like PyTorch's `.std()`.
    public func std() -> Tensor {
        guard count > 1 else { fatalError("std: needs at least 2 values, got shape \(shape)") }
        let centred = self - mean()
        return ((centred * centred).sum() * (1 / Float(count - 1))).sqrt()
    }

    /// The index of the largest value along `axis` (the last by default), as whole
    /// numbers in a tensor without that axis; the first index wins a tie. For greedy
    /// actions: `actor(features).argmax()`. It has no gradient.
    public func argmax(axis: Int = -1) -> Tensor {
        let layout = AxisLayout(shape: shape, axis: axis, op: "argmax")
        guard layout.size > 0 else { fatalError("argmax: axis \(axis) of shape \(shape) is empty") }
        var indices = [Float](repeating: 0, count: layout.outer * layout.inner)
        scalars.withUnsafeBufferPointer { x in
            Tensor.forEachLine(layout) { start, stride in
                var best = 0
                for k in 1..<layout.size where x[start + k * stride] > x[start + best * stride] { best = k }
                indices[(start / (layout.size * layout.inner)) * layout.inner + start % layout.inner] = Float(best)
            }
        }
        var reduced = shape
        reduced.remove(at: layout.axis)
        return Tensor(shape: reduced, scalars: indices)
    }

    /// Softmax along `axis` (the last by default): exponentials normalised to sum to 1.
    public func softmax(axis: Int = -1) -> Tensor {
        let input = self
        let layout = AxisLayout(shape: shape, axis: axis, op: "softmax")
        var values = [Float](repeating: 0, count: count)
        values.withUnsafeMutableBufferPointer { out in
            scalars.withUnsafeBufferPointer { x in
                Tensor.forEachLine(layout) { start, stride in
                    var largest = -Float.infinity
                    for k in 0..<layout.size { largest = Swift.max(largest, x[start + k * stride]) }
                    var total: Float = 0
                    for k in 0..<layout.size {
                        let e = Foundation.exp(x[start + k * stride] - largest)
                        out[start + k * stride] = e
                        total += e
                    }
                    for k in 0..<layout.size { out[start + k * stride] /= total }
                }
            }
        }
        guard Tensor.needsGradient(input) else { return Tensor(shape: shape, scalars: values) }
        return Tensor.result(shape: shape, scalars: values, op: "softmax", inputs: [input]) { gradient in
            input.addToGradient { target in
                values.withUnsafeBufferPointer { p in
                    Tensor.forEachLine(layout) { start, stride in
                        var dot: Float = 0
                        for k in 0..<layout.size { dot += gradient[start + k * stride] * p[start + k * stride] }
                        for k in 0..<layout.size {
                            let index = start + k * stride
                            target[index] += p[index] * (gradient[index] - dot)
                        }
                    }
                }
            }
        }
    }

    /// One line of `logSoftmax`: `out[k·stride] = x[k·stride] - log Σⱼ exp(x[j·stride])` for `count`
    /// values, with the largest subtracted first so that no exponential overflows.
    @inline(__always)
    static func logSoftmaxLine(_ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int, stride: Int) {
        var largest = -Float.infinity
        for k in 0..<count { largest = Swift.max(largest, x[k * stride]) }
        var total: Float = 0
        for k in 0..<count { total += Foundation.exp(x[k * stride] - largest) }
        let logTotal = largest + Foundation.log(total)
        for k in 0..<count { out[k * stride] = x[k * stride] - logTotal }
    }

    /// Log-softmax along `axis` (the last by default): x - log(sum(exp(x))), computed stably.
    public func logSoftmax(axis: Int = -1) -> Tensor {
        let input = self
        let layout = AxisLayout(shape: shape, axis: axis, op: "logSoftmax")
        var values = [Float](repeating: 0, count: count)
        values.withUnsafeMutableBufferPointer { out in
            scalars.withUnsafeBufferPointer { x in
                Tensor.forEachLine(layout) { start, stride in
                    Tensor.logSoftmaxLine(x.baseAddress! + start, into: out.baseAddress! + start, count: layout.size, stride: stride)
                }
            }
        }
        guard Tensor.needsGradient(input) else { return Tensor(shape: shape, scalars: values) }
        return Tensor.result(shape: shape, scalars: values, op: "logSoftmax", inputs: [input]) { gradient in
            input.addToGradient { target in
                values.withUnsafeBufferPointer { logP in
                    Tensor.forEachLine(layout) { start, stride in
                        var total: Float = 0
                        for k in 0..<layout.size { total += gradient[start + k * stride] }
                        for k in 0..<layout.size {
                            let index = start + k * stride
                            target[index] += gradient[index] - Foundation.exp(logP[index]) * total
                        }
                    }
                }
            }
        }
    }

    /// Calls `body(start, stride)` for every line of values along the layout's axis.
    @inline(__always)
    static func forEachLine(_ layout: AxisLayout, _ body: (Int, Int) -> Void) {
        for o in 0..<layout.outer {
            for i in 0..<layout.inner {
                body(o * layout.size * layout.inner + i, layout.inner)
            }
        }
    }
}
