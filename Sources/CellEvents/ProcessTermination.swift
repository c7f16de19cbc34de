#if canImport(Glibc)
import Glibc
#endif

/// How a process ended, read from the status `waitpid` reports: ppo-book reads it for a
/// notebook program, and the program itself for the forked copy that runs an `expect-error` cell.
public struct ProcessTermination: Equatable, Sendable {
    /// The raw status from `waitpid`.
    public let status: Int32

    /// Wraps a raw `waitpid` status.
    public init(status: Int32) {
        self.status = status
    }

    /// The signal that stopped the process, if one did.
    public var signal: Int32? { status & 0x7F == 0 ? nil : status & 0x7F }

    /// The exit code, if the process exited by itself.
    public var exitCode: Int32? { signal == nil ? (status >> 8) & 0xFF : nil }

    /// Whether the process exited with code 0.
    public var succeeded: Bool { exitCode == 0 }

    /// "exit code 1" or "signal 4 (Illegal instruction)".
    public var description: String {
        if let signal { return "signal \(signal) (\(String(cString: strsignal(signal))))" }
        return "exit code \(exitCode ?? -1)"
    }
}
