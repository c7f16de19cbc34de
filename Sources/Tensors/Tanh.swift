/// The hyperbolic-tangent activation as a layer, like `nn.Tanh()`.
public final class Tanh: Module {
    /// Creates the layer; it has no parameters.
    public init() {}

    /// Applies tanh to every value.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        input.tanh()
    }

    /// None: the layer has no parameters.
    public var parameters: [Tensor] { [] }
}
