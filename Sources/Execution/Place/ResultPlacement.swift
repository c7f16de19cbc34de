import CellEvents
import Notebook

/// Puts a session's results, stored with places relative to each cell
/// (`ppo-book-cell-2.swift:4:9`), back into the notebook as it is now
/// (`notebooks/109.md:214:9`), and files them under each cell's notebook index.
///
/// This is what lets a cached result survive prose edits: the stored result never names
/// a notebook line, and the lines are worked out afresh at every render.
struct ResultPlacement {
    /// The session's cells, in order (position `n` is `cells[n]`).
    let cells: [Cell]
    /// The notebook's path, as messages name it.
    let notebookPath: String

    private static let place = try! Regex(#"(?:[^\s:"'`]*/)?ppo-book-cell-([0-9]+)\.swift:([0-9]+)"#)

    /// The results by notebook cell index, with every place in their messages pointing into the notebook.
    func place(_ results: [Int: CellResult]) -> [Int: CellResult] {
        var placed: [Int: CellResult] = [:]
        for (position, result) in results where position < cells.count {
            var result = result
            result.outputs = result.outputs.map(place)
            placed[cells[position].index] = result
        }
        return placed
    }

    /// A compiler diagnostic, moved from its cell's file to the notebook.
    func place(_ diagnostic: Diagnostic) -> Diagnostic {
        var moved = diagnostic
        if let position = CellFile.position(named: diagnostic.file), position < cells.count {
            moved.file = notebookPath
            moved.line = notebookLine(position: position, line: diagnostic.line)
        }
        moved.excerpt = diagnostic.excerpt.map(place)
        return moved
    }

    /// `text` with every cell place in it replaced by the notebook place.
    func place(_ text: String) -> String {
        text.replacing(Self.place) { match in
            guard let position = Int(match.output[1].substring ?? ""), position < cells.count,
                  let line = Int(match.output[2].substring ?? "") else { return String(match.output[0].substring ?? "") }
            return "\(notebookPath):\(notebookLine(position: position, line: line))"
        }
    }

    private func place(_ output: CellOutput) -> CellOutput {
        switch output {
        case .error(let text): .error(place(text))
        case .standardError(let text): .standardError(place(text))
        case .text, .notice, .table, .figure: output
        }
    }

    /// Line `line` of the cell at `position` (line 0 being its opening fence), in the notebook.
    private func notebookLine(position: Int, line: Int) -> Int {
        cells[position].fence.line + line
    }
}
