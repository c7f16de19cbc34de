/// A layer or network: something that maps a tensor to a tensor and owns trainable
/// parameters, like PyTorch's `nn.Module`.
///
/// ```swift
/// let net = Sequential(Linear(4, 64), Tanh(), Linear(64, 2))
/// let opt = Adam(net.parameters, lr: 3e-4)
/// let logits = net(states)
/// ```
public protocol Module: AnyObject {
    /// Applies the module to `input`.
    func callAsFunction(_ input: Tensor) -> Tensor

    /// The trainable tensors, in a fixed order (the order `saveParameters` writes them).
    var parameters: [Tensor] { get }
}
