import CellEvents
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Facts about large files that are slow to work out (a digest of the engine library's
/// bytes, the compiler's version), remembered in the cache folder under the file's identity:
/// its resolved path, size, inode, and modification and status-change times to the
/// nanosecond. A rebuilt or replaced file has a new identity, so the fact is worked out again.
///
/// Without a folder (`--no-cache`), every fact is worked out each time.
struct FileFacts: Sendable {
    /// Where facts are kept, or nil to keep none.
    let directory: String?

    /// The digest of the bytes of the file at `path`, or nil if it cannot be read.
    func digest(of path: String) -> String? {
        try? fact("digest", about: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ExecutionError("\(path) could not be read")
            }
            var hash = SHA256()
            hash.update(data)
            return hash.hexDigest()
        }
    }

    /// The fact named `name` about the file at `path`: remembered, or worked out by `work`.
    func fact(_ name: String, about path: String, work: () throws -> String) throws -> String {
        guard let directory, let identity = Self.identity(of: path) else { return try work() }
        var hash = SHA256()
        hash.update(name)
        hash.update(identity)
        let file = "\(directory)/\(hash.hexDigest())"
        if let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8),
           text.hasPrefix(identity + "\n") {
            return String(text.dropFirst(identity.count + 1))
        }
        let value = try work()
        try? AtomicFile.write(Data((identity + "\n" + value).utf8), to: file)
        return value
    }

    /// The file's resolved path, size, inode and times, or nil if it does not exist.
    private static func identity(of path: String) -> String? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        guard stat(resolved, &info) == 0 else { return nil }
        return [resolved, String(info.st_size), String(info.st_ino), String(info.st_dev),
                "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)", "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"]
            .joined(separator: " ")
    }
}
