import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Writes files so that no reader ever sees half of one, and a crash or power loss never
/// leaves an empty one: the bytes go to a temporary file in the same folder, are flushed to
/// the disk, and the temporary file is then renamed over the target in one step.
///
/// The temporary name (`.NAME.PID.RANDOM.tmp`) is unique to the process and the call, so
/// concurrent writers of one path (two renders of one notebook, the threads of one render)
/// never write into each other's file, and a later process can tell the leftovers of one
/// that was killed (see ``removeLeftovers(in:)``).
///
/// After ``stopWriting()`` (an interrupted render), the temporary files being written are
/// removed and nothing more is moved into place, so every target keeps its earlier contents.
public enum AtomicFile {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: Set<String> = []
    nonisolated(unsafe) private static var stopped = false

    /// Writes `data` to `path`, creating its folder when needed.
    public static func write(_ data: Data, to path: String) throws {
        try write([(data, path)])
    }

    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes every file in `files` to its temporary file first, and only then renames them
    /// all into place, so a failure while writing changes none of the targets.
    public static func write(_ files: [(data: Data, path: String)]) throws {
        var temporaries: [String] = []
        defer { temporaries.forEach(forget) }
        for file in files {
            let folder = URL(fileURLWithPath: file.path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let name = URL(fileURLWithPath: file.path).lastPathComponent
            let temporary = "\(folder)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            let descriptor = try create(temporary)
            temporaries.append(temporary)
            try writeDurably(file.data, to: descriptor, path: temporary)
        }
        for (temporary, file) in zip(temporaries, files) {
            try move(temporary, to: file.path)
        }
    }

    /// Copies the file at `source` to `path`.
    public static func copy(_ source: String, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source])
        }
        try write(data, to: path)
    }

    /// Renames `temporary` (in the same file system) to `path`, replacing what is there;
    /// refused after ``stopWriting()``.
    public static func move(_ temporary: String, to path: String) throws {
        try lock.withLock {
            guard !stopped else { throw CocoaError(.userCancelled, userInfo: [NSFilePathErrorKey: path]) }
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            pending.remove(temporary)
        }
    }

    /// Removes the temporary files being written and refuses to create or move any from now on.
    public static func stopWriting() {
        lock.withLock {
            stopped = true
            for path in pending { unlink(path) }
            pending.removeAll()
        }
    }

    /// Removes the temporary files in `folder` left by processes that no longer exist (a
    /// writer killed outright); those of a process still running are left alone.
    public static func removeLeftovers(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(".tmp".count).split(separator: ".")
            guard parts.count >= 3, let pid = pid_t(parts[parts.count - 2]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: "\(folder)/\(name)")
            }
        }
    }

    /// Creates `path` for writing and remembers it, so ``stopWriting()`` can remove it.
    private static func create(_ path: String) throws -> Int32 {
        try lock.withLock {
            guard !stopped else { throw CocoaError(.userCancelled, userInfo: [NSFilePathErrorKey: path]) }
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            pending.insert(path)
            return descriptor
        }
    }

    /// Removes `temporary` if it is still there (it was not moved into place) and forgets it.
    private static func forget(_ temporary: String) {
        lock.withLock {
            if pending.remove(temporary) != nil { unlink(temporary) }
        }
    }

    /// Writes `data` through `descriptor` (the new file at `path`), flushes it to the disk and closes it.
    private static func writeDurably(_ data: Data, to descriptor: Int32, path: String) throws {
        defer { close(descriptor) }
        var bytes = data[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path]) }
            bytes = bytes.dropFirst(count)
        }
        guard fsync(descriptor) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
