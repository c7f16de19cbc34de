/// A fenced `swift` code block of a notebook: code that is compiled and run.
public struct Cell: Sendable {
    /// The cell's position among the notebook's cells, from 0.
    public var index: Int
    /// What its tags ask for.
    public var options: CellOptions
    /// The code, exactly as written between the fences.
    public var source: String
    /// The opening fence.
    public var fence: SourceLocation

    /// Creates a cell.
    public init(index: Int, options: CellOptions, source: String, fence: SourceLocation) {
        self.index = index
        self.options = options
        self.source = source
        self.fence = fence
    }

    /// The line of the cell's first line of code.
    public var firstCodeLine: Int { fence.line + 1 }

    /// The cell's anchor in the page: its `id=` tag, or `cell-N` counting from 1.
    public var anchor: String { options.id ?? "cell-\(index + 1)" }

    /// Whether the cell is compiled and run.
    public var runs: Bool { !options.norun }
}
