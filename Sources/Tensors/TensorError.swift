/// A description of why an operation cannot run on the tensors it was given.
///
/// Operations stop with this message (`fatalError`); the checking functions that
/// produce it (`Tensor.broadcastShape`, `backwardProblem`) return it so that it
/// can be inspected.
public struct TensorError: Error, Equatable, CustomStringConvertible {
    /// The full message, naming the operation and the shapes involved.
    public let message: String

    /// Creates an error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
