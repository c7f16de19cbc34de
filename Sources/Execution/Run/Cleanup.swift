import CellEvents
import Foundation

/// What a render must undo when it is interrupted: the process groups of the programs it
/// started and the temporary files and folders it made.
///
/// On SIGINT or SIGTERM the command calls ``stopEverything()``: every running program and
/// everything it forked is killed, the temporary paths are removed, and from then on no
/// program is started and no file is moved into place (see ``AtomicFile/stopWriting()``),
/// so the previous page stays intact.
public final class Cleanup: @unchecked Sendable {
    /// The one registry of the running command.
    public static let shared = Cleanup()

    private let lock = NSLock()
    private var processGroups: Set<pid_t> = []
    private var temporaryPaths: Set<String> = []
    private var stopping = false
    private var sweptLeftovers = false

    private init() {}

    /// Whether ``stopEverything()`` has been called.
    public var isStopping: Bool { lock.withLock { stopping } }

    /// Runs `spawn` (which starts a process leading its own group) unless the render is
    /// stopping, and remembers the group it returns.
    func startProcessGroup(_ spawn: () throws -> pid_t) throws -> pid_t {
        try lock.withLock {
            guard !stopping else { throw ExecutionError("the render was interrupted") }
            let group = try spawn()
            processGroups.insert(group)
            return group
        }
    }

    /// Forgets a group whose leader has been waited for.
    func processGroupEnded(_ group: pid_t) {
        lock.withLock { _ = processGroups.remove(group) }
    }

    /// Makes a fresh folder under the system's temporary folder, removed by ``stopEverything()``
    /// if the render is interrupted before ``remove(_:)``. Its name holds this process's id, so
    /// the folders of a process that was killed outright (SIGKILL) are removed by the next one.
    public func makeTemporaryFolder() throws -> String {
        let base = FileManager.default.temporaryDirectory.path
        let path = "\(base)/\(Self.folderPrefix)\(getpid())-\(UUID().uuidString)"
        try lock.withLock {
            if !sweptLeftovers {
                sweptLeftovers = true
                Self.removeFoldersOfDeadProcesses(in: base)
            }
            guard !stopping else { throw ExecutionError("the render was interrupted") }
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            temporaryPaths.insert(path)
        }
        return path
    }

    private static let folderPrefix = "ppo-book-"

    /// Removes `ppo-book-PID-...` folders whose process no longer exists.
    private static func removeFoldersOfDeadProcesses(in base: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(folderPrefix) {
            let pid = name.dropFirst(folderPrefix.count).split(separator: "-").first.flatMap { pid_t($0) }
            if let pid, kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: "\(base)/\(name)")
            }
        }
    }

    /// Removes a temporary file or folder and forgets it.
    public func remove(_ path: String) {
        lock.withLock {
            try? FileManager.default.removeItem(atPath: path)
            _ = temporaryPaths.remove(path)
        }
    }

    /// Kills every running program's process group, removes every temporary path (the
    /// temporary files of ``AtomicFile`` too), and refuses to start programs or move files
    /// into place from now on.
    public func stopEverything() {
        AtomicFile.stopWriting()
        lock.withLock {
            stopping = true
            for group in processGroups { ProcessTree.killAll(from: group) }
            for path in temporaryPaths { try? FileManager.default.removeItem(atPath: path) }
            temporaryPaths.removeAll()
        }
    }
}
