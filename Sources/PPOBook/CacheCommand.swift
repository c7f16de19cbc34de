import ArgumentParser
import Execution
import Foundation

/// `ppo-book cache list | clear | prune`: look after the cache folder.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "List, clear or prune the cache of results and memoised values.",
        discussion: """
            The cache holds session results (results/), values kept by cached("label") { ... } in cells \\
            (memo/), each notebook's record of its last render (records/) and remembered digests (facts/). \\
            Every entry can be removed at any time: what it held is computed again when next needed.
            """,
        subcommands: [List.self, Clear.self, Prune.self]
    )

    /// The option every subcommand takes.
    struct Location: ParsableArguments {
        @Option(help: ArgumentHelp("The cache folder (default: $XDG_CACHE_HOME/ppo-book or ~/.cache/ppo-book).",
                                   valueName: "dir"))
        var cacheDir: String?

        var folder: CacheFolder { CacheFolder(directory: cacheDir ?? ResultCache.defaultDirectory) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the cache's entries, least recently used first.")
        @OptionGroup var location: Location

        func run() throws {
            let entries = location.folder.entries()
            let formatter = ISO8601DateFormatter()
            for entry in entries {
                print("\(entry.kind)\t\(CacheCommand.size(entry.bytes))\t\(formatter.string(from: entry.lastUsed))\t\(entry.path)")
            }
            let total = entries.reduce(0) { $0 + $1.bytes }
            print("\(entries.count) entries, \(CacheCommand.size(total)) in \(location.folder.directory)")
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove every entry.")
        @OptionGroup var location: Location

        func run() throws {
            let count = try location.folder.clear()
            print("removed \(count) entries from \(location.folder.directory)")
        }
    }

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the least recently used entries until the cache fits a size.")
        @OptionGroup var location: Location

        @Option(help: ArgumentHelp("The largest size to keep: bytes, or a number with K, M or G (1024-based).",
                                   valueName: "size"))
        var maxSize: String

        func validate() throws {
            guard CacheCommand.bytes(maxSize) != nil else {
                throw ValidationError("--max-size '\(maxSize)' is not a size: write e.g. 500M, 2G or 1048576")
            }
        }

        func run() throws {
            let removed = try location.folder.prune(maxBytes: CacheCommand.bytes(maxSize)!)
            let freed = removed.reduce(0) { $0 + $1.bytes }
            print("removed \(removed.count) entries (\(CacheCommand.size(freed))) from \(location.folder.directory)")
        }
    }

    /// `text` (`1048576`, `512K`, `500M`, `2G`) as bytes.
    static func bytes(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let upper = text.uppercased()
        if let unit = upper.last.flatMap({ units[$0] }) {
            return Int(upper.dropLast()).flatMap { $0 >= 0 ? $0 * unit : nil }
        }
        return Int(upper).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// `bytes` for people: `1.5 MiB`.
    static func size(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB"]
        var value = Double(bytes), unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
