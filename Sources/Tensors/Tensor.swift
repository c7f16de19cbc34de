/// An n-dimensional array of `Float` that can record how it was computed, so that
/// `backward()` on a scalar result fills the `grad` of every tensor it depends on.
///
/// Storage is one contiguous row-major array. Shapes follow PyTorch: `[]` is a
/// scalar, `[4]` a vector, `[64, 4]` a batch of 64 rows.
///
/// ```swift
/// let w = Tensor.randn([3, 2]).requiringGrad()
/// let x = Tensor([[1, 2, 3]])
/// let loss = x.matmul(w).sum()
/// loss.backward()
/// print(w.grad!.shape)   // [3, 2]
/// ```
public final class Tensor {
    /// The size of each dimension, outermost first.
    public let shape: [Int]

    /// The values in row-major order.
    public package(set) var scalars: [Float]

    /// Whether gradients flow into this tensor. Set it on parameters (leaves);
    /// results of operations on such tensors require gradients automatically.
    public var requiresGrad: Bool

    /// The gradient accumulated by `backward()`, shaped like this tensor;
    /// `nil` before the first backward pass and after `zeroGrad()`.
    public var grad: Tensor?

    /// How this tensor was computed, when it was computed with gradients enabled.
    var gradientNode: GradientNode?

    /// Gradient being gathered for this tensor during a backward pass; empty otherwise.
    var pendingGradient: [Float] = []

    /// The number of the backward pass that last reached this tensor (see `ThreadContext.backwardPasses`).
    var lastVisit: UInt64 = 0

    /// Creates a tensor with the given shape and row-major values.
    init(shape: [Int], scalars: [Float], requiresGrad: Bool = false) {
        self.shape = shape
        self.scalars = scalars
        self.requiresGrad = requiresGrad
    }

    /// Creates a vector (shape `[values.count]`), like `torch.tensor([...])`.
    public convenience init(_ values: [Float]) {
        self.init(shape: [values.count], scalars: values)
    }

    /// Creates a scalar tensor (shape `[]`).
    public convenience init(_ value: Float) {
        self.init(shape: [], scalars: [value])
    }

    /// Creates a tensor of the given shape from row-major values.
    public convenience init(_ values: [Float], shape: [Int]) {
        let count = Tensor.elementCount(of: shape, op: "Tensor.init(_:shape:)")
        guard count == values.count else {
            fatalError("Tensor.init(_:shape:): shape \(shape) holds \(count) values but \(values.count) were given")
        }
        self.init(shape: shape, scalars: values)
    }

    /// Creates a matrix from rows of equal length (shape `[rows.count, rows[0].count]`).
    public convenience init(_ rows: [[Float]]) {
        let width = rows.first?.count ?? 0
        var values: [Float] = []
        values.reserveCapacity(rows.count * width)
        for (index, row) in rows.enumerated() {
            guard row.count == width else {
                fatalError("Tensor.init(_ rows:): row \(index) has \(row.count) values but row 0 has \(width)")
            }
            values.append(contentsOf: row)
        }
        self.init(shape: [rows.count, width], scalars: values)
    }

    /// The number of values (the product of the shape).
    public var count: Int { scalars.count }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The single value of a one-element tensor, like PyTorch's `.item()`.
    public var item: Float {
        guard scalars.count == 1 else {
            fatalError("Tensor.item: needs a tensor with one value, got shape \(shape) (\(scalars.count) values)")
        }
        return scalars[0]
    }

    /// Marks this tensor as a trainable leaf and returns it, for chaining.
    @discardableResult
    public func requiringGrad(_ flag: Bool = true) -> Tensor {
        requiresGrad = flag
        return self
    }

    /// The number of values a shape holds; stops with a message on a negative size.
    static func elementCount(of shape: [Int], op: String) -> Int {
        var count = 1
        for size in shape {
            guard size >= 0 else { fatalError("\(op): negative size in shape \(shape)") }
            count *= size
        }
        return count
    }
}

extension Tensor: CustomStringConvertible {
    /// The shape and values, nested by rows, e.g. `Tensor([2, 2]) [[1.0, 2.0], [3.0, 4.0]]`.
    public var description: String {
        "Tensor(\(shape)) " + Tensor.nested(scalars[...], shape: shape[...])
    }

    private static func nested(_ values: ArraySlice<Float>, shape: ArraySlice<Int>) -> String {
        guard let outer = shape.first else { return values.first.map { "\($0)" } ?? "" }
        let inner = shape.dropFirst().reduce(1, *)
        let parts = (0..<outer).map { index -> String in
            let start = values.startIndex + index * inner
            return nested(values[start..<start + inner], shape: shape.dropFirst())
        }
        return "[" + parts.joined(separator: ", ") + "]"
    }
}
