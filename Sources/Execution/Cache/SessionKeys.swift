import CellEvents
import Notebook

/// The key of each cell of a session: a digest chained over the code and tags of every cell
/// of the session up to and including it, starting from the ``KeyContext``.
///
/// Line numbers are not part of it, nor are cells of other sessions, nor prose: moving a
/// cell leaves its key alone, and so its cached results and memoised values stay valid.
/// The session's key, which its results are stored under, follows on from the last cell's
/// with the session's inline values (their expressions and how many cells come before each):
/// an edited inline value evaluates the session again, but leaves every cell's key, and so its
/// memoised values, alone.
struct SessionKeys: Equatable {
    /// The key of each cell, by position in the session.
    let cells: [String]
    /// The key the session's results are stored under.
    let session: String

    /// The format of keys and stored entries; a change to it makes every earlier entry a miss.
    static let format = "ppo-book keys 1"

    /// Chains the keys of `cells` and then `values` (the session's, in order) from `context`.
    init(cells: [Cell], values: [PositionedValue] = [], context: KeyContext) {
        var hash = SHA256()
        hash.update(Self.format)
        for part in context.parts { hash.update(part.value) }
        var previous = hash.hexDigest()
        var keys: [String] = []
        for cell in cells {
            var next = SHA256()
            next.update(previous)
            next.update(cell.source)
            next.update(Self.tags(of: cell.options))
            previous = next.hexDigest()
            keys.append(previous)
        }
        self.cells = keys
        guard !values.isEmpty else {
            session = previous
            return
        }
        var withValues = SHA256()
        withValues.update(previous)
        for positioned in values {
            withValues.update("inline value after \(positioned.cellsBefore) cells")
            withValues.update(positioned.value.expression)
        }
        session = withValues.hexDigest()
    }

    /// The cell's tags in one fixed spelling.
    private static func tags(of options: CellOptions) -> String {
        [
            "session=\(options.session)", "id=\(options.id ?? "")", "caption=\(options.caption ?? "")",
            "hide=\(options.hide)", "norun=\(options.norun)", "expect-error=\(options.expectError)",
            "timeout=\(options.timeout.map { String($0) } ?? "")",
        ].joined(separator: "\u{0}")
    }
}
