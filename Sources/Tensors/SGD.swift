/// Plain stochastic gradient descent, `p -= lr * grad`, like `torch.optim.SGD(params, lr=)`.
public final class SGD: Optimizer {
    /// The tensors this optimiser updates.
    public let parameters: [Tensor]

    /// The learning rate.
    public var lr: Float

    /// Creates the optimiser for `parameters` with learning rate `lr`.
    public init(_ parameters: [Tensor], lr: Float) {
        self.parameters = parameters
        self.lr = lr
    }

    /// Moves every parameter against its gradient.
    public func step() {
        for parameter in parameters {
            guard let grad = parameter.grad else { continue }
            let rate = lr
            parameter.scalars.withUnsafeMutableBufferPointer { p in
                grad.scalars.withUnsafeBufferPointer { g in
                    for index in p.indices { p[index] -= rate * g[index] }
                }
            }
        }
    }
}
