import CellEvents
import Notebook

/// Puts a session's results, stored with places relative to each cell
/// (`ppo-book-cell-2.swift:4:9`) and inline value (`ppo-book-inline-0.swift:1:23`), back into
/// the notebook as it is now (`notebooks/109.md:214:9`), and files them under each cell's and
/// inline value's notebook index.
///
/// This is what lets a cached result survive prose edits: the stored result never names
/// a notebook line, and the lines are worked out afresh at every render.
struct ResultPlacement {
    /// The session's cells, in order (position `n` is `cells[n]`).
    let cells: [Cell]
    /// The session's inline values, in order (position `n` is `values[n]`).
    var values: [InlineValue] = []
    /// The notebook's path, as messages name it.
    let notebookPath: String

    private static let place = try! Regex(#"(?:[^\s:"'`]*/)?ppo-book-(cell|inline)-([0-9]+)\.swift:([0-9]+)"#)

    /// The results by notebook index, with every place in their messages pointing into the notebook.
    func place(_ results: NotebookResults) -> NotebookResults {
        var placed = NotebookResults()
        for (position, result) in results.cells where position < cells.count {
            var result = result
            result.outputs = result.outputs.map(place)
            placed.cells[cells[position].index] = result
        }
        for (position, result) in results.inlineValues where position < values.count {
            var result = result
            result.error = result.error.map(place)
            result.claim = result.claim.map(place)
            placed.inlineValues[values[position].index] = result
        }
        return placed
    }

    /// A compiler diagnostic, moved from its cell's file to the notebook.
    func place(_ diagnostic: Diagnostic) -> Diagnostic {
        var moved = diagnostic
        if let line = notebookLine(file: diagnostic.file, line: diagnostic.line) {
            moved.file = notebookPath
            moved.line = line
        }
        moved.excerpt = diagnostic.excerpt.map(place)
        return moved
    }

    /// `text` with every cell or inline value place in it replaced by the notebook place.
    func place(_ text: String) -> String {
        text.replacing(Self.place) { match in
            let whole = String(match.output[0].substring ?? "")
            guard let kind = match.output[1].substring, let position = match.output[2].substring,
                  let line = Int(match.output[3].substring ?? ""),
                  let notebookLine = notebookLine(file: "ppo-book-\(kind)-\(position).swift", line: line) else { return whole }
            return "\(notebookPath):\(notebookLine)"
        }
    }

    private func place(_ output: CellOutput) -> CellOutput {
        switch output {
        case .error(let text): .error(place(text))
        case .standardError(let text): .standardError(place(text))
        case .claim(let claim): .claim(place(claim))
        case .text, .notice, .table, .figure: output
        }
    }

    private func place(_ claim: ClaimOutput) -> ClaimOutput {
        var moved = claim
        if let line = notebookLine(file: claim.file, line: claim.line) {
            moved.file = notebookPath
            moved.line = line
        }
        return moved
    }

    /// Line `line` of a cell's file (line 0 being its opening fence) or of an inline value's
    /// file (line 1, its prose line), in the notebook; nil for another file.
    private func notebookLine(file: String, line: Int) -> Int? {
        if let position = CellFile.position(named: file), position < cells.count {
            return cells[position].fence.line + line
        }
        if let position = InlineValueFile.position(named: file), position < values.count {
            return values[position].location.line + line - 1
        }
        return nil
    }
}
