/// The rectified-linear activation as a layer, like `nn.ReLU()`.
public final class ReLU: Module {
    /// Creates the layer; it has no parameters.
    public init() {}

    /// Applies max(x, 0) to every value.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        input.relu()
    }

    /// None: the layer has no parameters.
    public var parameters: [Tensor] { [] }
}
