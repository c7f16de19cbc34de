import CellEvents
import Foundation

/// A program started with its standard output and standard error on one pipe (so what it
/// writes to each arrives in the order written) and its standard input closed.
///
/// It leads its own process group, so a time-out, an interrupt or its own exit stops it
/// together with everything it forked: no process is left behind. It starts with no signal
/// blocked and the default handling of those ppo-book handles, whichever thread started it.
public final class ChildProcess {
    /// Where the child's standard error goes.
    public enum ErrorDestination: Sendable {
        /// The pipe of its standard output, in order with it.
        case output
        /// Wherever ppo-book's own standard error goes (the terminal).
        case inherited
    }

    /// The child's process id (also its process group id).
    public let pid: pid_t
    /// The read end of the pipe holding the child's standard output (and standard error).
    let output: Int32

    /// How long the pipe is still read after the child exits, for what its forks had written
    /// before they were stopped.
    private static let drainSeconds = 1.0

    /// Creating a pipe and spawning happen under one lock, so that a child started from
    /// another thread never inherits the write end of this child's pipe (and so never
    /// keeps it open after this child ends).
    private static let spawnLock = NSLock()

    /// Starts `executable` with `arguments` and `environment` as its whole environment.
    public init(executable: String, arguments: [String], environment: [String: String],
                errors: ErrorDestination = .output) throws {
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        let pipe = try Self.makePipe()
        defer { close(pipe.write) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe.write, 1)
        if errors == .output { posix_spawn_file_actions_adddup2(&actions, pipe.write, 2) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group; no blocked signals and default dispositions for those ppo-book
        // handles, whatever the spawning thread had (Dispatch's threads block most signals).
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var handled = sigset_t()
        sigemptyset(&handled)
        for signalNumber in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&handled, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &handled)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        do {
            pid = try Cleanup.shared.startProcessGroup {
                var pid: pid_t = 0
                let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
                guard status == 0 else {
                    throw ExecutionError("could not start \(executable): \(String(cString: strerror(status)))")
                }
                return pid
            }
        } catch {
            close(pipe.read)
            throw error
        }
        output = pipe.read
    }

    /// Reads the pipe until the child has exited and the pipe is drained, handing each chunk
    /// to `handle`, and returns how the child ended. `check` runs at least every `interval`
    /// seconds and may return `true` to stop the child. Once the child has ended, whatever
    /// it forked is stopped too.
    public func communicate(
        every interval: Double = 0.1,
        handle: (_ bytes: [UInt8]) -> Void,
        check: () -> Bool = { false }
    ) -> ProcessTermination {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var open = true
        var termination: ProcessTermination?
        var drainDeadline = Date.distantFuture
        var killed = false
        var escaped: [pid_t] = []  // descendants in process groups of their own
        while termination == nil || (open && Date() < drainDeadline) {
            // A closed pipe is polled as "nothing to read": the child may still be running.
            var descriptor = pollfd(fd: open ? output : -1, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(interval * 1000))
            if ready > 0 {
                let count = read(output, &buffer, buffer.count)
                if count > 0 {
                    handle(Array(buffer[0..<count]))
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open = false
                }
            }
            if termination == nil, let ended = reap(blocking: false) {
                termination = ended
                // The child is gone; its forks must not outlive it (nor hold the pipe open).
                escaped += ProcessTree.killAll(from: pid)
                drainDeadline = Date() + Self.drainSeconds
            }
            if termination == nil && !killed && check() {
                escaped += ProcessTree.killAll(from: pid)
                killed = true
            }
        }
        close(output)
        escaped += ProcessTree.killAll(from: pid)
        let ended = termination ?? reap(blocking: true)!
        waitForEnd(of: escaped)
        Cleanup.shared.processGroupEnded(pid)
        return ended
    }

    /// Waits, two seconds at most, until no process of the child's group and none of `escaped`
    /// is left running: a killed grandchild (a compiler's frontend, a cell's fork) may still be
    /// finishing a write into a folder that is removed as soon as this returns.
    private func waitForEnd(of escaped: [pid_t]) {
        let deadline = Date() + 2
        while (kill(-pid, 0) == 0 || escaped.contains(where: ProcessTree.isRunning)) && Date() < deadline {
            usleep(2_000)
        }
    }

    /// Waits for the child; nil when it has not ended and `blocking` is false.
    private func reap(blocking: Bool) -> ProcessTermination? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid { return ProcessTermination(status: status) }
            if result == 0 { return nil }
            if errno != EINTR { return ProcessTermination(status: status) }
        }
    }

    /// Runs `executable` to its end, or until `limit` seconds have passed, and returns
    /// everything it wrote and whether it was stopped for taking too long.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    limit: Double = .infinity) throws -> (termination: ProcessTermination, output: String, timedOut: Bool) {
        let child = try ChildProcess(executable: executable, arguments: arguments, environment: environment)
        let deadline = Date() + min(limit, 1e9)
        var output: [UInt8] = []
        var timedOut = false
        let termination = child.communicate(handle: { output += $0 }, check: {
            timedOut = Date() > deadline
            return timedOut
        })
        return (termination, String(decoding: output, as: UTF8.self), timedOut)
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
