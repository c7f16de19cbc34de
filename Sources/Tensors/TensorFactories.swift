import SeededRandom

extension Tensor {
    /// A tensor of the given shape filled with `value`.
    public static func full(_ shape: [Int], _ value: Float) -> Tensor {
        Tensor(shape: shape, scalars: [Float](repeating: value, count: elementCount(of: shape, op: "Tensor.full")))
    }

    /// A tensor of the given shape filled with zeros.
    public static func zeros(_ shape: [Int]) -> Tensor {
        full(shape, 0)
    }

    /// A tensor of the given shape filled with ones.
    public static func ones(_ shape: [Int]) -> Tensor {
        full(shape, 1)
    }

    /// Standard normal values drawn from `generator`.
    public static func randn(_ shape: [Int], using generator: inout SeededGenerator) -> Tensor {
        let count = elementCount(of: shape, op: "Tensor.randn")
        return Tensor(shape: shape, scalars: (0..<count).map { _ in Float(generator.nextNormal()) })
    }

    /// Standard normal values drawn from the calling thread's default generator (see `manualSeed`).
    public static func randn(_ shape: [Int]) -> Tensor {
        withDefaultGenerator { randn(shape, using: &$0) }
    }

    /// Uniform values in `[0, 1)` drawn from `generator`.
    public static func rand(_ shape: [Int], using generator: inout SeededGenerator) -> Tensor {
        let count = elementCount(of: shape, op: "Tensor.rand")
        return Tensor(shape: shape, scalars: (0..<count).map { _ in generator.nextFloat() })
    }

    /// Uniform values in `[0, 1)` drawn from the calling thread's default generator (see `manualSeed`).
    public static func rand(_ shape: [Int]) -> Tensor {
        withDefaultGenerator { rand(shape, using: &$0) }
    }
}
