/// Floating-point operations in the matrix products of dense layers (`(inputs, outputs)` each);
/// element-wise work (biases, activations, the optimiser) is left out, as is usual for GFLOP/s.
enum FlopCount {
    /// One forward pass over `rows` rows: a multiply and an add per weight and row.
    static func forward(layers: [(Int, Int)], rows: Int) -> Double {
        Double(layers.reduce(0) { $0 + 2 * rows * $1.0 * $1.1 })
    }

    /// A training step: the forward pass, the weight gradients (as many FLOPs) and the input
    /// gradients of every layer but the first (the first layer's input needs none).
    static func update(layers: [(Int, Int)], rows: Int) -> Double {
        2 * forward(layers: layers, rows: rows) + forward(layers: Array(layers.dropFirst()), rows: rows)
    }
}
