import CellEvents
import Notebook

/// The key of each cell of a session: a digest chained over the code and tags of every cell
/// of the session up to and including it, starting from the ``KeyContext``.
///
/// Line numbers are not part of it, nor are cells of other sessions, nor prose: moving a
/// cell leaves its key alone, and so its cached results and memoised values stay valid.
/// The last cell's key is the session's: its results are stored under it.
struct SessionKeys: Equatable {
    /// The key of each cell, by position in the session.
    let cells: [String]

    /// The format of keys and stored entries; a change to it makes every earlier entry a miss.
    static let format = "ppo-book keys 1"

    /// Chains the keys of `cells` (the session's, in order) from `context`.
    init(cells: [Cell], context: KeyContext) {
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
    }

    /// The key the session's results are stored under.
    var session: String { cells.last ?? "" }

    /// The cell's tags in one fixed spelling.
    private static func tags(of options: CellOptions) -> String {
        [
            "session=\(options.session)", "id=\(options.id ?? "")", "caption=\(options.caption ?? "")",
            "hide=\(options.hide)", "norun=\(options.norun)", "expect-error=\(options.expectError)",
            "timeout=\(options.timeout.map { String($0) } ?? "")",
        ].joined(separator: "\u{0}")
    }
}
