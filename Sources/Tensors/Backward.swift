extension Tensor {
    /// Computes the gradient of this scalar with respect to every tensor it depends on
    /// that requires gradients, adding it into their `grad` (like PyTorch, gradients
    /// accumulate until `zeroGrad()`).
    ///
    /// Stops with a message if the tensor is not a single value, does not require
    /// gradients, or is NaN or infinite (a loss that has already blown up).
    public func backward() {
        if let problem = backwardProblem {
            fatalError(problem.message)
        }
        let order = topologicalOrder()
        pendingGradient = [1]
        for tensor in order.reversed() {
            guard let node = tensor.gradientNode else { continue }
            guard !tensor.pendingGradient.isEmpty else { continue }
            let gradient = tensor.pendingGradient
            tensor.pendingGradient = []
            gradient.withUnsafeBufferPointer { node.propagate($0) }
        }
        for tensor in order where tensor.gradientNode == nil && !tensor.pendingGradient.isEmpty {
            tensor.storeGradient()
        }
    }

    /// Why `backward()` cannot run on this tensor, or `nil` if it can.
    public var backwardProblem: TensorError? {
        guard scalars.count == 1 else {
            return TensorError("backward: needs a scalar loss, got shape \(shape); reduce it first (e.g. .mean() or .sum())")
        }
        guard requiresGrad else {
            return TensorError("backward: the loss does not require gradients; was it computed inside noGrad { } or from detached tensors only?")
        }
        guard scalars[0].isFinite else {
            let producer = gradientNode.map { " (computed by \($0.op))" } ?? ""
            return TensorError("backward: the loss is \(scalars[0])\(producer); look for log of 0, division by 0 or exploding values upstream")
        }
        return nil
    }

    /// Moves the gradient gathered for a leaf into `grad`, adding to what is there.
    private func storeGradient() {
        if let existing = grad, existing.scalars.count == pendingGradient.count {
            existing.scalars.withUnsafeMutableBufferPointer { total in
                pendingGradient.withUnsafeBufferPointer { new in
                    for index in total.indices { total[index] += new[index] }
                }
            }
        } else {
            grad = Tensor(shape: shape, scalars: pendingGradient)
        }
        pendingGradient = []
    }

    /// Every tensor that requires gradients and leads to this one, each after the
    /// tensors it was computed from.
    private func topologicalOrder() -> [Tensor] {
        let context = ThreadContext.current
        context.backwardPasses &+= 1
        let pass = context.backwardPasses
        var order: [Tensor] = []
        var stack: [(tensor: Tensor, expanded: Bool)] = [(self, false)]
        while let (tensor, expanded) = stack.popLast() {
            if expanded {
                order.append(tensor)
                continue
            }
            guard tensor.lastVisit != pass else { continue }
            tensor.lastVisit = pass
            stack.append((tensor, true))
            for input in tensor.gradientNode?.inputs ?? [] where input.lastVisit != pass {
                stack.append((input, false))
            }
        }
        return order
    }
}
