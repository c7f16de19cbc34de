import SeededRandom

/// A fully connected layer `y = x·Wᵀ + b`, like `nn.Linear(in, out)`.
///
/// `weight` has shape `[out, in]` and `bias` `[out]`, as in PyTorch. The forward
/// pass and its gradient are one fused operation (`Tensor.linear`).
public final class Linear: Module {
    /// How a layer's weight and bias start out.
    public enum Initialization {
        /// PyTorch's default: weight and bias uniform in ±1/√in (Kaiming-uniform with a = √5).
        case pytorchDefault
        /// An orthogonal weight matrix scaled by `gain` and a zero bias, as many PPO
        /// implementations use (gain √2 in the trunk, 0.01 for the policy head, 1 for the value head).
        case orthogonal(gain: Float)
    }

    /// The weight matrix, shape `[out, in]`.
    public let weight: Tensor

    /// The bias vector, shape `[out]`, or `nil` for a layer without bias.
    public let bias: Tensor?

    /// Creates a layer drawing its initial values from `generator`.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias hasBias: Bool = true,
                initialization: Initialization = .pytorchDefault, using generator: inout SeededGenerator) {
        guard inFeatures > 0, outFeatures > 0 else {
            fatalError("Linear: sizes must be positive, got in \(inFeatures), out \(outFeatures)")
        }
        switch initialization {
        case .pytorchDefault:
            let bound = 1 / Float(inFeatures).squareRoot()
            weight = Linear.uniform([outFeatures, inFeatures], bound: bound, using: &generator)
            bias = hasBias ? Linear.uniform([outFeatures], bound: bound, using: &generator) : nil
        case .orthogonal(let gain):
            weight = Tensor(shape: [outFeatures, inFeatures],
                            scalars: Linear.orthogonal(rows: outFeatures, columns: inFeatures, gain: gain, using: &generator))
            bias = hasBias ? Tensor.zeros([outFeatures]) : nil
        }
        weight.requiresGrad = true
        bias?.requiresGrad = true
    }

    /// Creates a layer drawing its initial values from the calling thread's default
    /// generator (see `manualSeed`), like `nn.Linear(in, out)`.
    public convenience init(_ inFeatures: Int, _ outFeatures: Int, bias hasBias: Bool = true,
                            initialization: Initialization = .pytorchDefault) {
        let context = ThreadContext.current
        self.init(inFeatures, outFeatures, bias: hasBias, initialization: initialization, using: &context.generator)
    }

    /// Applies the layer to `[batch, in]` (or a single `[in]`) input.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        Tensor.linear(input, weight: weight, bias: bias)
    }

    /// Applies the layer and then `activation` as one fused operation: `layer(x, then: .tanh)`
    /// equals `layer(x).tanh()`, values and gradients, with less work.
    public func callAsFunction(_ input: Tensor, then activation: Activation) -> Tensor {
        Tensor.linear(input, weight: weight, bias: bias, activation: activation)
    }

    /// The weight, then the bias.
    public var parameters: [Tensor] {
        bias.map { [weight, $0] } ?? [weight]
    }

    private static func uniform(_ shape: [Int], bound: Float, using generator: inout SeededGenerator) -> Tensor {
        let count = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<count).map { _ in (2 * generator.nextFloat() - 1) * bound })
    }

    /// A `[rows, columns]` matrix whose rows (if fewer) or columns (otherwise) are
    /// orthonormal, times `gain`: Gram-Schmidt on a Gaussian matrix, which is its QR
    /// factor with a positive diagonal in R, as `torch.nn.init.orthogonal_` produces.
    private static func orthogonal(rows: Int, columns: Int, gain: Float, using generator: inout SeededGenerator) -> [Float] {
        let (vectors, length) = rows < columns ? (rows, columns) : (columns, rows)
        var basis: [[Double]] = []
        for _ in 0..<vectors {
            var vector = (0..<length).map { _ in generator.nextNormal() }
            for _ in 0..<2 {
                for previous in basis {
                    let projection = zip(vector, previous).reduce(0) { $0 + $1.0 * $1.1 }
                    for index in 0..<length { vector[index] -= projection * previous[index] }
                }
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            basis.append(vector.map { $0 / norm })
        }
        var values = [Float](repeating: 0, count: rows * columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let value = rows < columns ? basis[r][c] : basis[c][r]
                values[r * columns + c] = Float(value) * gain
            }
        }
        return values
    }
}
