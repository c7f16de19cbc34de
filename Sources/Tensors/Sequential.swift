/// Modules applied one after another, like `nn.Sequential`.
public final class Sequential: Module {
    /// The modules, in the order they are applied.
    public let layers: [any Module]

    /// Chains the given modules.
    public init(_ layers: any Module...) {
        self.layers = layers
    }

    /// Chains the given modules.
    public init(_ layers: [any Module]) {
        self.layers = layers
    }

    /// Feeds `input` through every layer in turn.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        layers.reduce(input) { value, layer in layer(value) }
    }

    /// The parameters of every layer, in layer order.
    public var parameters: [Tensor] {
        layers.flatMap(\.parameters)
    }
}
