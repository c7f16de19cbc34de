import CellEvents
import Execution
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `ppo-book render --status-stream` run in a process group of its own (a
/// ``ChildProcess``), so that a restart stops it with everything it started; its status
/// lines are read as they come, and its standard error goes to the terminal.
final class RenderProcess: @unchecked Sendable {
    private let pid: pid_t
    private let lock = NSLock()
    private var stopping = false
    private var exited = false

    /// Starts `executable` with `arguments`; `onStatus` gets each status line, `onExit`
    /// the exit status (or nil when it was stopped), both on a background thread.
    init(executable: String, arguments: [String], onStatus: @escaping @Sendable (RenderStatus) -> Void,
         onExit: @escaping @Sendable (Int32?) -> Void) throws {
        let child: ChildProcess
        do {
            child = try ChildProcess(executable: executable, arguments: arguments,
                                     environment: ProcessInfo.processInfo.environment, errors: .inherited)
        } catch {
            throw PreviewError("\(error)")
        }
        pid = child.pid
        Thread.detachNewThread { [self] in
            var pending = Data()
            let termination = child.communicate(handle: { bytes in
                pending.append(contentsOf: bytes)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = pending[pending.startIndex..<newline]
                    pending = Data(pending[(newline + 1)...])
                    if let status = try? JSONDecoder().decode(RenderStatus.self, from: line) { onStatus(status) }
                }
            })
            let stopped = lock.withLock {
                exited = true
                return stopping
            }
            onExit(stopped ? nil : termination.exitCode ?? 128 + (termination.signal ?? 0))
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
