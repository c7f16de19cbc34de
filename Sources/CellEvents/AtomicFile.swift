import Foundation

/// Writes files so that no reader ever sees half of one: the bytes go to a temporary file in
/// the same folder, which is then renamed over the target in one step. The temporary name is
/// unique to the process and the call, so concurrent writers of one path (two renders of one
/// notebook, the threads of one render) never write into each other's file.
public enum AtomicFile {
    /// Writes `data` to `path`, creating its folder when needed.
    public static func write(_ data: Data, to path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let temporary = "\(folder)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            try move(temporary, to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Copies the file at `source` to `path`.
    public static func copy(_ source: String, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source])
        }
        try write(data, to: path)
    }

    /// Renames `temporary` (in the same file system) to `path`, replacing what is there.
    public static func move(_ temporary: String, to path: String) throws {
        guard rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
