/// A place in a notebook's source: the file as the user named it and a 1-based line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The notebook's path as given on the command line (so messages match what the user typed).
    public var file: String
    /// The 1-based line number.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`, the form editors and terminals turn into links.
    public var description: String { "\(file):\(line)" }
}
