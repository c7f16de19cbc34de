/// Something that updates parameters from their gradients, like `torch.optim.Optimizer`.
public protocol Optimizer: AnyObject {
    /// The tensors this optimiser updates.
    var parameters: [Tensor] { get }

    /// Applies one update using the parameters' current `grad` (parameters without a
    /// gradient are left alone).
    func step()
}

extension Optimizer {
    /// Clears every parameter's gradient (sets it to `nil`, PyTorch's default), so the
    /// next `backward()` starts from zero.
    public func zeroGrad() {
        for parameter in parameters { parameter.grad = nil }
    }
}
