import CellEvents
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started in its own process group, with its standard output and error
/// captured through pipes and its standard input closed.
///
/// Its own process group lets a time-out stop it together with anything it forked.
final class ChildProcess {
    /// The child's process id (also its process group id).
    let pid: pid_t
    /// The read end of the child's standard output.
    let output: Int32
    /// The read end of the child's standard error.
    let errors: Int32

    /// Creating pipes and spawning happen under one lock, so that a child started from
    /// another thread never inherits the write end of this child's pipes (and so never
    /// keeps them open after this child ends).
    private static let spawnLock = NSLock()

    /// Starts `executable` with `arguments` and `environment` as its whole environment.
    init(executable: String, arguments: [String], environment: [String: String]) throws {
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        let outputPipe = try Self.makePipe()
        let errorPipe = try Self.makePipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe.write, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outputPipe.write)
        close(errorPipe.write)
        guard status == 0 else {
            close(outputPipe.read)
            close(errorPipe.read)
            throw ExecutionError("could not start \(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        output = outputPipe.read
        errors = errorPipe.read
    }

    /// Reads both pipes until they close, handing each chunk to `handle`, and returns how the
    /// child ended. `check` runs at least every `interval` seconds and may return `true` to
    /// stop the child (and its whole process group).
    func communicate(
        every interval: Double = 0.1,
        handle: (_ fromErrors: Bool, _ bytes: [UInt8]) -> Void,
        check: () -> Bool = { false }
    ) -> ProcessTermination {
        var open = [output, errors]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var killed = false
        while !open.isEmpty {
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(interval * 1000))
            if ready < 0 && errno != EINTR { break }
            for descriptor in descriptors where descriptor.revents != 0 {
                let count = read(descriptor.fd, &buffer, buffer.count)
                if count > 0 {
                    handle(descriptor.fd == errors, Array(buffer[0..<count]))
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(descriptor.fd)
                    open.removeAll { $0 == descriptor.fd }
                }
            }
            if !killed && check() {
                kill(-pid, SIGKILL)
                killed = true
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return ProcessTermination(status: status)
    }

    /// Runs `executable` to its end and returns everything it wrote.
    static func run(_ executable: String, _ arguments: [String],
                    environment: [String: String]) throws -> (termination: ProcessTermination, output: String, errors: String) {
        let child = try ChildProcess(executable: executable, arguments: arguments, environment: environment)
        var output: [UInt8] = [], errors: [UInt8] = []
        let termination = child.communicate { fromErrors, bytes in
            if fromErrors { errors += bytes } else { output += bytes }
        }
        return (termination, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw ExecutionError("could not create a pipe: \(String(cString: strerror(errno)))")
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }
}
