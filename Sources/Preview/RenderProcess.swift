import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `ppo-book render --status-stream` run in a process group of its own, so that a
/// restart stops it with everything it started; its status lines are read as they come.
final class RenderProcess: @unchecked Sendable {
    private let pid: pid_t
    private let lock = NSLock()
    private var stopping = false
    private var exited = false

    /// Starts `executable` with `arguments`; `onStatus` gets each status line, `onExit`
    /// the exit status (or nil when it was stopped), both on a background thread.
    init(executable: String, arguments: [String], onStatus: @escaping @Sendable (RenderStatus) -> Void,
         onExit: @escaping @Sendable (Int32?) -> Void) throws {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw PreviewError("could not create a pipe for the render") }
        // Renders of other notebooks, started meanwhile, must not inherit this pipe.
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        close(pipeEnds[1])
        guard status == 0 else {
            close(pipeEnds[0])
            throw PreviewError("could not start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        let reader = pipeEnds[0], started = child
        Thread.detachNewThread { [self] in
            var pending = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(reader, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                pending.append(contentsOf: buffer[0..<count])
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = pending[pending.startIndex..<newline]
                    pending = Data(pending[(newline + 1)...])
                    if let status = try? JSONDecoder().decode(RenderStatus.self, from: line) { onStatus(status) }
                }
            }
            close(reader)
            var exitStatus: Int32 = 0
            while waitpid(started, &exitStatus, 0) < 0 && errno == EINTR {}
            let stopped = lock.withLock {
                exited = true
                return stopping
            }
            onExit(stopped ? nil : ((exitStatus & 0x7f) == 0 ? (exitStatus >> 8) & 0xff : 128 + (exitStatus & 0x7f)))
        }
    }

    /// Stops the render and everything in its process group: SIGTERM, then SIGKILL if it
    /// has not ended within `grace` seconds.
    func stop(grace: Double = 3) {
        let ended: Bool = lock.withLock {
            stopping = true
            return exited
        }
        guard !ended else { return }
        kill(-pid, SIGTERM)
        let deadline = Date() + grace
        while !lock.withLock({ exited }) && Date() < deadline { usleep(10_000) }
        if !lock.withLock({ exited }) { kill(-pid, SIGKILL) }
    }
}

/// A preview that cannot go on, with what went wrong.
public struct PreviewError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
