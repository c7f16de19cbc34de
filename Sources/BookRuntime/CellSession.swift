import CellEvents
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The running notebook program's side of ppo-book: the generated program calls these
/// around each cell, and `show(...)` and `progress(...)` send their events through it.
///
/// Events go to standard output between the printed text, framed with the nonce that
/// ppo-book passes in the environment, so their order with `print` is kept exactly.
public enum CellSession {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var framing: EventFraming?
    nonisolated(unsafe) private static var runningCell: Int?
    nonisolated(unsafe) private static var currentInline: Int?

    /// The position in its session of the cell now running, if any.
    static var currentCell: Int? { lock.withLock { runningCell } }

    /// Prepares the program: line-buffered output (so text survives a trap), the event
    /// framing, and the notebook's folder as the working directory.
    public static func start() {
        setvbuf(stdout, nil, _IOLBF, 0)
        let environment = ProcessInfo.processInfo.environment
        if let nonce = environment[CellSessionEnvironment.nonce] {
            framing = EventFraming(nonce: nonce)
        }
        if let directory = environment[CellSessionEnvironment.workingDirectory] {
            _ = FileManager.default.changeCurrentDirectoryPath(directory)
        }
    }

    /// The cell at position `cell` of the session begins.
    public static func begin(cell: Int) {
        lock.withLock { runningCell = cell }
        send(.cellStarted(cell))
        markStandardError(.cellStarted(cell))
    }

    /// Marks standard error too, so what a cell writes there (or a trap's report) is told apart.
    private static func markStandardError(_ event: CellEvent) {
        guard let framing else { return }
        lock.withLock {
            let bytes = framing.encode(event)
            _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
        }
    }

    /// The inline value at position `index` of the session is evaluated next; `inline(...)` sends its text.
    public static func beginInline(_ index: Int) {
        lock.withLock { currentInline = index }
        send(.inlineStarted(index))
        markStandardError(.inlineStarted(index))
    }

    /// Sends the text of the inline value being evaluated.
    static func sendInline(_ text: String) {
        guard let index = lock.withLock({ currentInline }) else { return }
        send(.inlineValue(index: index, text: text))
    }

    /// The cell at position `cell` of the session ran to its end.
    public static func end(cell: Int) {
        send(.cellFinished(cell))
    }

    /// Runs an `expect-error` cell in a forked copy of this program, which inherits all
    /// state so far. Returns `true` in the copy, which then runs the cell; returns `false`
    /// here once the copy has ended, after reporting how it ended.
    public static func isolate(cell: Int) -> Bool {
        fflush(stdout)
        let errorLog = FileManager.default.temporaryDirectory
            .appendingPathComponent("ppo-book-\(getpid())-\(cell).stderr").path
        let pid = fork()
        if pid == 0 {
            let descriptor = open(errorLog, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            dup2(descriptor, 2)
            close(descriptor)
            return true
        }
        guard pid > 0 else { fatalError("ppo-book: could not fork to run the expect-error cell \(cell)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let report = (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
        unlink(errorLog)
        let termination = ProcessTermination(status: status)
        if !termination.succeeded {
            send(.expectedErrorOccurred(cell: cell, message: report + "\nThe cell ended with \(termination.description)."))
        }
        return false
    }

    /// Called in the forked copy when an `expect-error` cell ran to its end: reports it and ends the copy.
    public static func missingExpectedError(cell: Int) -> Never {
        send(.expectedErrorMissing(cell))
        fflush(stdout)
        _exit(0)
    }

    /// Sends an event, in order with the text printed so far.
    static func send(_ event: CellEvent) {
        lock.withLock {
            guard let framing else { return }
            fflush(stdout)
            let bytes = framing.encode(event)
            _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, stdout) }
            fflush(stdout)
        }
    }
}
