import CellEvents
import Notebook

/// The name a cell's code goes by inside its session's program, in place of the notebook's
/// path and lines: `ppo-book-cell-3.swift`, line 1 being the cell's first line of code.
///
/// The name holds only the cell's position in its session, so the program (and what it
/// reports: compile errors, traps) stays the same when prose above the cell moves it, or
/// when another session gains a cell. ``ResultPlacement`` turns such places back into
/// notebook lines when the page is made.
enum CellFile {
    private static let file = NumberedFileName.cell

    /// The file name of the cell at `position` of its session.
    static func name(position: Int) -> String { file.name(position: position) }

    /// The position of the cell a file name stands for (with or without a folder before it), if it is one.
    static func position(named name: String) -> Int? { file.position(named: name) }

    /// `cells` as their session's program sees them: indexed by position, each one's opening
    /// fence on line 0 of its own file, so that its first line of code is line 1.
    static func positioned(_ cells: [Cell]) -> [Cell] {
        cells.enumerated().map { position, cell in
            Cell(index: position, options: cell.options, source: cell.source,
                 fence: SourceLocation(file: name(position: position), line: 0))
        }
    }
}
