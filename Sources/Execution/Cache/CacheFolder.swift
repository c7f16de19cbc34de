import Foundation

/// What `ppo-book cache list | clear | prune` see of the cache folder: its entries, their
/// kinds, sizes and when each was last used.
public struct CacheFolder: Sendable {
    /// One file of the cache.
    public struct Entry: Sendable {
        /// `results`, `memo`, `records` or `facts`.
        public var kind: String
        /// The file's path.
        public var path: String
        /// Its size in bytes.
        public var bytes: Int
        /// When it was last written or used.
        public var lastUsed: Date
    }

    /// The cache folder.
    public let directory: String

    /// The cache in `directory`.
    public init(directory: String) { self.directory = directory }

    /// Every entry, least recently used first.
    public func entries() -> [Entry] {
        var entries: [Entry] = []
        for kind in ["results", "memo", "records", "facts"] {
            let folder = "\(directory)/\(kind)"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
                let path = "\(folder)/\(name)"
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
                entries.append(Entry(kind: kind, path: path, bytes: (attributes[.size] as? Int) ?? 0,
                                     lastUsed: (attributes[.modificationDate] as? Date) ?? .distantPast))
            }
        }
        return entries.sorted { ($0.lastUsed, $0.path) < ($1.lastUsed, $1.path) }
    }

    /// Removes every entry; returns how many there were.
    @discardableResult
    public func clear() throws -> Int {
        let all = entries()
        for entry in all { try FileManager.default.removeItem(atPath: entry.path) }
        return all.count
    }

    /// Removes the least recently used entries until the rest take at most `maxBytes`; returns those removed.
    @discardableResult
    public func prune(maxBytes: Int) throws -> [Entry] {
        var all = entries()
        var total = all.reduce(0) { $0 + $1.bytes }
        var removed: [Entry] = []
        while total > maxBytes, !all.isEmpty {
            let oldest = all.removeFirst()
            try FileManager.default.removeItem(atPath: oldest.path)
            total -= oldest.bytes
            removed.append(oldest)
        }
        return removed
    }
}
