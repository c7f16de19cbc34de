import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches a set of files by their size and modification time, and which notebooks (`.md`
/// files) a set of folders holds, checked every few milliseconds, and reports a change once
/// everything has been still for `quiet` seconds (an editor's save is often several writes and a rename).
final class FileWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String]
    private let folders: [String]
    private let quiet: Double

    /// Watches `files`, and the notebooks that appear in or leave `folders`.
    init(files: [String], folders: [String] = [], quiet: Double = 0.08) {
        self.files = files
        self.folders = folders
        self.quiet = quiet
    }

    /// Replaces the files watched (a notebook's declared inputs may change with it).
    func watch(_ files: [String]) { lock.withLock { self.files = files } }

    /// Calls `onChange` on a background thread after each settled change, for ever.
    func start(onChange: @escaping @Sendable () -> Void) {
        Thread.detachNewThread { [self] in
            var seen = stamps()
            var changedAt: Date?
            while true {
                usleep(20_000)
                let now = stamps()
                if now != seen {
                    seen = now
                    changedAt = Date()
                } else if let since = changedAt, Date().timeIntervalSince(since) >= quiet {
                    changedAt = nil
                    onChange()
                }
            }
        }
    }

    /// Each file's size and modification time (empty for a missing file), and each folder's notebooks.
    private func stamps() -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            result[folder + "/"] = names.filter { $0.hasSuffix(".md") }.sorted().joined(separator: "\n")
        }
        for file in lock.withLock({ files }) {
            var info = stat()
            result[file] = stat(file, &info) == 0
                ? "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)" : ""
        }
        return result
    }
}
