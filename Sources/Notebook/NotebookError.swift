/// A problem with a notebook's text, reported at the line where it is.
public struct NotebookError: Error, CustomStringConvertible, Equatable {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, and where it helps, what to write instead.
    public var message: String

    /// Creates an error at `location`.
    public init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }

    /// `file:line: error: message`, as compilers print it.
    public var description: String { "\(location): error: \(message)" }
}
