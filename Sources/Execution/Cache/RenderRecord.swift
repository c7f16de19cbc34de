import CellEvents
import Foundation
import Notebook

/// What a notebook's last render keyed each session by: the ``KeyContext`` and each cell's
/// key. Comparing with it tells why a session runs again (which cell changed, or which part
/// of the context), for the terminal summary. It never decides whether a result is reused.
struct RenderRecord: Codable {
    /// One session's keys.
    struct Session: Codable {
        var context: KeyContext
        var cells: [String]
    }

    /// The record's sessions, by name.
    var sessions: [String: Session] = [:]

    /// The record of the notebook at `notebookPath` in `cache`, or an empty one.
    static func load(for notebookPath: String, in cache: ResultCache) -> RenderRecord {
        guard let data = FileManager.default.contents(atPath: path(for: notebookPath, in: cache)),
              let record = try? JSONDecoder().decode(RenderRecord.self, from: data) else { return RenderRecord() }
        return record
    }

    /// Writes the record of the notebook at `notebookPath` (the last render to finish wins).
    func save(for notebookPath: String, in cache: ResultCache) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        try? AtomicFile.write(data, to: Self.path(for: notebookPath, in: cache))
    }

    /// Why `session`, keyed by `keys` under `context`, runs when it ran last time with this record's keys.
    func reason(session: NotebookSession, keys: SessionKeys, context: KeyContext) -> String {
        guard let earlier = sessions[session.name] else { return "not rendered before" }
        let changes = zip(earlier.context.parts, context.parts).filter { $0.value != $1.value }.map(\.1.change)
        if !changes.isEmpty { return changes.joined(separator: "; ") }
        guard let first = keys.cells.indices.first(where: { $0 >= earlier.cells.count || keys.cells[$0] != earlier.cells[$0] })
        else {
            return keys.cells.count < earlier.cells.count
                ? "its last cell was removed" : "its results were not in the cache (an earlier run failed or was stopped)"
        }
        let cell = "\(session.cells[first].fence) [\(session.cells[first].anchor)]"
        return first < earlier.cells.count
            ? "the cell at \(cell) changed (or a cell was added or removed there)" : "a cell was added at \(cell)"
    }

    private static func path(for notebookPath: String, in cache: ResultCache) -> String {
        var hash = SHA256()
        hash.update(URL(fileURLWithPath: notebookPath).standardizedFileURL.path)
        return "\(cache.recordsDirectory)/\(hash.hexDigest()).json"
    }
}
