import Foundation
import SeededRandom

/// A box of real vectors with per-element bounds, as Gymnasium's `spaces.Box` with `dtype=float32`.
///
/// Observations and continuous actions are flat `[Float]` arrays of `count` elements;
/// unbounded elements have infinite bounds.
///
/// ```swift
/// let torque = Box(low: -2, high: 2, shape: [1])
/// torque.shape            // [1]
/// torque.high             // [2.0]
/// ```
public struct Box: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The lowest value of each element, in row-major order.
    public let low: [Float]
    /// The highest value of each element, in row-major order.
    public let high: [Float]
    /// The dimensions of one value, as NumPy's `shape` (`[4]` for CartPole's observation).
    public let shape: [Int]

    /// Creates a box with one bound per element; `low` and `high` must each hold
    /// `shape.reduce(1, *)` values, with `low <= high` everywhere.
    public init(low: [Float], high: [Float], shape: [Int]) {
        let count = shape.reduce(1, *)
        guard shape.allSatisfy({ $0 > 0 }), low.count == count, high.count == count else {
            fatalError("Box(low:high:shape:): shape \(shape) needs \(count) bounds on each side, got \(low.count) low and \(high.count) high")
        }
        guard zip(low, high).allSatisfy({ $0 <= $1 }) else {
            fatalError("Box(low:high:shape:): every low bound must be at most its high bound, got low \(low) and high \(high)")
        }
        self.low = low
        self.high = high
        self.shape = shape
    }

    /// Creates a box whose elements all share the bounds `low` and `high`.
    public init(low: Float, high: Float, shape: [Int]) {
        let count = shape.reduce(1, *)
        self.init(low: Array(repeating: low, count: count), high: Array(repeating: high, count: count), shape: shape)
    }

    /// The number of elements in one value (the product of `shape`).
    public var count: Int { low.count }

    /// Whether `value` has `count` elements, each within its bounds.
    public func contains(_ value: [Float]) -> Bool {
        value.count == count && value.indices.allSatisfy { low[$0] <= value[$0] && value[$0] <= high[$0] }
    }

    /// A random value: uniform in each bounded element, like Gymnasium's `sample()`.
    ///
    /// Elements with an infinite bound are drawn as Gymnasium draws them: a standard normal
    /// when both bounds are infinite, and an exponential offset from the finite bound otherwise.
    public func sample(using generator: inout SeededGenerator) -> [Float] {
        (0..<count).map { index in
            let lower = Double(low[index]), upper = Double(high[index])
            switch (lower.isFinite, upper.isFinite) {
            case (true, true): return Float(generator.nextDouble(from: lower, to: upper))
            case (true, false): return Float(lower - log(1 - generator.nextDouble()))
            case (false, true): return Float(upper + log(1 - generator.nextDouble()))
            case (false, false): return Float(generator.nextNormal())
            }
        }
    }

    /// `Box(low: ..., high: ..., shape: [...])`.
    public var description: String { "Box(low: \(low), high: \(high), shape: \(shape))" }
}
