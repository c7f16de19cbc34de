import CellEvents
import Notebook

/// The name an inline value's expression goes by inside its session's program, as
/// ``CellFile`` names cells: `ppo-book-inline-2.swift`, line 1, the expression at the same
/// column as in the prose. ``ResultPlacement`` puts such places back on the prose's line.
enum InlineValueFile {
    private static let file = NumberedFileName.inline

    /// The file name of the inline value at `position` of its session.
    static func name(position: Int) -> String { file.name(position: position) }

    /// The position of the inline value a file name stands for (with or without a folder before it), if it is one.
    static func position(named name: String) -> Int? { file.position(named: name) }

    /// `values` as their session's program sees them: indexed by position, each on line 1 of
    /// its own file, with the number of the session's `cells` above it.
    static func positioned(_ values: [InlineValue], among cells: [Cell]) -> [PositionedValue] {
        values.enumerated().map { position, value in
            var positioned = value
            positioned.index = position
            positioned.location = SourceLocation(file: name(position: position), line: 1)
            return PositionedValue(value: positioned, cellsBefore: cells.count { $0.fence.line < value.location.line })
        }
    }
}

/// An inline value placed in its session's program: after the first `cellsBefore` cells.
struct PositionedValue {
    /// The value, indexed by its position in the session and located in its own file.
    var value: InlineValue
    /// How many of the session's cells come before it.
    var cellsBefore: Int
}
