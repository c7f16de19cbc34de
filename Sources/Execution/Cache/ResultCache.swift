import CellEvents
import Foundation

/// The cache folder: session results, memoised values, the record of each notebook's last
/// render, and remembered file facts, each in a folder of its own.
///
/// A session's results are stored under its ``SessionKeys/session`` key, with places
/// relative to each cell (see ``ResultPlacement``), so they stay valid when prose moves
/// the cells. Only sessions whose cells all ended as they should are stored, so a failure
/// is always run again. Every entry holds its format and key; a damaged, truncated or
/// foreign file is ignored. Files are written whole under a temporary name and then
/// renamed, so two renders of one notebook at once never see half an entry.
public struct ResultCache: Sendable {
    /// The cache folder.
    public var directory: String

    /// Creates a cache in `directory` (created when first written).
    public init(directory: String) {
        self.directory = directory
    }

    /// The usual place: `$XDG_CACHE_HOME/ppo-book`, else `~/.cache/ppo-book`.
    public static var defaultDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(NSHomeDirectory())/.cache"
        return "\(base)/ppo-book"
    }

    /// The folder of session results.
    var resultsDirectory: String { "\(directory)/results" }
    /// The folder where cells' `cached(...)` values are kept.
    var memoDirectory: String { "\(directory)/memo" }
    /// The folder of each notebook's last-render record.
    var recordsDirectory: String { "\(directory)/records" }
    /// Remembered facts about large files.
    var facts: FileFacts { FileFacts(directory: "\(directory)/facts") }

    /// The stored results of the session whose key is `key`, by cell position, if a whole entry is there.
    func results(for key: String) -> [Int: CellResult]? {
        let path = self.path(for: key)
        guard let data = FileManager.default.contents(atPath: path),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.format == SessionKeys.format, entry.key == key else { return nil }
        // Marks the entry as recently used, for `prune`.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        return entry.results
    }

    /// Stores `results` (by cell position) under `key`; a cache that cannot be written is skipped, not fatal.
    func store(_ results: [Int: CellResult], for key: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(Entry(format: SessionKeys.format, key: key, results: results)) else { return }
        try? AtomicFile.write(data, to: path(for: key))
    }

    private func path(for key: String) -> String { "\(resultsDirectory)/\(key).json" }

    /// One stored session.
    private struct Entry: Codable {
        var format: String
        var key: String
        var results: [Int: CellResult]
    }
}
