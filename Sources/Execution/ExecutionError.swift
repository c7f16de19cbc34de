/// A failure of the machinery around the cells (no compiler, no engine library, no pipe),
/// as opposed to a cell's own error, which is that cell's output.
public struct ExecutionError: Error, CustomStringConvertible {
    /// What went wrong, worded for the user.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
