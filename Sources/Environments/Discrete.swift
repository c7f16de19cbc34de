import SeededRandom

/// A finite set of actions `0..<n`, as Gymnasium's `spaces.Discrete(n)`.
///
/// ```swift
/// let space = Discrete(2)
/// space.n                 // 2
/// space.contains(1)       // true
/// ```
public struct Discrete: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The number of actions; valid actions are `0..<n`.
    public let n: Int

    /// Creates the space of actions `0..<n`; `n` must be positive.
    public init(_ n: Int) {
        guard n > 0 else { fatalError("Discrete(\(n)): the number of actions must be positive") }
        self.n = n
    }

    /// Whether `action` is one of `0..<n`.
    public func contains(_ action: Int) -> Bool {
        action >= 0 && action < n
    }

    /// A uniformly random action, like Gymnasium's `action_space.sample()`.
    public func sample(using generator: inout SeededGenerator) -> Int {
        generator.nextInt(below: n)
    }

    /// `Discrete(n)`, as Gymnasium prints it.
    public var description: String { "Discrete(\(n))" }
}
