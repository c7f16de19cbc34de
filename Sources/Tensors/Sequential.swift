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

    /// Feeds `input` through every layer in turn; a `Linear` followed by `Tanh` or `ReLU` runs
    /// as one fused operation (the same values and gradients).
    public func callAsFunction(_ input: Tensor) -> Tensor {
        var value = input
        var index = 0
        while index < layers.count {
            if let linear = layers[index] as? Linear, index + 1 < layers.count,
               let activation = Self.activation(of: layers[index + 1]) {
                value = linear(value, then: activation)
                index += 2
            } else {
                value = layers[index](value)
                index += 1
            }
        }
        return value
    }

    private static func activation(of layer: any Module) -> Activation? {
        switch layer {
        case is Tanh: return .tanh
        case is ReLU: return .relu
        default: return nil
        }
    }

    /// The parameters of every layer, in layer order.
    public var parameters: [Tensor] {
        layers.flatMap(\.parameters)
    }
}
