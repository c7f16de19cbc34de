/// What the cells and the inline values of a notebook (or of one session) produced.
public struct NotebookResults: Codable, Equatable, Sendable {
    /// Each cell's result, by cell index.
    public var cells: [Int: CellResult]
    /// Each inline value's result, by inline value index.
    public var inlineValues: [Int: InlineValueResult]

    /// Creates results.
    public init(cells: [Int: CellResult] = [:], inlineValues: [Int: InlineValueResult] = [:]) {
        self.cells = cells
        self.inlineValues = inlineValues
    }

    /// Adds `other`'s results, keeping these where both have one.
    mutating func merge(_ other: NotebookResults) {
        cells.merge(other.cells) { first, _ in first }
        inlineValues.merge(other.inlineValues) { first, _ in first }
    }

    /// Whether everything ran as it should: no failed cell, no failed or skipped inline value.
    public var succeeded: Bool {
        cells.values.allSatisfy { $0.status == .succeeded || $0.status == .failedAsExpected || $0.status == .shownOnly }
            && inlineValues.values.allSatisfy { $0.status == .evaluated }
    }

    /// Every error message, for the terminal: failed cells' and failed inline values'.
    public var errorMessages: [String] {
        cells.keys.sorted().filter { cells[$0]!.status == .failed }.flatMap { cells[$0]!.errorMessages }
            + inlineValues.keys.sorted().compactMap { inlineValues[$0]!.error }
    }
}
