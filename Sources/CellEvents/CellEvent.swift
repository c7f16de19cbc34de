/// A message from a running notebook program to ppo-book, in order with the cell's printed text.
public enum CellEvent: Codable, Equatable, Sendable {
    /// The cell with this notebook index starts running.
    case cellStarted(Int)
    /// The cell with this index ran to its end.
    case cellFinished(Int)
    /// The cell showed a table.
    case table(TableOutput)
    /// The cell showed a figure.
    case figure(FigureOutput)
    /// A long-running cell reports how far it has come.
    case progress(ProgressReport)
    /// An `expect-error` cell failed as it should; the message says how.
    case expectedErrorOccurred(cell: Int, message: String)
    /// An `expect-error` cell ran to its end without failing.
    case expectedErrorMissing(Int)
    /// The inline value with this notebook index starts being evaluated.
    case inlineStarted(Int)
    /// The inline value with this index was evaluated; the text is what the page shows.
    case inlineValue(index: Int, text: String)
    /// A claim was made (in a cell, or in the inline value being evaluated).
    case claim(ClaimOutput)
}

/// How far a long-running cell has come.
public struct ProgressReport: Codable, Equatable, Sendable {
    /// Units of work done so far (steps, episodes, seeds...).
    public var done: Int
    /// Units of work in all, when known.
    public var total: Int?
    /// A short status, such as the latest average return.
    public var message: String

    /// Creates a report.
    public init(done: Int, total: Int?, message: String) {
        self.done = done
        self.total = total
        self.message = message
    }
}
